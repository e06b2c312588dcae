import type { Behaviour, GuidanceCandidate, RadioGuidance } from '../knowledge'
import { codeClearsGate } from './battery-job-gate'
import { RADIO_CODE_SOURCE_LABELS, type RadioCodeSourceName } from './radio-code'

/*
 * What the desk is told about a car's radio code at check-in, in one of five
 * plain answers, from our own records (is a code on file for the installed
 * radio, and has it worked) and the radio knowledge base (does this radio
 * usually need a code):
 *
 *   code-on-file-verified  a code is on file and it has worked in the radio
 *   code-on-file           a code is on file, not yet confirmed in the radio
 *   code-expected-missing  this radio usually needs a code and we have none
 *   no-code-expected       this radio pairs itself with the car
 *   unknown                unknown make or year, the report cannot say, or
 *                          the radio locks only if the owner set a code
 *
 * Where several knowledge-base entries could fit, the safe reading wins: any
 * entry that needs a code makes the code expected; "no code" only when every
 * candidate pairs with the car.
 */

export const CODE_SITUATIONS = ['code-on-file-verified', 'code-on-file', 'code-expected-missing', 'no-code-expected', 'unknown'] as const
export type CodeSituationKind = (typeof CODE_SITUATIONS)[number]

export const CODE_SITUATION_LABELS: Readonly<Record<CodeSituationKind, string>> = {
  'code-on-file-verified': 'Code on file (worked in the radio)',
  'code-on-file': 'Code on file (not yet confirmed)',
  'code-expected-missing': 'Code needed, none on file',
  'no-code-expected': 'No code expected (pairs with the car)',
  unknown: 'Unknown',
}

/** The prompt to the desk when a code may be needed and we have none. */
export const ASK_FOR_CODE_CARD =
  'Ask the customer for their code card now: look in the owner’s manual wallet and the glove box.'

/** What the radio report expects of this car's radio, whatever is on file. */
export interface RadioExpectation {
  /** code: usually locks; no-code: pairs with the car; owner-set: locks only if the owner set a code; unknown: cannot say. */
  readonly kind: 'code' | 'no-code' | 'owner-set' | 'unknown'
  /** The knowledge-base entries considered (label and behaviour), usual one first. */
  readonly entries: readonly { readonly id: string; readonly label: string; readonly behaviour: Behaviour }[]
  /** What the desk must check on the car before relying on a single matching entry. */
  readonly mustConfirm: readonly string[]
  /** The knowledge base's own explanation of the lookup. */
  readonly explanation: string
  /** True when the model year is missing and would narrow it down. */
  readonly yearWouldHelp: boolean
}

function candidatesOf(guidance: RadioGuidance): readonly GuidanceCandidate[] {
  switch (guidance.kind) {
    case 'match':
      return [guidance]
    case 'several':
    case 'no-year':
      return guidance.candidates
    default:
      return []
  }
}

export function radioExpectation(guidance: RadioGuidance): RadioExpectation {
  const candidates = candidatesOf(guidance)
  const behaviours = candidates.map((c) => c.entry.behaviour)
  const kind: RadioExpectation['kind'] =
    behaviours.length === 0
      ? 'unknown'
      : behaviours.includes('code')
        ? 'code'
        : behaviours.every((b) => b === 'pairs-with-car')
          ? 'no-code'
          : behaviours.includes('owner-set-code') && !behaviours.includes('unknown')
            ? 'owner-set'
            : 'unknown'
  return {
    kind,
    entries: candidates.map((c) => ({ id: c.entry.id, label: c.entry.label, behaviour: c.entry.behaviour })),
    mustConfirm: guidance.kind === 'match' ? guidance.mustConfirm : [],
    explanation: guidance.explanation,
    yearWouldHelp: guidance.kind === 'no-year',
  }
}

/** The installed radio's current code as the records show it (never the code). */
export interface CodeOnFile {
  readonly codeId: number
  readonly radioId: number
  readonly verified: boolean
  readonly source: RadioCodeSourceName
}

