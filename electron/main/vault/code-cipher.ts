import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto'

/*
 * Field-level encryption of radio codes: AES-256-GCM under the vault's data key.
 *
 * Stored text = base64( version(1) | iv(12) | tag(16) | ciphertext ).
 * The plaintext is the code padded to a multiple of 32 bytes (a length byte
 * first), so the ciphertext does not give away how long the code is.
 * The additional authenticated data binds the version and the radio id: a
 * ciphertext copied into another radio's row fails to decrypt.
 * Plain node:crypto and base64 text, so it works the same on PostgreSQL.
 */

export const CODE_CIPHER_VERSION = 1
const IV_BYTES = 12
const TAG_BYTES = 16
const KEY_BYTES = 32
const PAD_BLOCK = 32
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES

/** A stored code that cannot be decrypted: changed, moved to another radio, or under another key. */
export class CodeCipherError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'CodeCipherError'
  }
}

function checkKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new CodeCipherError(`The data key must be ${KEY_BYTES} bytes.`)
}

function checkRadioId(radioId: number): void {
  if (!Number.isSafeInteger(radioId) || radioId <= 0) throw new CodeCipherError('A radio id is a positive whole number.')
}

function additionalData(version: number, radioId: number): Buffer {
  return Buffer.from(`radio-code-desk/code/v${version}/radio/${radioId}`, 'utf8')
}

function pad(code: string): Buffer {
  const bytes = Buffer.from(code, 'utf8')
  if (bytes.length === 0) throw new CodeCipherError('There is no code to encrypt.')
  if (bytes.length > 255) throw new CodeCipherError('A code longer than 255 bytes cannot be stored.')
  const total = Math.ceil((bytes.length + 1) / PAD_BLOCK) * PAD_BLOCK
  const padded = Buffer.alloc(total)
  padded[0] = bytes.length
  bytes.copy(padded, 1)
  bytes.fill(0)
  return padded
}

function unpad(padded: Buffer): string {
  const length = padded[0] ?? 0
  if (length === 0 || length + 1 > padded.length || padded.length % PAD_BLOCK !== 0) {
    throw new CodeCipherError('A stored code has an impossible length after decrypting.')
  }
  return padded.subarray(1, 1 + length).toString('utf8')
}

/** Encrypts one code for one radio. A fresh random IV each call, so the same code never gives the same text twice. */
export function encryptCode(key: Buffer, radioId: number, code: string): string {
  checkKey(key)
  return encryptUnderKey(key, radioId, code)
}

/**
 * Encrypts many codes (an import): the same as encryptCode for each, but the
 * key is prepared once (a KeyObject), which makes each code about three times
 * cheaper. The KeyObject is dropped when this returns; it is only as
 * long-lived as the batch.
 */
export function encryptCodes(key: Buffer, items: readonly { radioId: number; code: string }[]): string[] {
  checkKey(key)
  const prepared = createSecretKey(key)
  return items.map(({ radioId, code }) => encryptUnderKey(prepared, radioId, code))
}

function encryptUnderKey(key: Buffer | KeyObject, radioId: number, code: string): string {
  checkRadioId(radioId)
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
  cipher.setAAD(additionalData(CODE_CIPHER_VERSION, radioId))
  const plaintext = pad(code)
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()])
  plaintext.fill(0)
  return Buffer.concat([Buffer.from([CODE_CIPHER_VERSION]), iv, cipher.getAuthTag(), body]).toString('base64')
}

/** Decrypts a code stored for `radioId`; throws CodeCipherError if the text was changed, moved or is under another key. */
export function decryptCode(key: Buffer, radioId: number, stored: string): string {
  checkKey(key)
  checkRadioId(radioId)
  const raw = Buffer.from(stored, 'base64')
  if (raw.length < HEADER_BYTES + PAD_BLOCK || raw.toString('base64') !== stored) {
    throw new CodeCipherError('A stored code is not in the expected format (damaged or not written by this app).')
  }
  const version = raw[0]
  if (version !== CODE_CIPHER_VERSION) {
    throw new CodeCipherError(`A stored code uses format version ${version ?? '?'}, which this version of the app cannot read.`)
  }
  const iv = raw.subarray(1, 1 + IV_BYTES)
  const tag = raw.subarray(1 + IV_BYTES, HEADER_BYTES)
  const body = raw.subarray(HEADER_BYTES)
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
  decipher.setAAD(additionalData(version, radioId))
  decipher.setAuthTag(tag)
  let padded: Buffer
  try {
    padded = Buffer.concat([decipher.update(body), decipher.final()])
  } catch (cause) {
    throw new CodeCipherError(
      'A stored code failed its integrity check: it was changed, copied from another radio, or encrypted under a different key. It was not shown.',
      { cause },
    )
  }
  try {
    return unpad(padded)
  } finally {
    padded.fill(0)
  }
}
