import { z } from 'zod'
import { CARD_FORMATS, type CardFormat } from './code-card'
import { DOCUMENT_PAGE_SIZES, PAPER_SIZES, RECEIPT_WIDTH_MM, paperPageSize, type PaperSize } from './kit'
import { REMINDER_FORMATS, reminderPageSize, type ReminderFormat } from './pickup-reminder'
import type { PageSizeMm } from './units'

/*
 * How one front-desk computer prints each kind of document: which printer,
 * which format (card, receipt, label, paper), orientation where it applies,
 * copies, silently or through the system dialog, and the offset that
 * calibrates the printer (a card or label printer rarely lands the page
 * exactly where the driver says). Stored per workstation, per document type.
 */

export const SETUP_DOCUMENTS = ['code-card', 'pickup-reminder', 'code-guide', 'dealer-request'] as const
export type SetupDocument = (typeof SETUP_DOCUMENTS)[number]

export const SETUP_DOCUMENT_LABELS: Readonly<Record<SetupDocument, string>> = {
  'code-card': 'Code card',
  'pickup-reminder': 'Pickup reminder',
  'code-guide': '“How to get your radio code” guide',
  'dealer-request': 'Dealer code request',
}

export const FORMAT_LABELS: Readonly<Record<CardFormat | ReminderFormat | PaperSize, string>> = {
  wallet: 'Wallet card (85.6 × 54 mm)',
  sheet: 'Sheet of ten business cards (Avery 5371/8371, Letter)',
  receipt: '80 mm receipt',
  label: '62 mm continuous label',
  letter: 'Letter (8.5 × 11 in)',
  a4: 'A4 (210 × 297 mm)',
}

export const ORIENTATIONS = ['landscape', 'portrait'] as const
export type Orientation = (typeof ORIENTATIONS)[number]

/** Largest calibration offset either way: more than this is a driver or paper setting, not a nudge. */
export const MAX_OFFSET_MM = 25

const offsetMm = z
  .number('The offset is a number of millimetres.')
  .min(-MAX_OFFSET_MM, `Keep the offset within ±${MAX_OFFSET_MM} mm.`)
  .max(MAX_OFFSET_MM, `Keep the offset within ±${MAX_OFFSET_MM} mm.`)
  // Tenths of a millimetre: finer than any printer lands the paper.
  .transform((value) => Math.round(value * 10) / 10)

const commonFields = {
  /** The system printer name; null: this computer's default printer. */
  printerName: z.string().trim().max(300, 'That printer name is too long.').nullable().default(null),
  copies: z.number().int('Copies is a whole number.').min(1, 'Print at least one copy.').max(20, 'Print at most 20 copies at once.').default(1),
  /** Print at once (true) or through the system print dialog (false). */
  silent: z.boolean().default(false),
  /** Only the wallet card has a choice: card printers feed it either way round. */
  orientation: z.enum(ORIENTATIONS).default('landscape'),
  /** Positive: the print moves right (x) or down (y) on the paper. */
  offsetXmm: offsetMm.default(0),
  offsetYmm: offsetMm.default(0),
}

const enumOf = <T extends string>(values: readonly T[]) => values as unknown as [T, ...T[]]

export const printSetupSchema = z.discriminatedUnion('document', [
  z.strictObject({ document: z.literal('code-card'), format: z.enum(CARD_FORMATS).default('sheet'), ...commonFields }),
  z.strictObject({ document: z.literal('pickup-reminder'), format: z.enum(REMINDER_FORMATS).default('receipt'), ...commonFields }),
  z.strictObject({ document: z.literal('code-guide'), format: z.enum(enumOf(PAPER_SIZES)).default('letter'), ...commonFields }),
  z.strictObject({ document: z.literal('dealer-request'), format: z.enum(enumOf(PAPER_SIZES)).default('letter'), ...commonFields }),
])
export type PrintSetup = z.output<typeof printSetupSchema>
export type PrintSetupInput = z.input<typeof printSetupSchema>

/** Every document type's setup on this computer (defaults where none was saved). */
export type PrintSetups = { readonly [D in SetupDocument]: Extract<PrintSetup, { document: D }> }

export function formatsFor(document: SetupDocument): readonly string[] {
  switch (document) {
    case 'code-card':
      return CARD_FORMATS
    case 'pickup-reminder':
      return REMINDER_FORMATS
    case 'code-guide':
    case 'dealer-request':
      return PAPER_SIZES
  }
}

export function defaultPrintSetup<D extends SetupDocument>(document: D): Extract<PrintSetup, { document: D }> {
  return printSetupSchema.parse({ document }) as Extract<PrintSetup, { document: D }>
}

/** A stored setup, or the defaults when it is missing or no longer valid (written by another version). */
export function storedPrintSetup<D extends SetupDocument>(document: D, stored: unknown): Extract<PrintSetup, { document: D }> {
  const value = typeof stored === 'object' && stored !== null ? { ...stored, document } : { document }
  const parsed = printSetupSchema.safeParse(value)
  return parsed.success ? (parsed.data as Extract<PrintSetup, { document: D }>) : defaultPrintSetup(document)
}

/** Whether the orientation choice means anything for this format (only the wallet card can go either way). */
export function orientationApplies(document: SetupDocument, format: string): boolean {
  return document === 'code-card' && format === 'wallet'
}

/** Receipts are as long as their content; a test page on the roll is this long. */
export const RECEIPT_TEST_PAGE_HEIGHT_MM = 100

/** The page a format prints on (a receipt: its width and the test page's length). */
export function formatPageSize(format: string): PageSizeMm {
  switch (format) {
    case 'wallet':
      return DOCUMENT_PAGE_SIZES.id1
    case 'sheet':
      return DOCUMENT_PAGE_SIZES.letter
    case 'receipt':
      return { widthMm: RECEIPT_WIDTH_MM, heightMm: RECEIPT_TEST_PAGE_HEIGHT_MM }
    case 'label':
      return reminderPageSize('label')
    case 'a4':
    case 'letter':
      return paperPageSize(format)
    default:
      return DOCUMENT_PAGE_SIZES.letter
  }
}

/** The setup a document kind is printed with ("code-card-wallet" → code-card). */
export function setupDocumentOfKind(kind: string): SetupDocument | null {
  return SETUP_DOCUMENTS.find((document) => kind === document || kind.startsWith(`${document}-`)) ?? null
}

const SHORT_FORMAT_LABELS: Readonly<Record<string, string>> = {
  wallet: 'wallet card',
  sheet: 'business-card sheet',
  receipt: '80 mm receipt',
  label: '62 mm label',
  letter: 'Letter',
  a4: 'A4',
}

/** "code-card-wallet" → "Code card (wallet card)", for the print history. */
export function documentKindLabel(kind: string): string {
  if (kind === 'test-page') return 'Printer test page'
  const document = setupDocumentOfKind(kind)
  if (document === null) return kind
  const format = SHORT_FORMAT_LABELS[kind.slice(document.length + 1)]
  return format ? `${SETUP_DOCUMENT_LABELS[document]} (${format})` : SETUP_DOCUMENT_LABELS[document]
}
