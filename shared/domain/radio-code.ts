import { z } from 'zod'
import { tidyText } from './normalize'
import { enteredPinSchema } from './staff'

/** Where a code came from, most trustworthy first. Stored as these exact strings. */
export const RADIO_CODE_SOURCES = [
  'owner-card',
  'sticker',
  'owners-manual',
  'customer',
  'dealer',
  'manufacturer-website',
  'previous-visit',
  'other',
] as const
export type RadioCodeSourceName = (typeof RADIO_CODE_SOURCES)[number]

export const RADIO_CODE_SOURCE_LABELS: Readonly<Record<RadioCodeSourceName, string>> = {
  'owner-card': 'Code card from the owner',
  sticker: 'Sticker (glovebox, trunk, radio)',
  'owners-manual': 'Owner’s manual',
  customer: 'Told by the customer',
  dealer: 'Dealer',
  'manufacturer-website': 'Manufacturer website',
  'previous-visit': 'Previous visit',
  other: 'Other',
}

export const RADIO_CODE_MAX_LENGTH = 24

/**
 * What lists show instead of a code. Always the same five dots, whatever the
 * code's length: the length alone narrows a guess (a 4-digit code has 10^4
 * values, a 5-digit one 10^5) and is visible over a shoulder.
 */
export const RADIO_CODE_MASK = '•••••'

/** A code as stored: spaces and dashes removed, letters uppercased. */
export function normalizeRadioCode(code: string): string {
  return code.replace(/[\s\-‐‑‒–—]+/g, '').toUpperCase()
}

export const radioCodeSchema = z
  .string()
  .max(200, `A radio code has at most ${RADIO_CODE_MAX_LENGTH} characters.`)
  .transform(normalizeRadioCode)
  .pipe(
    z
      .string()
      .min(1, 'Enter the code.')
      .max(RADIO_CODE_MAX_LENGTH, `A radio code has at most ${RADIO_CODE_MAX_LENGTH} characters.`)
      .regex(/^[0-9A-Z]+$/, 'A radio code is letters and digits only.'),
  )

const noteText = (max: number, label: string) =>
  z
    .string()
    .transform(tidyText)
    .pipe(z.string().max(max, `Keep ${label} under ${max} characters.`))

export const newRadioCodeSchema = z.object({
  radioId: z.number().int().positive(),
  code: radioCodeSchema,
  source: z.enum(RADIO_CODE_SOURCES, 'Say where the code came from.'),
  /** Free text, e.g. "card in glovebox" or the dealer's name. Never the code itself. */
  sourceDetail: noteText(200, 'the source detail').default(''),
  /** Why a code that does not match the usual format for this radio was kept anyway. */
  formatOverrideReason: noteText(200, 'the reason')
    .nullable()
    .default(null)
    .transform((value) => (value === '' ? null : value)),
})

export const codeIdInput = z.object({ codeId: z.number().int().positive() })

/** Reveal or print: the PIN may be left out when the person unlocked in the last couple of minutes. */
export const revealCodeSchema = z.object({
  codeId: z.number().int().positive(),
  pin: enteredPinSchema.nullable().default(null),
})

export type NewRadioCode = z.output<typeof newRadioCodeSchema>
export type NewRadioCodeInput = z.input<typeof newRadioCodeSchema>
export type RevealCodeInput = z.output<typeof revealCodeSchema>

export interface StaffRef {
  readonly id: number
  readonly name: string
}

/** One code in a radio's history, without the code: `masked` is always RADIO_CODE_MASK. */
export interface RadioCodeHistoryEntry {
  readonly id: number
  readonly radioId: number
  readonly masked: string
  readonly current: boolean
  readonly source: RadioCodeSourceName
  readonly sourceDetail: string
  readonly formatOverrideReason: string | null
  readonly enteredBy: StaffRef
  readonly enteredAt: string
  readonly verifiedBy: StaffRef | null
  readonly verifiedAt: string | null
  readonly supersededBy: number | null
  readonly supersededAt: string | null
}

/** A code in clear text, handed out only by an audited reveal or print. */
export interface RevealedCode {
  readonly codeId: number
  readonly radioId: number
  readonly code: string
  readonly current: boolean
  readonly verifiedAt: string | null
  /** The audit row that records this reveal or print. */
  readonly auditId: number
}
