import { scrypt } from 'node:crypto'

/** scrypt cost parameters. */
export interface ScryptCost {
  readonly N: number
  readonly r: number
  readonly p: number
}

/** OWASP Password Storage Cheat Sheet: N=2^17 (128 MiB), r=8, p=1. */
export const OWASP_SCRYPT: ScryptCost = Object.freeze({ N: 2 ** 17, r: 8, p: 1 })

/** The smallest N accepted anywhere (tests use it to stay fast); production uses OWASP_SCRYPT. */
export const MIN_SCRYPT_N = 2 ** 10
/** The largest N accepted when reading stored parameters (2^20 = 1 GiB at r=8): guards against a planted huge cost. */
export const MAX_SCRYPT_N = 2 ** 20

export function isValidScryptCost(cost: { N: unknown; r: unknown; p: unknown }): cost is ScryptCost {
  const { N, r, p } = cost
  return (
    typeof N === 'number' &&
    Number.isInteger(N) &&
    N >= MIN_SCRYPT_N &&
    N <= MAX_SCRYPT_N &&
    (N & (N - 1)) === 0 &&
    typeof r === 'number' &&
    Number.isInteger(r) &&
    r >= 1 &&
    r <= 32 &&
    typeof p === 'number' &&
    Number.isInteger(p) &&
    p >= 1 &&
    p <= 16
  )
}

/**
 * scrypt on libuv's thread pool (never blocks the main process).
 * Node's default maxmem is 32 MiB; N=2^17, r=8 needs 128 MiB, so maxmem is
 * raised to twice the need (otherwise ERR_CRYPTO_INVALID_SCRYPT_PARAMS).
 */
export function scryptAsync(secret: Buffer | string, salt: Buffer, keyLength: number, cost: ScryptCost): Promise<Buffer> {
  if (!isValidScryptCost(cost)) return Promise.reject(new Error('scrypt parameters are out of the accepted range.'))
  const maxmem = 2 * 128 * cost.N * cost.r * cost.p + 32 * 1024 * 1024
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, keyLength, { N: cost.N, r: cost.r, p: cost.p, maxmem }, (error, derived) => {
      if (error) reject(error)
      else resolve(derived)
    })
  })
}
