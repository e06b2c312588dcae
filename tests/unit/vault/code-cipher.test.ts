import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { CODE_CIPHER_VERSION, CodeCipherError, decryptCode, encryptCode, encryptCodes } from '../../../electron/main/vault/code-cipher'

const key = randomBytes(32)

function bytesOf(stored: string): Buffer {
  return Buffer.from(stored, 'base64')
}

describe('code cipher (AES-256-GCM per field)', () => {
  it('round-trips codes of several shapes', () => {
    for (const code of ['61354', '0042', 'ZX9Q7', '1', 'A'.repeat(24), 'ÄÖÜ-ß']) {
      expect(decryptCode(key, 7, encryptCode(key, 7, code))).toBe(code)
    }
  })

  it('writes base64 text that starts with the version byte and contains no trace of the code', () => {
    const stored = encryptCode(key, 7, '61354')
    expect(stored).toMatch(/^[A-Za-z0-9+/]+=*$/)
    expect(bytesOf(stored)[0]).toBe(CODE_CIPHER_VERSION)
    expect(stored).not.toContain('61354')
    expect(bytesOf(stored).includes(Buffer.from('61354'))).toBe(false)
  })

  it('hides the code length: a 1-character and a 24-character code give the same ciphertext length', () => {
    expect(encryptCode(key, 1, '7').length).toBe(encryptCode(key, 1, 'ABCDEFGHJKLMNPQRSTUVWXYZ').length)
  })

  it('uses a fresh IV every time: the same code encrypts differently each time', () => {
    const ivs = new Set<string>()
    const texts = new Set<string>()
    for (let i = 0; i < 1000; i++) {
      const stored = encryptCode(key, 7, '61354')
      texts.add(stored)
      ivs.add(bytesOf(stored).subarray(1, 13).toString('hex'))
    }
    expect(ivs.size).toBe(1000)
    expect(texts.size).toBe(1000)
  })

  it('binds the radio: a ciphertext moved to another radio’s row does not decrypt', () => {
    const stored = encryptCode(key, 7, '61354')
    expect(() => decryptCode(key, 8, stored)).toThrow(CodeCipherError)
    expect(() => decryptCode(key, 8, stored)).toThrow(/copied from another radio/)
  })

  it('detects tampering anywhere in the stored bytes', () => {
    const stored = bytesOf(encryptCode(key, 7, '61354'))
    for (let position = 1; position < stored.length; position++) {
      const tampered = Buffer.from(stored)
      tampered[position] = (tampered[position] ?? 0) ^ 0x01
      expect(() => decryptCode(key, 7, tampered.toString('base64')), `byte ${position}`).toThrow(CodeCipherError)
    }
  })

  it('refuses the wrong key, an unknown version, and text that is not a stored code', () => {
    const stored = encryptCode(key, 7, '61354')
    expect(() => decryptCode(randomBytes(32), 7, stored)).toThrow(/integrity check/)
    const otherVersion = bytesOf(stored)
    otherVersion[0] = 9
    expect(() => decryptCode(key, 7, otherVersion.toString('base64'))).toThrow(/format version 9/)
    expect(() => decryptCode(key, 7, 'NjEzNTQ=')).toThrow(/expected format/)
    expect(() => decryptCode(key, 7, '61354')).toThrow(CodeCipherError)
  })

  it('refuses a short key, a bad radio id and an empty code', () => {
    expect(() => encryptCode(randomBytes(16), 7, '1')).toThrow(/32 bytes/)
    expect(() => encryptCode(key, 0, '1')).toThrow(/positive/)
    expect(() => encryptCode(key, 1.5, '1')).toThrow(/positive/)
    expect(() => encryptCode(key, 7, '')).toThrow(/no code/)
  })

  it('encrypts a batch exactly as one at a time: each decrypts for its own radio only, with its own IV', () => {
    const items = [
      { radioId: 3, code: '61354' },
      { radioId: 4, code: '61354' },
      { radioId: 9, code: 'ZX9Q7' },
    ]
    const stored = encryptCodes(key, items)
    expect(stored).toHaveLength(3)
    items.forEach(({ radioId, code }, index) => expect(decryptCode(key, radioId, stored[index] ?? '')).toBe(code))
    expect(() => decryptCode(key, 4, stored[0] ?? '')).toThrow(/integrity/)
    expect(new Set(stored.map((text) => bytesOf(text).subarray(1, 13).toString('hex'))).size).toBe(3)
    expect(bytesOf(stored[0] ?? '').length).toBe(bytesOf(encryptCode(key, 3, '61354')).length)
  })

  it('checks a batch like single codes: short key, bad radio id, empty code', () => {
    expect(() => encryptCodes(randomBytes(16), [{ radioId: 1, code: '1' }])).toThrow(/32 bytes/)
    expect(() => encryptCodes(key, [{ radioId: 1, code: '1' }, { radioId: -2, code: '1' }])).toThrow(/positive/)
    expect(() => encryptCodes(key, [{ radioId: 1, code: '' }])).toThrow(/no code/)
    expect(encryptCodes(key, [])).toEqual([])
  })
})
