import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  KeyProtectorError,
  SafeStorageBackendChangedError,
  WrongPassphraseError,
  assessSafeStorage,
  createPassphraseProtector,
  createSafeStorageProtectorWith,
  createTestKeyProtector,
  type SafeStorageApi,
  type TestKeyProtectorOptions,
} from '../../../electron/main/vault/key-protector'
import { OWASP_SCRYPT } from '../../../electron/main/vault/scrypt'
import { AppError } from '../../../shared/api/errors'
import { FAST_SCRYPT } from './fixtures'

describe('passphrase protector', () => {
  it('unwraps with the right passphrase (OWASP scrypt cost by default)', async () => {
    const key = randomBytes(32)
    const protector = createPassphraseProtector('correct horse battery staple')
    const started = performance.now()
    const { wrapped, kdfParams } = await protector.wrap(key)
    const wrapMs = performance.now() - started
    expect(kdfParams).toMatchObject({ kdf: 'scrypt', N: OWASP_SCRYPT.N, r: 8, p: 1 })
    expect(typeof kdfParams.salt).toBe('string')
    expect(wrapped).not.toContain(key.toString('base64'))
    // A new protector (a new start of the app) with the same passphrase.
    const again = createPassphraseProtector('correct horse battery staple')
    expect((await again.unwrap(wrapped, kdfParams)).equals(key)).toBe(true)
    console.log(`vault passphrase: scrypt N=2^17,r=8,p=1 key derivation + wrap took ${wrapMs.toFixed(0)} ms`)
  })

  it('says "wrong passphrase" for a wrong one, as a FORBIDDEN AppError', async () => {
    const protector = createPassphraseProtector('correct horse battery staple', { cost: FAST_SCRYPT })
    const { wrapped, kdfParams } = await protector.wrap(randomBytes(32))
    const wrong = createPassphraseProtector('correct horse battery stable', { cost: FAST_SCRYPT })
    const failure = await wrong.unwrap(wrapped, kdfParams).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(WrongPassphraseError)
    expect(failure).toBeInstanceOf(AppError)
    expect((failure as AppError).code).toBe('FORBIDDEN')
    expect((failure as Error).message).toMatch(/Wrong vault passphrase/)
  })

  it('uses one random salt per protector (one scrypt for both keys) and a new salt for a new protector', async () => {
    const one = createPassphraseProtector('correct horse battery staple', { cost: FAST_SCRYPT })
    const a = await one.wrap(randomBytes(32))
    const b = await one.wrap(randomBytes(32))
    expect(a.kdfParams.salt).toBe(b.kdfParams.salt)
    expect(a.wrapped).not.toBe(b.wrapped)
    const other = await createPassphraseProtector('correct horse battery staple', { cost: FAST_SCRYPT }).wrap(randomBytes(32))
    expect(other.kdfParams.salt).not.toBe(a.kdfParams.salt)
  })

  it('refuses damaged settings and a changed wrapped key', async () => {
    const protector = createPassphraseProtector('correct horse battery staple', { cost: FAST_SCRYPT })
    const { wrapped, kdfParams } = await protector.wrap(randomBytes(32))
    await expect(protector.unwrap(wrapped, { ...kdfParams, N: 3 })).rejects.toBeInstanceOf(KeyProtectorError)
    await expect(protector.unwrap(wrapped, { ...kdfParams, N: 2 ** 30 })).rejects.toBeInstanceOf(KeyProtectorError)
    await expect(protector.unwrap(wrapped, { ...kdfParams, kdf: 'pbkdf2' })).rejects.toBeInstanceOf(KeyProtectorError)
    const tampered = Buffer.from(wrapped, 'base64')
    tampered[20] = (tampered[20] ?? 0) ^ 1
    await expect(protector.unwrap(tampered.toString('base64'), kdfParams)).rejects.toBeInstanceOf(WrongPassphraseError)
    await expect(protector.unwrap('AAAA', kdfParams)).rejects.toBeInstanceOf(KeyProtectorError)
  })

  it('refuses an empty passphrase and a key that is not 32 bytes', async () => {
    expect(() => createPassphraseProtector('')).toThrow(/Enter the vault passphrase/)
    await expect(createPassphraseProtector('x'.repeat(12), { cost: FAST_SCRYPT }).wrap(randomBytes(16))).rejects.toThrow(/32 bytes/)
  })
})

describe('test key protector', () => {
  it('must be asked for explicitly', () => {
    expect(() => createTestKeyProtector(undefined as unknown as TestKeyProtectorOptions)).toThrow(/tests and the browser preview only/)
    expect(() => createTestKeyProtector({ use: 'production' } as unknown as TestKeyProtectorOptions)).toThrow(/tests and the browser preview only/)
  })

  it('round-trips with the fixed key and refuses another test key', async () => {
    const key = randomBytes(32)
    const protector = createTestKeyProtector({ use: 'tests' })
    expect(protector.kind).toBe('test')
    const { wrapped, kdfParams } = await protector.wrap(key)
    expect((await createTestKeyProtector({ use: 'tests' }).unwrap(wrapped, kdfParams)).equals(key)).toBe(true)
    await expect(createTestKeyProtector({ use: 'tests', key: randomBytes(32) }).unwrap(wrapped, kdfParams)).rejects.toThrow(
      /does not open this vault/,
    )
  })
})

