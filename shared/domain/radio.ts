import { z } from 'zod'
import { tidyText } from './normalize'

/** Whether a radio has a current code, and whether the radio accepted it. The code itself never travels in lists. */
export type RadioCodeStatus = 'none' | 'on-file' | 'verified'

export interface RadioSummary {
  readonly id: number
  readonly vehicleId: number
  readonly serial: string
  readonly headUnit: string
  readonly installedAt: string | null
  readonly removedAt: string | null
  readonly removedReason: string
  readonly createdAt: string
  readonly codeStatus: RadioCodeStatus
}

export const radioSerialSchema = z
  .string()
  .transform((value) => tidyText(value).toUpperCase())
  .pipe(z.string().max(40, 'A radio serial has at most 40 characters.'))

export const newRadioSchema = z.object({
  vehicleId: z.number().int().positive(),
  serial: radioSerialSchema.default(''),
  headUnit: z
    .string()
    .transform(tidyText)
    .pipe(z.string().max(80, 'Keep the head-unit description under 80 characters.'))
    .default(''),
  /** Why the previous radio (if any) was taken out; kept on the old record. */
  replacesReason: z.string().max(200).transform(tidyText).default(''),
})

export const updateRadioSchema = z.object({
  id: z.number().int().positive(),
  serial: radioSerialSchema,
  headUnit: z.string().transform(tidyText).pipe(z.string().max(80, 'Keep the head-unit description under 80 characters.')),
})

export type NewRadio = z.output<typeof newRadioSchema>
export type UpdateRadio = z.output<typeof updateRadioSchema>
