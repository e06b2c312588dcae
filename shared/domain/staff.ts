import { z } from 'zod'
import { tidyText } from './normalize'

export const STAFF_ROLES = ['desk', 'technician', 'manager'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

export const PIN_MIN_LENGTH = 4
export const PIN_MAX_LENGTH = 8

/**
 * Why a PIN is not accepted, in words for the person choosing it; null when it is fine.
 * Rules: 4–8 digits, not one digit repeated (0000), not a straight run up or down (1234, 9876).
 */
export function pinProblem(pin: string): string | null {
  if (pin.length === 0) return 'Enter a PIN.'
  if (!/^[0-9]+$/.test(pin)) return 'A PIN is digits only (0–9), no letters or spaces.'
  if (pin.length < PIN_MIN_LENGTH) return `A PIN has at least ${PIN_MIN_LENGTH} digits.`
  if (pin.length > PIN_MAX_LENGTH) return `A PIN has at most ${PIN_MAX_LENGTH} digits.`
  if (/^(\d)\1+$/.test(pin)) return 'A PIN with one digit repeated (like 0000) is the first thing anyone tries. Choose another.'
  const digits = [...pin].map(Number)
  const steps = new Set(digits.slice(1).map((digit, i) => digit - (digits[i] ?? 0)))
  if (steps.size === 1 && (steps.has(1) || steps.has(-1))) {
    return 'A PIN in a straight run (like 1234 or 4321) is easy to guess. Choose another.'
  }
  return null
}

/** A new PIN as typed at the desk (surrounding spaces dropped), checked by pinProblem. */
export const newPinSchema = z
  .string()
  .max(64, `A PIN has at most ${PIN_MAX_LENGTH} digits.`)
  .transform((value) => value.trim())
  .superRefine((value, ctx) => {
    const problem = pinProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

/** A PIN typed to prove who you are: only its shape is checked, so old PINs still work. */
export const enteredPinSchema = z
  .string()
  .max(64)
  .transform((value) => value.trim())
  .pipe(z.string().regex(/^[0-9]{1,16}$/, 'Enter your PIN (digits only).'))

export const staffNameSchema = z
  .string()
  .transform(tidyText)
  .pipe(z.string().min(1, 'Enter the person’s name.').max(80, 'Keep the name under 80 characters.'))

/** The vault passphrase a manager chooses when this computer cannot protect the key by itself. */
export const VAULT_PASSPHRASE_MIN_LENGTH = 12
export const vaultPassphraseSchema = z
  .string()
  .max(1024, 'Keep the passphrase under 1024 characters.')
  .refine(
    (value) => [...value.trim()].length >= VAULT_PASSPHRASE_MIN_LENGTH,
    `Use at least ${VAULT_PASSPHRASE_MIN_LENGTH} characters; a few unrelated words work well.`,
  )
  .refine((value) => new Set(value).size > 3, 'That passphrase is too repetitive; use a few unrelated words.')

export const firstManagerSchema = z.object({
  name: staffNameSchema,
  pin: newPinSchema,
})

export const newStaffSchema = z.object({
  name: staffNameSchema,
  role: z.enum(STAFF_ROLES, 'Choose desk, technician or manager.'),
  pin: newPinSchema,
  canRevealCodes: z.boolean().default(false),
  canPrintCodes: z.boolean().default(false),
})

export const staffPermissionsSchema = z.object({
  staffId: z.number().int().positive(),
  canRevealCodes: z.boolean(),
  canPrintCodes: z.boolean(),
})

export const resetPinSchema = z.object({
  staffId: z.number().int().positive(),
  newPin: newPinSchema,
})

export const changeOwnPinSchema = z.object({
  currentPin: enteredPinSchema,
  newPin: newPinSchema,
})

export type FirstManagerInput = z.output<typeof firstManagerSchema>
export type NewStaff = z.output<typeof newStaffSchema>
export type NewStaffInput = z.input<typeof newStaffSchema>
export type StaffPermissions = z.output<typeof staffPermissionsSchema>

/** A staff member as the app shows them. Never carries the PIN hash. */
export interface StaffMember {
  readonly id: number
  readonly name: string
  readonly role: StaffRole
  /** Managers may always reveal and print; for others these are the manager's settings. */
  readonly canRevealCodes: boolean
  readonly canPrintCodes: boolean
  readonly active: boolean
  /** Locked after wrong PINs until this time (ISO); null when not locked by time. */
  readonly lockedUntil: string | null
  /** Locked until a manager resets the PIN (after very many wrong PINs in a row). */
  readonly needsManagerReset: boolean
  readonly failedPinAttempts: number
  readonly pinChangedAt: string | null
  readonly createdAt: string
}

/**
 * What the sign-in picker shows before anyone is signed in: active staff,
 * their role and whether they are locked out. Nothing more (no wrong-PIN
 * counts, permissions or dates), because anyone at the counter can ask.
 */
export interface StaffRosterEntry {
  readonly id: number
  readonly name: string
  readonly role: StaffRole
  readonly lockedUntil: string | null
  readonly needsManagerReset: boolean
}

/** The roster: active members only, by name. */
export function toStaffRoster(members: readonly StaffMember[]): StaffRosterEntry[] {
  return members
    .filter((member) => member.active)
    .map(({ id, name, role, lockedUntil, needsManagerReset }) => ({ id, name, role, lockedUntil, needsManagerReset }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

/** Whether this member may see codes in clear text (manager, or granted by a manager). */
export function mayRevealCodes(member: Pick<StaffMember, 'role' | 'canRevealCodes' | 'active'>): boolean {
  return member.active && (member.role === 'manager' || member.canRevealCodes)
}

/** Whether this member may print code cards (manager, or granted by a manager). */
export function mayPrintCodes(member: Pick<StaffMember, 'role' | 'canPrintCodes' | 'active'>): boolean {
  return member.active && (member.role === 'manager' || member.canPrintCodes)
}