describe('safeStorage trust decision', () => {
  it('trusts Windows DPAPI, macOS Keychain and real Linux keyrings, with a note on their limit', () => {
    for (const report of [
      { platform: 'win32', isEncryptionAvailable: true },
      { platform: 'darwin', isEncryptionAvailable: true },
      { platform: 'linux', isEncryptionAvailable: true, selectedBackend: 'gnome_libsecret' },
      { platform: 'linux', isEncryptionAvailable: true, selectedBackend: 'kwallet5' },
      { platform: 'linux', isEncryptionAvailable: true, selectedBackend: 'kwallet6' },
    ]) {
      const assessment = assessSafeStorage(report)
      expect(assessment.trusted, report.platform).toBe(true)
      if (assessment.trusted) expect(assessment.note).toMatch(/Anyone signed in as this/)
    }
  })

  it('does not trust Linux basic_text, and says why in a sentence for the manager', () => {
    const assessment = assessSafeStorage({ platform: 'linux', isEncryptionAvailable: true, selectedBackend: 'basic_text' })
    expect(assessment).toMatchObject({ trusted: false, backend: 'basic_text' })
    if (!assessment.trusted) {
      expect(assessment.reason).toMatch(/basic_text/)
      expect(assessment.reason).toMatch(/protects nothing/)
      expect(assessment.reason).toMatch(/vault passphrase/)
    }
  })

  it('does not trust safeStorage when encryption is unavailable, on any platform', () => {
    for (const platform of ['win32', 'darwin', 'linux']) {
      const assessment = assessSafeStorage({ platform, isEncryptionAvailable: false, selectedBackend: 'gnome_libsecret' })
      expect(assessment.trusted).toBe(false)
      if (!assessment.trusted) expect(assessment.reason).toMatch(/no secure place/)
    }
  })

  it('does not trust an unknown Linux backend (asked before ready) or an unknown platform', () => {
    expect(assessSafeStorage({ platform: 'linux', isEncryptionAvailable: true, selectedBackend: 'unknown' }).trusted).toBe(false)
    expect(assessSafeStorage({ platform: 'linux', isEncryptionAvailable: true }).trusted).toBe(false)
    expect(assessSafeStorage({ platform: 'freebsd', isEncryptionAvailable: true }).trusted).toBe(false)
  })
})

/** A stand-in for Electron's safeStorage: reversible, with a switchable backend. */
function fakeSafeStorage(backend: string, available = true): SafeStorageApi & { backend: string; available: boolean } {
  const fake = {
    backend,
    available,
    isEncryptionAvailable: () => fake.available,
    getSelectedStorageBackend: () => fake.backend,
    encryptString: (text: string) => Buffer.from(`sealed:${fake.backend}:${Buffer.from(text).toString('hex')}`),
    decryptString: (sealed: Buffer) => {
      const [tag, store, hex] = sealed.toString().split(':')
      if (tag !== 'sealed' || store !== fake.backend) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
      return Buffer.from(hex ?? '', 'hex').toString()
    },
  }
  return fake
}

describe('safeStorage protector logic (with a fake safeStorage)', () => {
  it('wraps and unwraps, recording platform and backend', async () => {
    const api = fakeSafeStorage('gnome_libsecret')
    const protector = createSafeStorageProtectorWith(api, 'linux')
    const key = randomBytes(32)
    const { wrapped, kdfParams } = await protector.wrap(key)
    expect(kdfParams).toEqual({ platform: 'linux', backend: 'gnome_libsecret' })
    expect((await protector.unwrap(wrapped, kdfParams)).equals(key)).toBe(true)
  })

  it('refuses to wrap under basic_text (no silent plaintext fallback)', async () => {
    const protector = createSafeStorageProtectorWith(fakeSafeStorage('basic_text'), 'linux')
    await expect(protector.wrap(randomBytes(32))).rejects.toThrow(/basic_text/)
  })

  it('stops with a clear error when the Linux backend changed, and makes no new key', async () => {
    const api = fakeSafeStorage('kwallet5')
    const protector = createSafeStorageProtectorWith(api, 'linux')
    const { wrapped, kdfParams } = await protector.wrap(randomBytes(32))
    api.backend = 'basic_text'
    const failure = await protector.unwrap(wrapped, kdfParams).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(SafeStorageBackendChangedError)
    expect((failure as Error).message).toMatch(/"kwallet5".*"basic_text".*no new key/s)
  })

  it('explains a key sealed on another computer or another platform', async () => {
    const windows = createSafeStorageProtectorWith(fakeSafeStorage('n/a'), 'win32')
    const { wrapped, kdfParams } = await windows.wrap(randomBytes(32))
    await expect(createSafeStorageProtectorWith(fakeSafeStorage('n/a'), 'darwin').unwrap(wrapped, kdfParams)).rejects.toThrow(
      /another kind of computer/,
    )
    const otherUser = fakeSafeStorage('n/a')
    otherUser.decryptString = () => {
      throw new Error('DPAPI failed')
    }
    await expect(createSafeStorageProtectorWith(otherUser, 'win32').unwrap(wrapped, kdfParams)).rejects.toThrow(
      /copied from another computer or another user account/,
    )
  })
})
