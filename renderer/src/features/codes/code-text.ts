import { mayRevealCodes, type StaffMember } from '../../../../shared/domain/staff'
import { api, ApiCallError, errorMessage } from '../../lib/api'

/** What the desk is told when their account may not see codes. */
export const NO_REVEAL_PERMISSION =
  'Your account may not reveal codes. A manager can allow it under Settings → Staff.'

export const NO_RELEASE_PERMISSION =
  'Your account may not reveal codes, so it may not give them out either. A manager can allow it under Settings → Staff.'

/** How long a revealed code stays on screen. */
export const REVEAL_SECONDS = 30

/** The member signed in at the desk, or null (signed out, or status could not be read). */
export async function deskMember(): Promise<StaffMember | null> {
  try {
    return (await api.security.status({})).signedIn
  } catch {
    return null
  }
}

export type Refusal = { readonly kind: 'needs-pin' } | { readonly kind: 'refused'; readonly message: string }

/**
 * Why main refused to show a code, in the desk's words. A FORBIDDEN answer
 * means one of: signed out, no permission, or a PIN is needed (or was wrong);
 * which one is read from who is signed in, not from the message's wording.
 */
export async function explainRefusal(error: unknown, noPermission: string): Promise<Refusal> {
  if (error instanceof ApiCallError && error.code === 'SIGNED_OUT') {
    return { kind: 'refused', message: 'You were signed out. Sign in again, then try once more.' }
  }
  if (!(error instanceof ApiCallError) || error.code !== 'FORBIDDEN') return { kind: 'refused', message: errorMessage(error) }
  const member = await deskMember()
  if (member === null) return { kind: 'refused', message: 'Nobody is signed in at the desk. Sign in with your PIN, then try again.' }
  if (!mayRevealCodes(member)) return { kind: 'refused', message: noPermission }
  return { kind: 'needs-pin' }
}

/** "53164" → ["5","3","1","6","4"]; long codes are grouped in fours for reading aloud. */
export function codeGroups(code: string): string[][] {
  const chars = [...code]
  if (chars.length <= 6) return [chars]
  const groups: string[][] = []
  for (let i = 0; i < chars.length; i += 4) groups.push(chars.slice(i, i + 4))
  return groups
}

const SPOKEN: Readonly<Record<string, string>> = {
  '0': 'zero',
  '1': 'one',
  '2': 'two',
  '3': 'three',
  '4': 'four',
  '5': 'five',
  '6': 'six',
  '7': 'seven',
  '8': 'eight',
  '9': 'nine',
}

/** "5316" → "five, three, one, six": what a screen reader says, digit by digit. */
export function spokenCode(code: string): string {
  return [...code].map((char) => SPOKEN[char] ?? char).join(', ')
}
