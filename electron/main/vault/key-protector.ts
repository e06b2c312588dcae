import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { AppError } from '../../../shared/api/errors'
import { OWASP_SCRYPT, isValidScryptCost, scryptAsync, type ScryptCost } from './scrypt'

/*
 * How the vault's keys (the data key for codes, the PIN pepper) are protected
 * when stored. The database holds only wrapped keys; a KeyProtector turns a
 * raw 32-byte key into stored text and back.
 *
 * - 'safe-storage': Electron safeStorage (Keychain, DPAPI, a Linux keyring).
 *   The only Electron-bound one, in safe-storage-protector.ts; its logic is
 *   here (createSafeStorageProtectorWith) so tests can drive it with a fake.
 * - 'passphrase': scrypt(passphrase) → key-encryption key, AES-256-GCM wrap.
 * - 'test': a fixed in-memory key, for tests and the browser preview only.
 */

export type KeyProtectorKind = 'safe-storage' | 'passphrase' | 'test'

/** Non-secret parameters needed to unwrap again (salt, scrypt cost, keyring backend). Stored as JSON. */
export type KdfParams = Readonly<Record<string, string | number | boolean | null>>

export interface WrappedKey {
  readonly wrapped: string
  readonly kdfParams: KdfParams
}

export interface KeyProtector {
  readonly kind: KeyProtectorKind
  wrap(key: Buffer): Promise<WrappedKey>
  unwrap(wrapped: string, kdfParams: KdfParams): Promise<Buffer>
}

export const VAULT_KEY_BYTES = 32

/** The passphrase does not open the vault. Reported to the desk as FORBIDDEN. */
export class WrongPassphraseError extends AppError {
  constructor() {
    super('FORBIDDEN', 'Wrong vault passphrase. The code vault stays locked. Check Caps Lock and the keyboard layout, then try again.')
    this.name = 'WrongPassphraseError'
  }
}

/** A key cannot be wrapped or unwrapped, for a reason other than a wrong passphrase; the message says why. */
export class KeyProtectorError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'KeyProtectorError'
  }
}

/** The Linux keyring backend differs from the one the key was stored with (the Signal Desktop rule: stop, never make a new key). */
export class SafeStorageBackendChangedError extends KeyProtectorError {
  readonly storedBackend: string
  readonly currentBackend: string
  constructor(storedBackend: string, currentBackend: string) {
    super(
      `The vault key was protected by the "${storedBackend}" key store, but this session uses "${currentBackend}". ` +
        `Nothing was changed and no new key was made, so no codes are lost. Start Radio Code Desk in the same desktop session ` +
        `as before (or with --password-store=${storedBackend.replace('_', '-')}) to unlock the vault.`,
    )
    this.name = 'SafeStorageBackendChangedError'
    this.storedBackend = storedBackend
    this.currentBackend = currentBackend
  }
}

// ---------------------------------------------------------------------------
// AES-256-GCM key wrap shared by the passphrase and test protectors.

const WRAP_VERSION = 1
const IV_BYTES = 12
const TAG_BYTES = 16

/** What a wrap is labelled with (its AAD): a wrap made for one use does not open as another. */
export type WrapLabel = KeyProtectorKind | 'recovery-key'

function wrapAad(kind: WrapLabel): Buffer {
  return Buffer.from(`radio-code-desk/key-wrap/v${WRAP_VERSION}/${kind}`, 'utf8')
}

export function aesWrap(kek: Buffer, key: Buffer, kind: WrapLabel): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', kek, iv, { authTagLength: TAG_BYTES })
  cipher.setAAD(wrapAad(kind))
  const body = Buffer.concat([cipher.update(key), cipher.final()])
  return Buffer.concat([Buffer.from([WRAP_VERSION]), iv, cipher.getAuthTag(), body]).toString('base64')
}

