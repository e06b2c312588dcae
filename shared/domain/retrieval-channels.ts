import {
  findRadioGuidance,
  makeKey,
  type Channel,
  type GuidanceCandidate,
  type KnowledgeBase,
  type KnowledgeEntry,
  type RadioGuidance,
} from '../knowledge'
import {
  CHANNEL_KIND_LABELS,
  CODE_SOURCE_FOR_CHANNEL,
  type ChannelNotOffered,
  type RetrievalChannelOption,
  type RetrievalChannelOptions,
  type RetrievalChannelSnapshot,
  type RetrievalChecklistItem,
} from './retrieval'

/*
 * Which legitimate channels apply to a vehicle, and what each needs. Only the
 * knowledge base's channels are offered (no insurer, no third-party code
 * service: the knowledge base lists neither, and says insurers should not be
 * listed). Pure: the knowledge base and the vehicle's facts are passed in.
 */

export interface RetrievalVehicleFacts {
  readonly id: number
  readonly make: string
  readonly model: string
  readonly year: number | null
  /** '' when not on file. */
  readonly vin: string
}

export interface RetrievalRadioFacts {
  /** '' when not on file. */
  readonly serial: string
}

function candidatesOf(guidance: RadioGuidance): readonly GuidanceCandidate[] {
  switch (guidance.kind) {
    case 'match':
      return [{ entry: guidance.entry, mustConfirm: guidance.mustConfirm, why: guidance.why }]
    case 'several':
    case 'no-year':
      return guidance.candidates
    default:
      return []
  }
}

/** `<entry id>/<kind>/<n>`: n counts channels of that kind within the entry, from 0. */
export function channelRefs(entry: KnowledgeEntry): { readonly ref: string; readonly channel: Channel }[] {
  const seen = new Map<string, number>()
  return entry.channels.map((channel) => {
    const n = seen.get(channel.kind) ?? 0
    seen.set(channel.kind, n + 1)
    return { ref: `${entry.id}/${channel.kind}/${n}`, channel }
  })
}

function slug(text: string): string {
  const key = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return key.length > 0 ? key.slice(0, 60) : 'item'
}

function capitalise(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1)
}

/** The proof-of-ownership items for the entry's makes, in the channel's region (or any region when the channel has none). */
function ownershipItems(kb: KnowledgeBase, entry: KnowledgeEntry, region: string | null) {
  const keys = new Set(entry.makes.map(makeKey))
  return kb.proofOfOwnership.byMake.filter(
    (item) =>
      item.makes.some((make) => keys.has(makeKey(make))) && (region === null || item.region === null || item.region === region),
  )
}

function who(item: { readonly makes: readonly string[]; readonly region: string | null }): string {
  return `${item.makes.join('/')}${item.region ? ` (${item.region})` : ''}`
}

/** What dealers or makers ask for this make, from the knowledge base's proof-of-ownership data. */
function ownershipAsksForMake(kb: KnowledgeBase, entry: KnowledgeEntry, region: string | null): string[] {
  const lines: string[] = []
  for (const item of ownershipItems(kb, entry, region)) {
    if (item.asks.length > 0) lines.push(`${who(item)}: reported to ask for ${item.asks.join(', ')}.`)
    for (const note of item.notes) lines.push(note.text)
  }
  return lines
}

function phoneCautions(kb: KnowledgeBase, entry: KnowledgeEntry, region: string | null): string[] {
  return ownershipItems(kb, entry, region)
    .filter((item) => item.byPhone === false)
    .map((item) => `${who(item)}: reported not to give codes by phone.`)
}

const PROOF_WORDS = /proof of ownership|registration|title|\bV5\b|logbook/i
const SERIAL_WORDS = /serial|pre-code|VWZ|AUZ|display code|dealer code/i

function vinWhere(vehicle: RetrievalVehicleFacts): string {
  return vehicle.vin !== ''
    ? `On file: ${vehicle.vin}.`
    : 'Not on file yet: read it off the car or the registration or title, and add it to the vehicle.'
}

function serialWhere(entry: KnowledgeEntry, radio: RetrievalRadioFacts | null): string[] {
  const serial = entry.serial
  const notes = serial?.status === 'described' ? serial.notes.map((note) => note.text) : []
  if (radio && radio.serial !== '') return [`On file: ${radio.serial}.`, ...notes]
  if (serial?.status === 'not-applicable') return [serial.reason]
  if (serial?.status !== 'described') return ['Not on file, and the knowledge base does not say where this radio’s identifier is; the dealer can tell.']
  const lines = [`Not on file yet. ${capitalise(serial.name)}${serial.format ? ` (${serial.format})` : ''}:`]
  for (const place of serial.whereFound) lines.push(place.text)
  for (const method of serial.showOnDisplay) {
    if (method.short) lines.push(`Shown on the radio’s display with ${method.short}${method.appliesTo ? ` (${method.appliesTo})` : ''}.`)
  }
  return [...lines, ...notes]
}

function proofWhere(kb: KnowledgeBase, entry: KnowledgeEntry, region: string | null): string[] {
  return [
    'From the owner: the registration or title, or the purchase documents (bill of sale, invoice).',
    ...ownershipAsksForMake(kb, entry, region),
    kb.proofOfOwnership.summary.text,
  ]
}