export interface CodeSituation {
  readonly kind: CodeSituationKind
  readonly label: string
  /** One or two plain sentences for the desk. */
  readonly sentence: string
  /** Ask the customer for their code card now (ASK_FOR_CODE_CARD). */
  readonly askForCodeCard: boolean
  /** Offer to open a code retrieval request in one step. */
  readonly offerRetrieval: boolean
  readonly code: CodeOnFile | null
  /** Whether the code on file may clear the pre-disconnect gate as “code on file”. */
  readonly codeClearsGate: boolean
  readonly expectation: RadioExpectation
  /** True when the vehicle has an installed radio on file. */
  readonly radioOnFile: boolean
}

function listLabels(expectation: RadioExpectation, behaviour?: Behaviour): string {
  const labels = [
    ...new Set(expectation.entries.filter((e) => behaviour === undefined || e.behaviour === behaviour).map((e) => e.label)),
  ]
  return labels.join('; ')
}

function expectationSentence(expectation: RadioExpectation): { kind: CodeSituationKind; sentence: string } {
  const yearHint = expectation.yearWouldHelp ? ' Add the model year to the vehicle to be sure.' : ''
  const confirm = expectation.mustConfirm.length > 0 ? ` Check first: ${expectation.mustConfirm.join(' ')}` : ''
  switch (expectation.kind) {
    case 'code': {
      const pairs = expectation.entries.some((e) => e.behaviour === 'pairs-with-car')
        ? ' Some of these cars pair the radio with the car instead; the technician can check for an anti-theft light.'
        : ''
      return {
        kind: 'code-expected-missing',
        sentence: `This radio usually needs a code after the battery is disconnected (${listLabels(expectation, 'code')}), and we have no code on file.${confirm}${pairs}${yearHint}`,
      }
    }
    case 'no-code':
      return {
        kind: 'no-code-expected',
        sentence: `This radio pairs itself with the car (${listLabels(expectation)}): no code is expected after a battery disconnect.${confirm}${yearHint}`,
      }
    case 'owner-set':
      return {
        kind: 'unknown',
        sentence: `This radio locks only if the owner set a code (${listLabels(expectation, 'owner-set-code')}). Ask the customer whether they set one.${yearHint}`,
      }
    case 'unknown':
      return {
        kind: 'unknown',
        sentence:
          expectation.entries.length === 0
            ? `We cannot tell whether this radio needs a code. ${expectation.explanation}`
            : `The radio report cannot say whether this radio needs a code. ${expectation.explanation}`,
      }
  }
}

/**
 * The check-in answer for a car: its installed radio's current code (null when
 * none, or no radio on file) and the knowledge-base guidance for the vehicle.
 */
export function summarizeCodeSituation(input: {
  readonly code: CodeOnFile | null
  readonly radioOnFile: boolean
  readonly guidance: RadioGuidance
}): CodeSituation {
  const expectation = radioExpectation(input.guidance)
  const base = { code: input.code, expectation, radioOnFile: input.radioOnFile, codeClearsGate: codeClearsGate(input.code) }
  if (input.code) {
    if (input.code.verified) {
      return {
        ...base,
        kind: 'code-on-file-verified',
        label: CODE_SITUATION_LABELS['code-on-file-verified'],
        sentence: 'A code is on file for this radio, and it has worked in the radio.',
        askForCodeCard: false,
        offerRetrieval: false,
      }
    }
    const source = RADIO_CODE_SOURCE_LABELS[input.code.source].toLowerCase()
    const gate = base.codeClearsGate
      ? ''
      : ' Until it has worked in the radio, connect a memory saver (or get the customer’s go-ahead) before the battery comes off.'
    return {
      ...base,
      kind: 'code-on-file',
      label: CODE_SITUATION_LABELS['code-on-file'],
      sentence: `A code is on file for this radio (source: ${source}), but it has not been confirmed in the radio yet.${gate}`,
      askForCodeCard: false,
      offerRetrieval: false,
    }
  }
  const { kind, sentence } = expectationSentence(expectation)
  const ask = kind === 'code-expected-missing' || kind === 'unknown'
  return {
    ...base,
    kind,
    label: CODE_SITUATION_LABELS[kind],
    sentence: ask ? `${sentence} ${ASK_FOR_CODE_CARD}` : sentence,
    askForCodeCard: ask,
    offerRetrieval: ask,
  }
}

/** The code is unknown: none on file, and the radio may need one. */
export function codeUnknown(situation: Pick<CodeSituation, 'kind'>): boolean {
  return situation.kind === 'code-expected-missing' || situation.kind === 'unknown'
}