/** Returns null when the tag does not verify (wrong key-encryption key or changed text). */
export function aesUnwrap(kek: Buffer, wrapped: string, kind: WrapLabel): Buffer | null {
  const raw = Buffer.from(wrapped, 'base64')
  if (raw.length !== 1 + IV_BYTES + TAG_BYTES + VAULT_KEY_BYTES || raw[0] !== WRAP_VERSION) {
    throw new KeyProtectorError('A stored vault key is not in the expected format (damaged or written by another version).')
  }
  const decipher = createDecipheriv('aes-256-gcm', kek, raw.subarray(1, 1 + IV_BYTES), { authTagLength: TAG_BYTES })
  decipher.setAAD(wrapAad(kind))
  decipher.setAuthTag(raw.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES))
  try {
    return Buffer.concat([decipher.update(raw.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()])
  } catch {
    return null
  }
}

export function checkKeyToWrap(key: Buffer): void {
  if (key.length !== VAULT_KEY_BYTES) throw new KeyProtectorError(`A vault key is ${VAULT_KEY_BYTES} bytes.`)
}

// ---------------------------------------------------------------------------
// Passphrase

export interface PassphraseProtectorOptions {
  /** scrypt cost; OWASP's N=2^17, r=8, p=1 unless a test asks for less. */
  readonly cost?: ScryptCost
}

/**
 * Protects keys with a passphrase the manager types at start-up:
 * scrypt(passphrase, random salt) → key-encryption key → AES-256-GCM wrap.
 * One salt per protector, so wrapping the data key and the pepper costs one
 * scrypt; the derived key is cached in this object only.
 */
export function createPassphraseProtector(passphrase: string, options: PassphraseProtectorOptions = {}): KeyProtector {
  if (passphrase.length === 0) throw new AppError('VALIDATION', 'Enter the vault passphrase.')
  return createScryptWrapping({
    kind: 'passphrase',
    secret: Buffer.from(passphrase.normalize('NFC'), 'utf8'),
    cost: options.cost ?? OWASP_SCRYPT,
    damagedMessage: 'The stored passphrase settings are damaged or from another version; the vault cannot be unlocked.',
    wrongSecret: () => new WrongPassphraseError(),
  })
}

/** How a secret someone types (a passphrase, the recovery key) protects keys. */
export interface ScryptWrappingOptions<Kind extends WrapLabel> {
  readonly kind: Kind
  readonly secret: Buffer
  readonly cost: ScryptCost
  /** Stored beside the scrypt parameters (e.g. the recovery key's format). */
  readonly extraParams?: Readonly<Record<string, string>>
  /** Said when the stored scrypt parameters cannot be used. */
  readonly damagedMessage: string
  /** Thrown when the secret does not open a wrapped key. */
  readonly wrongSecret: () => Error
}

/**
 * scrypt(secret, random salt) → key-encryption key → AES-256-GCM wrap, with
 * the kind bound in as associated data. One salt per protector, so wrapping
 * the data key and the pepper costs one scrypt; derived keys are cached in
 * this object only.
 */
export function createScryptWrapping<Kind extends WrapLabel>(options: ScryptWrappingOptions<Kind>): {
  readonly kind: Kind
  wrap(key: Buffer): Promise<WrappedKey>
  unwrap(wrapped: string, kdfParams: KdfParams): Promise<Buffer>
} {
  const { kind, secret, cost } = options
  if (!isValidScryptCost(cost)) throw new Error('scrypt parameters are out of the accepted range.')
  const derived = new Map<string, Promise<Buffer>>()
  let wrapSalt: Buffer | null = null

  const kekFor = (salt: Buffer, params: ScryptCost): Promise<Buffer> => {
    const id = `${params.N}/${params.r}/${params.p}/${salt.toString('base64')}`
    let kek = derived.get(id)
    if (!kek) {
      kek = scryptAsync(secret, salt, 32, params)
      derived.set(id, kek)
      kek.catch(() => derived.delete(id))
    }
    return kek
  }

  return {
    kind,
    async wrap(key) {
      checkKeyToWrap(key)
      wrapSalt ??= randomBytes(16)
      const kek = await kekFor(wrapSalt, cost)
      return {
        wrapped: aesWrap(kek, key, kind),
        kdfParams: { kdf: 'scrypt', N: cost.N, r: cost.r, p: cost.p, salt: wrapSalt.toString('base64'), ...options.extraParams },
      }
    },
    async unwrap(wrapped, kdfParams) {
      const params = { N: kdfParams.N, r: kdfParams.r, p: kdfParams.p }
      if (kdfParams.kdf !== 'scrypt' || typeof kdfParams.salt !== 'string' || !isValidScryptCost(params)) {
        throw new KeyProtectorError(options.damagedMessage)
      }
      const kek = await kekFor(Buffer.from(kdfParams.salt, 'base64'), params)
      const key = aesUnwrap(kek, wrapped, kind)
      if (!key) throw options.wrongSecret()
      return key
    },
  }
}