/** Where to find one thing a channel asks for; the knowledge base's own words where it has them. */
function whereToFind(
  ask: string,
  kb: KnowledgeBase,
  entry: KnowledgeEntry,
  channel: Channel,
  vehicle: RetrievalVehicleFacts,
  radio: RetrievalRadioFacts | null,
): string[] {
  const lines: string[] = []
  if (/\bVIN\b/.test(ask)) lines.push(vinWhere(vehicle))
  if (SERIAL_WORDS.test(ask)) lines.push(...serialWhere(entry, radio))
  if (PROOF_WORDS.test(ask)) lines.push(...proofWhere(kb, entry, channel.region))
  if (/\bID\b/.test(ask)) lines.push('The owner’s photo ID (driving licence or passport).')
  if (/contact/i.test(ask)) lines.push('The owner’s name, address, phone and e-mail, from the customer record or the owner.')
  if (/\bthe (car|vehicle)\b/i.test(ask)) lines.push('The car itself, with the radio installed, taken to the dealer.')
  if (/part number/i.test(ask)) lines.push('On the radio itself; ask the dealer how to read it if it is not on file.')
  if (lines.length === 0) lines.push('Ask the channel exactly what they need.')
  return lines
}

const SELF_SERVICE_LABELS: Partial<Record<Channel['kind'], string>> = {
  'code-card': 'The code card',
  'glovebox-sticker': 'The code sticker',
  'other-label-or-note': 'A label or note with the code',
  'owners-documents': 'The owner’s documents',
  owner: 'The code the owner set',
}

/** The checklist a request through `channel` starts with. Items never hold the code. */
export function buildRetrievalChecklist(
  kb: KnowledgeBase,
  entry: KnowledgeEntry,
  channel: Channel,
  vehicle: RetrievalVehicleFacts,
  radio: RetrievalRadioFacts | null,
): RetrievalChecklistItem[] {
  const items: RetrievalChecklistItem[] = []
  const add = (key: string, label: string, where: readonly string[]) => {
    if (items.some((item) => item.key === key)) return
    items.push({ key, label, whereToFind: [...new Set(where)], done: false, note: '' })
  }
  const selfService = SELF_SERVICE_LABELS[channel.kind]
  if (selfService) {
    const where = [channel.description, ...channel.notes.map((note) => note.text)]
    add('look-for-code', selfService, channel.kind === 'owner' ? ['Ask the owner.', ...where] : where)
    return items
  }
  for (const ask of channel.asks) add(slug(ask), capitalise(ask), whereToFind(ask, kb, entry, channel, vehicle, radio))
  if (channel.kind === 'manufacturer-website' && channel.asks.length === 0) {
    add('what-the-site-asks', 'What the site asks for', [
      'The knowledge base does not say what this site asks for.',
      ...channel.notes.map((note) => note.text),
    ])
  }
  // Dealers and the maker's customer service are reported to ask for proof of ownership.
  if ((channel.kind === 'dealer' || channel.kind === 'manufacturer-customer-service') && !channel.asks.some((ask) => PROOF_WORDS.test(ask))) {
    add('proof-of-ownership', 'Proof of ownership', proofWhere(kb, entry, channel.region))
  }
  return items
}

export function channelSnapshot(entry: KnowledgeEntry, ref: string, channel: Channel): RetrievalChannelSnapshot {
  return {
    ref,
    kind: channel.kind,
    kindLabel: CHANNEL_KIND_LABELS[channel.kind],
    entryId: entry.id,
    entryLabel: entry.label,
    description: channel.description,
    url: channel.url,
    region: channel.region,
    asks: [...channel.asks],
    notes: channel.notes.map((note) => note.text),
  }
}

/** The channels people ask about that are not offered, with the knowledge base's reason where it gives one. */
export function channelsNotOffered(kb: KnowledgeBase): ChannelNotOffered[] {
  const insurerNote = [...kb.proofOfOwnership.rules, ...kb.unconfirmed].find((note) => /insurer/i.test(note.text))
  return [
    {
      channel: 'insurer',
      reason: insurerNote?.text ?? 'The knowledge base does not list insurers as a source of radio codes.',
    },
    {
      channel: 'third-party-service',
      reason:
        'The knowledge base lists no third-party code service, so none is offered. If one is ever used, only a well-established, secure service — never a code calculator or a serial-to-code tool.',
    },
  ]
}

/** The knowledge base's channels for this vehicle (all candidates' when it cannot tell entries apart). */
export function retrievalChannelsFor(
  kb: KnowledgeBase,
  vehicle: RetrievalVehicleFacts,
  radio: RetrievalRadioFacts | null,
): RetrievalChannelOptions {
  const guidance = findRadioGuidance(kb, { make: vehicle.make, model: vehicle.model, year: vehicle.year })
  const channels: RetrievalChannelOption[] = []
  for (const candidate of candidatesOf(guidance)) {
    const { entry } = candidate
    for (const { ref, channel } of channelRefs(entry)) {
      const cautions = phoneCautions(kb, entry, channel.region)
      channels.push({
        ...channelSnapshot(entry, ref, channel),
        behaviour: entry.behaviour,
        mustConfirm: candidate.mustConfirm,
        codeSource: CODE_SOURCE_FOR_CHANNEL[channel.kind],
        checklist: buildRetrievalChecklist(kb, entry, channel, vehicle, radio),
        cautions: channel.kind === 'dealer' || channel.kind === 'manufacturer-customer-service' ? cautions : [],
      })
    }
  }
  return {
    vehicleId: vehicle.id,
    guidance: guidance.kind,
    explanation: guidance.explanation,
    channels,
    notOffered: channelsNotOffered(kb),
  }
}
