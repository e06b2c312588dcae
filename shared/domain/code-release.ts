import { z } from 'zod'
import { tidyText } from './normalize'
import { enteredPinSchema } from './staff'

/*
 * Giving a code to a person at the counter or on the phone.
 *
 * Rules:
 * - The person at the desk needs the reveal permission and a PIN (or one typed
 *   in the last couple of minutes), exactly as for a reveal.
 * - At least one proof of ownership is checked: registration, title,
 *   insurance card or purchase documents. A photo ID may be recorded as well,
 *   but it proves who someone is, not that they own the car, so it does not
 *   count on its own.
 * - The one exception: a manager, at the counter, may release without a proof
 *   and must write why (for example "known customer, documents in the post").
 *   The reason is kept in the audit row. Nobody else, and never by phone.
 * - By phone, codes go only to the owner, who reads a document out
 *   (registration, title...) for the desk to compare with the file; someone
 *   collecting for the owner comes to the counter with the owner's documents.
 * - Only the current code is released: a superseded one is refused.
 */

export const OWNERSHIP_PROOF_TYPES = ['registration', 'title', 'insurance-card', 'purchase-documents'] as const
export const RELEASE_PROOF_TYPES = [...OWNERSHIP_PROOF_TYPES, 'photo-id'] as const
export type ReleaseProofType = (typeof RELEASE_PROOF_TYPES)[number]

export const RELEASE_PROOF_LABELS: Readonly<Record<ReleaseProofType, string>> = {
  registration: 'Registration',
  title: 'Title',
  'insurance-card': 'Insurance card',
  'purchase-documents': 'Purchase documents (bill of sale, invoice)',
  'photo-id': 'Photo ID (identity only)',
}

export const RELEASE_RECIPIENT_ROLES = ['owner', 'for-owner'] as const
export type ReleaseRecipientRole = (typeof RELEASE_RECIPIENT_ROLES)[number]

export const RELEASE_CHANNELS = ['in-person', 'phone'] as const
export type ReleaseChannel = (typeof RELEASE_CHANNELS)[number]

export function isOwnershipProof(proof: ReleaseProofType): boolean {
  return (OWNERSHIP_PROOF_TYPES as readonly string[]).includes(proof)
}

export const releaseCodeSchema = z
  .object({
    codeId: z.number().int().positive(),
    pin: enteredPinSchema.nullable().default(null),
    recipientName: z
      .string()
      .max(200, 'Keep the name under 80 characters.')
      .transform(tidyText)
      .pipe(z.string().min(1, 'Enter the name of the person getting the code.').max(80, 'Keep the name under 80 characters.')),
    recipientRole: z.enum(RELEASE_RECIPIENT_ROLES, 'Say whether this is the owner or someone collecting for the owner.'),
    via: z.enum(RELEASE_CHANNELS, 'Say whether the code is given at the counter or by phone.'),
    proofs: z
      .array(z.enum(RELEASE_PROOF_TYPES, 'Choose registration, title, insurance card, purchase documents or photo ID.'))
      .max(RELEASE_PROOF_TYPES.length)
      .refine((proofs) => new Set(proofs).size === proofs.length, 'Each proof is listed once.'),
    /** Manager only, at the counter only: why the code is released without a proof of ownership. */
    noProofReason: z
      .string()
      .max(400, 'Keep the reason under 200 characters.')
      .transform(tidyText)
      .pipe(z.string().max(200, 'Keep the reason under 200 characters.'))
      .nullable()
      .default(null)
      .transform((value) => (value === '' ? null : value)),
  })
  .strict()
  .superRefine((input, ctx) => {
    const hasOwnershipProof = input.proofs.some(isOwnershipProof)
    if (input.via === 'phone' && input.recipientRole !== 'owner') {
      ctx.addIssue({
        code: 'custom',
        path: ['recipientRole'],
        message: 'By phone, a code goes only to the owner. Someone collecting for the owner comes to the counter with the owner’s documents.',
      })
    }
    if (hasOwnershipProof && input.noProofReason !== null) {
      ctx.addIssue({ code: 'custom', path: ['noProofReason'], message: 'A reason is given only when no proof of ownership was seen.' })
    }
    if (!hasOwnershipProof) {
      if (input.via === 'phone') {
        ctx.addIssue({
          code: 'custom',
          path: ['proofs'],
          message: 'By phone, the owner must read out a proof of ownership (registration, title, insurance card or purchase documents) for you to compare with the file.',
        })
      } else if (input.noProofReason === null) {
        ctx.addIssue({
          code: 'custom',
          path: ['proofs'],
          message: 'Check at least one proof of ownership: registration, title, insurance card or purchase documents (a photo ID alone does not prove ownership).',
        })
      }
    }
  })

export type ReleaseCodeInput = z.output<typeof releaseCodeSchema>