// ---------------------------------------------------------------------------
// Test key (tests and the browser preview only)

export interface TestKeyProtectorOptions {
  /** Say who is using it; there is deliberately no default. */
  readonly use: 'tests' | 'browser-preview'
  /** A different fixed key (32 bytes) to simulate another machine. */
  readonly key?: Buffer
}

/**
 * A protector with a fixed in-memory key: NO protection at all. It exists so
 * tests and the browser preview can run without Electron. It must be made
 * explicitly (options.use), and a vault refuses it unless that vault was
 * created with allowTestKeys (see vault.ts), so the desktop app never takes it.
 */
export function createTestKeyProtector(options: TestKeyProtectorOptions): KeyProtector {
  if (options?.use !== 'tests' && options?.use !== 'browser-preview') {
    throw new Error('The test key protector is for tests and the browser preview only; construct it with { use: "tests" | "browser-preview" }.')
  }
  const kek = options.key ? Buffer.from(options.key) : createHash('sha256').update('radio-code-desk/test-key-protector').digest()
  if (kek.length !== VAULT_KEY_BYTES) throw new Error(`A test key is ${VAULT_KEY_BYTES} bytes.`)
  return {
    kind: 'test',
    async wrap(key) {
      checkKeyToWrap(key)
      return { wrapped: aesWrap(kek, key, 'test'), kdfParams: { test: true, use: options.use } }
    },
    async unwrap(wrapped) {
      const key = aesUnwrap(kek, wrapped, 'test')
      if (!key) throw new KeyProtectorError('The test key does not open this vault.')
      return key
    },
  }
}

// ---------------------------------------------------------------------------
// Electron safeStorage: the trust decision and the protector logic

/** What the safeStorage module reports. `selectedBackend` is only asked on Linux. */
export interface SafeStorageReport {
  readonly platform: string
  readonly isEncryptionAvailable: boolean
  /** Linux only: safeStorage.getSelectedStorageBackend(). */
  readonly selectedBackend?: string | null
}

export type SafeStorageAssessment =
  | {
      readonly trusted: true
      /** What protects the key, and its limit, in a sentence for the manager's settings screen. */
      readonly note: string
      readonly backend: string | null
    }
  | {
      readonly trusted: false
      /** Why a vault passphrase is needed, in a sentence for the manager. */
      readonly reason: string
      readonly backend: string | null
    }

const PASSPHRASE_ADVICE = 'Choose a vault passphrase instead; the app will ask for it each time it starts.'

/**
 * Decides whether safeStorage really protects the key on this computer.
 * Unavailable → no. Linux 'basic_text' → no (it hides the key with a password
 * built into the program, which is no protection). Linux 'unknown' → asked
 * too early (before the app was ready), so no.
 */
