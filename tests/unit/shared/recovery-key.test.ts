import { describe, expect, it } from 'vitest'
import {
  RECOVERY_KEY_ALPHABET,
  RECOVERY_KEY_BITS,
  formatRecoveryKey,
  isLastRecoveryGroup,
  normalizeRecoveryKeyText,
  parseRecoveryKey,
  recoveryKeyFromRandom,
  recoveryKeyGroups,
} from '../../../shared/domain/recovery-key'
import { recoveryKeyTextSchema } from '../../../shared/domain/security'

/** Deterministic "random" bytes for repeatable keys. */
function bytes(seed: number, length = 18): Uint8Array {
  const out = new Uint8Array(length)
  let x = seed >>> 0 || 1
  for (let i = 0; i < length; i += 1) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out[i] = x & 0xff
  }
  return out
}

const KEY = recoveryKeyFromRandom(bytes(7))

describe('recovery key format', () => {
  it('is 8 groups of 4 Crockford characters, at least 128 random bits, and the bytes decide every data character', () => {
    expect(KEY).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/)
    expect(recoveryKeyGroups(KEY)).toHaveLength(8)
    expect(RECOVERY_KEY_BITS).toBeGreaterThanOrEqual(128)
    // 140 bits from 18 bytes: all-zero and all-one bytes give all-0 and all-Z data groups.
    expect(recoveryKeyFromRandom(new Uint8Array(18)).slice(0, 34)).toBe('0000-0000-0000-0000-0000-0000-0000')
    expect(recoveryKeyFromRandom(new Uint8Array(18).fill(255)).slice(0, 34)).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ')
    const seen = new Set(Array.from({ length: 200 }, (_, seed) => recoveryKeyFromRandom(bytes(seed + 1))))
    expect(seen.size).toBe(200)
    expect(() => recoveryKeyFromRandom(new Uint8Array(17))).toThrow()
  })

  it('every key it makes reads back, with its check group', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const key = recoveryKeyFromRandom(bytes(seed))
      const parsed = parseRecoveryKey(key)
      expect(parsed, key).toEqual({ ok: true, compact: key.replace(/-/g, ''), formatted: key })
    }
  })

  it('forgives case, spaces, dashes, dots, O for 0 and I or L for 1', () => {
    const compact = KEY.replace(/-/g, '')
    const sloppy = recoveryKeyGroups(KEY)
      .map((group) => group.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l'))
      .join('  ')
    expect(parseRecoveryKey(sloppy)).toEqual({ ok: true, compact, formatted: KEY })
    expect(parseRecoveryKey(` ${KEY.replace(/-/g, '.')} `)).toMatchObject({ ok: true, compact })
    expect(parseRecoveryKey(compact.replace(/1/g, 'I'))).toMatchObject({ ok: true, compact })
    expect(normalizeRecoveryKeyText('ab-cd oIl0')).toBe('ABCD0110')
  })

  it('catches every single wrong character and every swap of two neighbours before any key derivation', () => {
    const compact = KEY.replace(/-/g, '')
    let substitutions = 0
    for (let at = 0; at < compact.length; at += 1) {
      for (const char of RECOVERY_KEY_ALPHABET) {
        if (char === compact[at]) continue
        const typo = compact.slice(0, at) + char + compact.slice(at + 1)
        const parsed = parseRecoveryKey(typo)
        expect(parsed.ok, typo).toBe(false)
        if (!parsed.ok) expect(parsed.problem).toContain('typing mistake')
        substitutions += 1
      }
    }
    expect(substitutions).toBe(32 * 31)
    for (let at = 0; at + 1 < compact.length; at += 1) {
      if (compact[at] === compact[at + 1]) continue
      const swapped = compact.slice(0, at) + compact[at + 1] + compact[at] + compact.slice(at + 2)
      expect(parseRecoveryKey(swapped).ok, swapped).toBe(false)
    }
  })

  it('says what is wrong: empty, a letter that cannot be in a key, a missing or doubled group', () => {
    expect(parseRecoveryKey('   ')).toEqual({ ok: false, problem: 'Type the recovery key from the recovery sheet.' })
    const withU = parseRecoveryKey(KEY.slice(0, -1) + 'U')
    expect(withU.ok).toBe(false)
    if (!withU.ok) expect(withU.problem).toContain('“U” cannot be in it')
    const short = parseRecoveryKey(recoveryKeyGroups(KEY).slice(1).join('-'))
    expect(short.ok).toBe(false)
    if (!short.ok) expect(short.problem).toContain('this has 28')
    const long = parseRecoveryKey(`${KEY}-${recoveryKeyGroups(KEY)[0]}`)
    expect(long.ok).toBe(false)
    if (!long.ok) expect(long.problem).toContain('this has 36')
  })

  it('the contract schema refuses what the parser refuses, with its words', () => {
    expect(recoveryKeyTextSchema.safeParse(KEY.toLowerCase()).success).toBe(true)
    const typo = recoveryKeyTextSchema.safeParse(KEY.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')))
    expect(typo.success).toBe(false)
    expect(typo.error?.issues[0]?.message).toContain('typing mistake')
    expect(recoveryKeyTextSchema.safeParse('x'.repeat(201)).success).toBe(false)
  })

  it('the confirmation takes the last group, forgivingly, and nothing else', () => {
    const last = recoveryKeyGroups(KEY).at(-1)!
    expect(isLastRecoveryGroup(KEY, last)).toBe(true)
    expect(isLastRecoveryGroup(KEY, ` ${last.toLowerCase().replace(/0/g, 'o')} `)).toBe(true)
    expect(isLastRecoveryGroup(KEY, recoveryKeyGroups(KEY)[0]!)).toBe(last === recoveryKeyGroups(KEY)[0])
    expect(isLastRecoveryGroup(KEY, '')).toBe(false)
    expect(isLastRecoveryGroup(KEY, last.slice(0, 3))).toBe(false)
    expect(formatRecoveryKey('ABCDEFGH')).toBe('ABCD-EFGH')
  })
})
