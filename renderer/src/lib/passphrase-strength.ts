import { VAULT_PASSPHRASE_MIN_LENGTH } from '../../../shared/domain/staff'

/*
 * A rough hint while a manager chooses the vault passphrase. It is a nudge,
 * not a guarantee: the rules that are enforced are vaultPassphraseSchema's
 * (shared/domain/staff.ts). Length matters most; a few unrelated words beat
 * one word with symbols.
 */

export type PassphraseStrength = 'empty' | 'too-short' | 'weak' | 'fair' | 'good' | 'strong'

export interface PassphraseHint {
  readonly strength: PassphraseStrength
  /** One short sentence for under the field. */
  readonly text: string
}

const WELL_KNOWN = ['password', 'passwort', 'qwerty', 'azerty', '123456', '654321', 'letmein', 'welcome', 'iloveyou', 'admin', 'radiocode', 'abcdef']

function characterKinds(text: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9\s]/, /\s/].filter((pattern) => pattern.test(text)).length
}

function wordCount(text: string): number {
  return text.split(/[\s\-_.,;:+/]+/).filter((word) => word.length >= 3).length
}

export function passphraseHint(passphrase: string): PassphraseHint {
  const trimmed = passphrase.trim()
  const length = [...trimmed].length
  if (length === 0) return { strength: 'empty', text: '' }
  if (length < VAULT_PASSPHRASE_MIN_LENGTH) {
    const left = VAULT_PASSPHRASE_MIN_LENGTH - length
    return { strength: 'too-short', text: `Too short: ${left} more character${left === 1 ? '' : 's'} needed.` }
  }
  const lower = trimmed.toLowerCase()
  if (new Set(trimmed).size <= 3) return { strength: 'weak', text: 'Weak: too repetitive. Use a few unrelated words.' }
  if (WELL_KNOWN.some((word) => lower.includes(word))) {
    return { strength: 'weak', text: 'Weak: it contains something everyone tries first (like “password” or “123456”).' }
  }
  const words = wordCount(trimmed)
  const kinds = characterKinds(trimmed)
  if (length >= 24 || (length >= 18 && (words >= 3 || kinds >= 3))) return { strength: 'strong', text: 'Strong.' }
  if (length >= 16 || words >= 3 || kinds >= 3) return { strength: 'good', text: 'Good. One more word would make it strong.' }
  return { strength: 'fair', text: 'Fair: long enough, but easy to guess. Add another word or two.' }
}