export function assessSafeStorage(report: SafeStorageReport): SafeStorageAssessment {
  const backend = report.platform === 'linux' ? (report.selectedBackend ?? 'unknown') : null
  if (!report.isEncryptionAvailable) {
    return {
      trusted: false,
      backend,
      reason: `This computer offers Radio Code Desk no secure place to keep the vault key (the system key store is not available). ${PASSPHRASE_ADVICE}`,
    }
  }
  if (report.platform === 'linux') {
    if (backend === 'basic_text') {
      return {
        trusted: false,
        backend,
        reason:
          'Linux reports no keyring for this session ("basic_text"), which hides the key with a password built into the program and so protects nothing. ' +
          `${PASSPHRASE_ADVICE} Or install and unlock GNOME Keyring or KWallet, then restart the app.`,
      }
    }
    if (backend === 'unknown') {
      return {
        trusted: false,
        backend,
        reason: `The system key store could not be identified (it was checked before the app finished starting). ${PASSPHRASE_ADVICE}`,
      }
    }
    return {
      trusted: true,
      backend,
      note: `The vault key is kept in this Linux user's keyring (${backend}). Anyone signed in as this user can unlock it, so lock the screen when away.`,
    }
  }
  if (report.platform === 'win32') {
    return {
      trusted: true,
      backend,
      note: 'The vault key is protected by Windows for this Windows user (DPAPI). Anyone signed in as this Windows user can unlock it: give staff their own Windows accounts and lock the screen when away.',
    }
  }
  if (report.platform === 'darwin') {
    return {
      trusted: true,
      backend,
      note: 'The vault key is kept in this Mac user’s Keychain. Anyone signed in as this user can unlock it, so lock the screen when away.',
    }
  }
  return { trusted: false, backend, reason: `Radio Code Desk does not know the key store of this system (${report.platform}). ${PASSPHRASE_ADVICE}` }
}

/** The part of Electron's safeStorage the protector uses (so tests can pass a fake). */
export interface SafeStorageApi {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
  /** Linux only. */
  getSelectedStorageBackend?(): string
}

/** Reads what safeStorage reports on this platform. Call after the app's 'ready' event. */
export function reportSafeStorage(api: SafeStorageApi, platform: string): SafeStorageReport {
  return {
    platform,
    isEncryptionAvailable: api.isEncryptionAvailable(),
    ...(platform === 'linux' ? { selectedBackend: api.getSelectedStorageBackend?.() ?? 'unknown' } : {}),
  }
}

/**
 * A protector over safeStorage. Wrapping refuses when safeStorage is not
 * trustworthy (never a silent plaintext fallback). Unwrapping refuses when the
 * platform or Linux backend differs from the one recorded at wrap time.
 */
export function createSafeStorageProtectorWith(api: SafeStorageApi, platform: string): KeyProtector {
  const current = () => assessSafeStorage(reportSafeStorage(api, platform))
  return {
    kind: 'safe-storage',
    async wrap(key) {
      checkKeyToWrap(key)
      const assessment = current()
      if (!assessment.trusted) throw new KeyProtectorError(assessment.reason)
      const encrypted = api.encryptString(key.toString('base64'))
      return { wrapped: encrypted.toString('base64'), kdfParams: { platform, backend: assessment.backend } }
    },
    async unwrap(wrapped, kdfParams) {
      const storedBackend = typeof kdfParams.backend === 'string' ? kdfParams.backend : null
      if (kdfParams.platform !== platform) {
        throw new KeyProtectorError(
          `The vault key was protected on another kind of computer (${String(kdfParams.platform)}); this computer cannot unlock it. Restore the database on the computer it came from, or use the recovery steps.`,
        )
      }
      const assessment = current()
      if (platform === 'linux' && storedBackend !== null && assessment.backend !== storedBackend) {
        throw new SafeStorageBackendChangedError(storedBackend, assessment.backend ?? 'none')
      }
      if (!assessment.trusted) throw new KeyProtectorError(assessment.reason)
      let text: string
      try {
        text = api.decryptString(Buffer.from(wrapped, 'base64'))
      } catch (cause) {
        throw new KeyProtectorError(
          'This computer’s key store could not unlock the vault key. The database may have been copied from another computer or another user account. Nothing was changed.',
          { cause },
        )
      }
      const key = Buffer.from(text, 'base64')
      if (key.length !== VAULT_KEY_BYTES) throw new KeyProtectorError('The key store returned something that is not a vault key. Nothing was changed.')
      return key
    },
  }
}
