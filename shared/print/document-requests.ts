import { z } from 'zod'
import { enteredPinSchema } from '../domain/staff'
import { CARD_FORMATS, SHEET_POSITIONS } from './code-card'
import { PAPER_SIZES, type PaperSize } from './kit'
import { REMINDER_FORMATS } from './pickup-reminder'

/*
 * What the desk asks to print, validated in main. Every document is for a
 * battery job (jobId) or, where that makes sense without one, a vehicle
 * (vehicleId): exactly one of the two.
 */

const id = z.number().int().positive()
const target = {
  jobId: id.nullable().default(null),
  vehicleId: id.nullable().default(null),
}
const oneTarget = (value: { jobId: number | null; vehicleId: number | null }) => (value.jobId === null) !== (value.vehicleId === null)
const oneTargetMessage = { message: 'Give the battery job or the vehicle (one of them).', path: ['jobId'] }
const paper = z.enum(PAPER_SIZES as [PaperSize, ...PaperSize[]], 'Paper is Letter or A4.')

export const codeCardRequestSchema = z
  .strictObject({
    document: z.literal('code-card'),
    ...target,
    format: z.enum(CARD_FORMATS, 'The card format is wallet, sheet or receipt.'),
    /** Sheet only: positions 1–10 to print (left to right, top to bottom). */
    positions: z
      .array(z.number().int().min(1).max(SHEET_POSITIONS, `Sheet positions run from 1 to ${SHEET_POSITIONS}.`))
      .min(1, 'Choose at least one position on the sheet.')
      .max(SHEET_POSITIONS)
      .nullable()
      .default(null),
    qr: z.boolean().default(false),
  })
  .refine(oneTarget, oneTargetMessage)

export const pickupReminderRequestSchema = z.strictObject({
  document: z.literal('pickup-reminder'),
  jobId: id,
  format: z.enum(REMINDER_FORMATS, 'The reminder prints on an 80 mm receipt or a 62 mm label.'),
})

export const codeGuideRequestSchema = z
  .strictObject({ document: z.literal('code-guide'), ...target, paper })
  .refine(oneTarget, oneTargetMessage)

export const dealerRequestRequestSchema = z
  .strictObject({
    document: z.literal('dealer-request'),
    ...target,
    paper,
    dealerName: z.string().trim().max(120, 'Keep the dealer name under 120 characters.').nullable().default(null),
    /** Proof of ownership the shop holds, one item per line (e.g. "Registration, seen 24 Nov 2026"). */
    proofsOnFile: z.array(z.string().trim().min(1).max(200, 'Keep each proof under 200 characters.')).max(10).default([]),
  })
  .refine(oneTarget, oneTargetMessage)

export const documentRequestSchema = z.discriminatedUnion('document', [
  codeCardRequestSchema,
  pickupReminderRequestSchema,
  codeGuideRequestSchema,
  dealerRequestRequestSchema,
])
export type DocumentRequest = z.output<typeof documentRequestSchema>
export type DocumentRequestInput = z.input<typeof documentRequestSchema>

export const printDocumentSchema = z.strictObject({
  request: documentRequestSchema,
  /** System printer name; null: the printer this computer is set up with for the document (or its default printer). */
  printerName: z.string().max(300).nullable().default(null),
  /** null: as this computer is set up for the document. */
  copies: z.number().int().min(1, 'Print at least one copy.').max(20, 'Print at most 20 copies at once.').nullable().default(null),
  /** Code cards only: the PIN, unless one was typed in the last couple of minutes. */
  pin: enteredPinSchema.nullable().default(null),
  /** Print without the system dialog; null: as this computer is set up for the document. */
  silent: z.boolean().nullable().default(null),
})
export type PrintDocumentInput = z.input<typeof printDocumentSchema>

export const saveDocumentPdfSchema = z.strictObject({
  request: documentRequestSchema,
  pin: enteredPinSchema.nullable().default(null),
})
export type SaveDocumentPdfInput = z.input<typeof saveDocumentPdfSchema>

/** The format a request prints in (card or reminder format, or the paper). */
export function requestFormat(request: DocumentRequest): string {
  switch (request.document) {
    case 'code-card':
    case 'pickup-reminder':
      return request.format
    case 'code-guide':
    case 'dealer-request':
      return request.paper
  }
}
