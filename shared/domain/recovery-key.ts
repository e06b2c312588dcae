/*
 * The vault recovery key as people handle it: 8 groups of 4 Crockford base32
 * characters, e.g. "7KQ2-M9XD-…". The first 7 groups (28 characters, 140
 * random bits) are the key; the last group is a 20-bit CRC of them, so a typo
 * is caught here, before any slow key derivation. A CRC of degree 20 catches
 * every error within 4 neighbouring characters: any one wrong character, and
 * any two swapped neighbours.
 *
 * Reading is forgiving: lower case, spaces, dashes and dots are fine, O reads
 * as 0 and I or L as 1 (Crockford's rule; U, which the alphabet leaves out,
 * is refused).
 *
 * Pure: no node or DOM. The random bytes come from main (node:crypto).
 */

export const RECOVERY_KEY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const RECOVERY_KEY_GROUP_LENGTH = 4
export const RECOVERY_KEY_GROUPS = 8
const DATA_SYMBOLS = 28
const CHECK_SYMBOLS = 4
const TOTAL_SYMBOLS = DATA_SYMBOLS + CHECK_SYMBOLS
/** Random bytes needed to make one key (140 bits are used). */
export const RECOVERY_KEY_RANDOM_BYTES = 18
/** Bits of randomness in a key. */
export const RECOVERY_KEY_BITS = DATA_SYMBOLS * 5

const CRC_BITS = 20
const CRC_MASK = (1 << CRC_BITS) - 1
/** x^20 + x^19 + x^4 + x^3 + x + 1 (the x^20 term implied). Its constant term makes every burst of up to 20 bits show. */
const CRC_POLY = 0x8001b
const CRC_INIT = 0xfffff

function crc20(symbols: readonly number[]): number {
  let register = CRC_INIT
  for (const symbol of symbols) {
    for (let bit = 4; bit >= 0; bit -= 1) {
      const top = ((register >>> (CRC_BITS - 1)) & 1) ^ ((symbol >>> bit) & 1)
      register = (register << 1) & CRC_MASK
      if (top) register ^= CRC_POLY
    }
  }
  return register
}

function checkSymbols(data: readonly number[]): number[] {
  const crc = crc20(data)
  return [15, 10, 5, 0].map((shift) => (crc >>> shift) & 31)
}

function toText(symbols: readonly number[]): string {
  return symbols.map((symbol) => RECOVERY_KEY_ALPHABET[symbol]).join('')
}

/** "7KQ2M9XD…" (32 characters) → "7KQ2-M9XD-…". */
export function formatRecoveryKey(compact: string): string {
  const groups: string[] = []
  for (let at = 0; at < compact.length; at += RECOVERY_KEY_GROUP_LENGTH) groups.push(compact.slice(at, at + RECOVERY_KEY_GROUP_LENGTH))
  return groups.join('-')
}

/** The groups of a formatted or compact key, for showing them one by one. */
export function recoveryKeyGroups(key: string): string[] {
  return formatRecoveryKey(key.replace(/-/g, '')).split('-')
}

/**
 * A new key from random bytes (at least RECOVERY_KEY_RANDOM_BYTES, from a
 * cryptographic source): the first 140 bits become 28 characters, then the
 * check group. Returns the formatted key.
 */
export function recoveryKeyFromRandom(random: Uint8Array): string {
  if (random.length < RECOVERY_KEY_RANDOM_BYTES) throw new Error(`A recovery key needs ${RECOVERY_KEY_RANDOM_BYTES} random bytes.`)
  const data: number[] = []
  let buffer = 0
  let bits = 0
  for (const byte of random) {
    buffer = ((buffer << 8) | byte) & 0xffff
    bits += 8
    while (bits >= 5 && data.length < DATA_SYMBOLS) {
      data.push((buffer >>> (bits - 5)) & 31)
      bits -= 5
    }
    if (data.length === DATA_SYMBOLS) break
  }
  return formatRecoveryKey(toText([...data, ...checkSymbols(data)]))
}

/** Upper case, separators dropped, O→0 and I/L→1. Does not check anything. */
export function normalizeRecoveryKeyText(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015.·_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
}

export type RecoveryKeyParse =
  | {
      readonly ok: true
      /** The 32 characters, upper case, no separators: what the key derivation uses. */
      readonly compact: string
      readonly formatted: string
    }
  | { readonly ok: false; readonly problem: string }

/** Reads a typed key: the right characters, the right length, and the check group matches. */
export function parseRecoveryKey(text: string): RecoveryKeyParse {
  const compact = normalizeRecoveryKeyText(text)
  if (compact === '') return { ok: false, problem: 'Type the recovery key from the recovery sheet.' }
  const wrong = [...new Set([...compact].filter((char) => !RECOVERY_KEY_ALPHABET.includes(char)))]
  if (wrong.length > 0) {
    return {
      ok: false,
      problem: `A recovery key has only the digits 0–9 and the letters A–Z without I, L, O and U; “${wrong.slice(0, 3).join('”, “')}” cannot be in it. Check the sheet again.`,
    }
  }
  if (compact.length !== TOTAL_SYMBOLS) {
    return {
      ok: false,
      problem: `A recovery key has ${TOTAL_SYMBOLS} letters and digits (${RECOVERY_KEY_GROUPS} groups of ${RECOVERY_KEY_GROUP_LENGTH}); this has ${compact.length}. Check that no group is missing or typed twice.`,
    }
  }
  const symbols = [...compact].map((char) => RECOVERY_KEY_ALPHABET.indexOf(char))
  const expected = checkSymbols(symbols.slice(0, DATA_SYMBOLS))
  if (expected.some((symbol, index) => symbol !== symbols[DATA_SYMBOLS + index])) {
    return {
      ok: false,
      problem: 'This recovery key has a typing mistake: a character is wrong or two are swapped. Compare it with the sheet, group by group.',
    }
  }
  return { ok: true, compact, formatted: formatRecoveryKey(compact) }
}

/** Whether `typed` (forgiving, like the key) is the last group of `key`: the "I wrote it down" check. */
export function isLastRecoveryGroup(key: string, typed: string): boolean {
  const last = recoveryKeyGroups(normalizeRecoveryKeyText(key)).at(-1)
  return last !== undefined && normalizeRecoveryKeyText(typed) === last
}
