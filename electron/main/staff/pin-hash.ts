import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { OWASP_SCRYPT, isValidScryptCost, scryptAsync, type ScryptCost } from '../vault/scrypt'

/*
 * Staff PIN hashing: scrypt(HMAC-SHA256(pepper, pin), salt) at OWASP's
 * parameters (N=2^17, r=8, p=1). The pepper is a random key wrapped like the
 * data key and never stored in the database in clear, so a stolen database on
 * its own cannot be used to test PIN guesses: a 4-digit PIN is only 10^4
 * guesses, which scrypt alone stretches to about an hour of one core.
 *
 * Stored form (self-describing, so the cost can be raised later):
 *   scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>
 */

const SALT_BYTES = 16
const HASH_BYTES = 32

export interface PinHashOptions {
  /** scrypt cost; OWASP's unless a test asks for a smaller N. */
  readonly cost?: ScryptCost
}

function pepperedPin(pepper: Buffer, pin: string): Buffer {
  if (pepper.length < 32) throw new Error('The PIN pepper must be at least 32 bytes.')
  return createHmac('sha256', pepper).update(pin, 'utf8').digest()
}

export async function hashPin(pin: string, pepper: Buffer, options: PinHashOptions = {}): Promise<string> {
  const cost = options.cost ?? OWASP_SCRYPT
  const salt = randomBytes(SALT_BYTES)
  const input = pepperedPin(pepper, pin)
  try {
    const hash = await scryptAsync(input, salt, HASH_BYTES, cost)
    return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join('$')
  } finally {
    input.fill(0)
  }
}

interface ParsedPinHash {
  readonly cost: ScryptCost
  readonly salt: Buffer
  readonly hash: Buffer
}

function parsePinHash(stored: string): ParsedPinHash | null {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null
  const cost = { N: Number(parts[1]), r: Number(parts[2]), p: Number(parts[3]) }
  if (!isValidScryptCost(cost)) return null
  const salt = Buffer.from(parts[4] ?? '', 'base64')
  const hash = Buffer.from(parts[5] ?? '', 'base64')
  if (salt.length < 16 || hash.length !== HASH_BYTES) return null
  return { cost, salt, hash }
}

/** True when `pin` matches `stored` under this pepper. A malformed stored hash never matches. Compares in constant time. */
export async function verifyPin(pin: string, pepper: Buffer, stored: string): Promise<boolean> {
  const parsed = parsePinHash(stored)
  if (!parsed) return false
  const input = pepperedPin(pepper, pin)
  try {
    const actual = await scryptAsync(input, parsed.salt, HASH_BYTES, parsed.cost)
    return timingSafeEqual(actual, parsed.hash)
  } finally {
    input.fill(0)
  }
}

/** True when a stored hash uses a lower cost than `cost` (re-hash it after the next correct PIN). */
export function pinHashNeedsUpgrade(stored: string, cost: ScryptCost = OWASP_SCRYPT): boolean {
  const parsed = parsePinHash(stored)
  return !parsed || parsed.cost.N < cost.N || parsed.cost.r < cost.r || parsed.cost.p < cost.p
}
