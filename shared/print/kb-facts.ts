import { makeKey, resolveMake, type Channel, type ChannelKind, type KnowledgeBase, type KnowledgeEntry, type RadioGuidance } from '../knowledge'

/*
 * What the customer documents print from the radio knowledge base, and only
 * that: entry steps, the locked display texts, the channels with what each
 * asks for, and the proof-of-ownership table. When the knowledge base cannot
 * tell which entry applies, entry steps are left out (the card then says to
 * see the owner's manual) rather than guessed.
 */

export interface KbChannelFact {
  readonly kind: ChannelKind
  readonly description: string
  readonly url: string | null
  readonly region: string | null
  readonly asks: readonly string[]
}

export interface KbEntryFacts {
  readonly label: string
  readonly lockedDisplay: readonly { readonly text: string; readonly meaning: string | null }[]
  readonly channels: readonly KbChannelFact[]
}

export interface KbProofItem {
  readonly makes: readonly string[]
  readonly region: string | null
  readonly asks: readonly string[]
  readonly byPhone: boolean | null
  readonly notes: readonly string[]
}

export interface KbDocumentFacts {
  /**
   * Entry steps for the card: only when exactly one entry that takes a code
   * applies (entries for radios paired with the car left out) and it has
   * steps; otherwise empty.
   */
  readonly entrySteps: readonly string[]
  /** The entries that may apply (one for a match; several when the knowledge base cannot tell them apart). */
  readonly entries: readonly KbEntryFacts[]
  /** Proof-of-ownership items for this make. */
  readonly proof: readonly KbProofItem[]
  /** The knowledge base's general proof-of-ownership summary. */
  readonly proofSummary: string | null
}

export const NO_KB_FACTS: KbDocumentFacts = { entrySteps: [], entries: [], proof: [], proofSummary: null }

function channelFact(channel: Channel): KbChannelFact {
  return { kind: channel.kind, description: channel.description, url: channel.url, region: channel.region, asks: channel.asks }
}

function entryFacts(entry: KnowledgeEntry): KbEntryFacts {
  return {
    label: entry.label,
    lockedDisplay: entry.lockedDisplay?.texts.map((t) => ({ text: t.text, meaning: t.meaning })) ?? [],
    channels: entry.channels.map(channelFact),
  }
}

function applicableEntries(guidance: RadioGuidance): KnowledgeEntry[] {
  switch (guidance.kind) {
    case 'match':
      return [guidance.entry]
    case 'several':
    case 'no-year':
      return guidance.candidates.map((c) => c.entry)
    default:
      return []
  }
}

/** The documents' knowledge-base facts for a vehicle's guidance. */
export function kbFactsFor(kb: KnowledgeBase, guidance: RadioGuidance, make: string): KbDocumentFacts {
  const entries = applicableEntries(guidance)
  // A radio with a code takes codes: entries for radios that pair with the car instead drop out.
  // Steps print only when exactly one entry remains (never a guess between two).
  const takesCode = entries.filter((entry) => entry.behaviour !== 'pairs-with-car')
  const entrySteps = takesCode.length === 1 && takesCode[0]!.entry ? takesCode[0]!.entry.steps : []
  const resolved = resolveMake(kb, make)
  const key = makeKey(resolved ?? make)
  const proof =
    key === ''
      ? []
      : kb.proofOfOwnership.byMake
          .filter((item) => item.makes.some((m) => makeKey(m) === key))
          .map((item) => ({
            makes: item.makes,
            region: item.region,
            asks: item.asks,
            byPhone: item.byPhone,
            notes: item.notes.map((n) => n.text),
          }))
  return { entrySteps, entries: entries.map(entryFacts), proof, proofSummary: kb.proofOfOwnership.summary.text }
}

/** Channels where the customer looks first (card, sticker, other labels, the owner's documents). */
export const SELF_SERVICE_KINDS: readonly ChannelKind[] = ['code-card', 'glovebox-sticker', 'other-label-or-note', 'owners-documents', 'owner']
