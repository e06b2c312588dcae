import { z } from 'zod'

/*
 * How long the desk may sit unused before whoever is signed in is signed out
 * (a shop setting; everyone may read it, a manager changes it).
 */

export const IDLE_LOCK_MIN_MINUTES = 1
export const IDLE_LOCK_MAX_MINUTES = 60
export const IDLE_LOCK_DEFAULT_MINUTES = 5

export const idleLockMinutesSchema = z
  .number('Enter the minutes as a number.')
  .int('Use whole minutes.')
  .min(IDLE_LOCK_MIN_MINUTES, `At least ${IDLE_LOCK_MIN_MINUTES} minute.`)
  .max(IDLE_LOCK_MAX_MINUTES, `At most ${IDLE_LOCK_MAX_MINUTES} minutes: a desk left signed in is open to anyone passing.`)

export const idleLockSchema = z.object({ minutes: idleLockMinutesSchema })

/** What shop_settings stores under the idle-lock key. */
export const storedIdleLockSchema = z.object({ minutes: idleLockMinutesSchema })

export interface IdleLockSetting {
  readonly minutes: number
  /** True when nobody has changed it (the default applies). */
  readonly isDefault: boolean
  readonly defaultMinutes: number
  readonly minMinutes: number
  readonly maxMinutes: number
}

export function idleLockSetting(minutes: number | null): IdleLockSetting {
  return {
    minutes: minutes ?? IDLE_LOCK_DEFAULT_MINUTES,
    isDefault: minutes === null,
    defaultMinutes: IDLE_LOCK_DEFAULT_MINUTES,
    minMinutes: IDLE_LOCK_MIN_MINUTES,
    maxMinutes: IDLE_LOCK_MAX_MINUTES,
  }
}
