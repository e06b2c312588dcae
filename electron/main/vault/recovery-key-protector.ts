import { randomBytes } from 'node:crypto'
import { AppError } from '../../../shared/api/errors'
import { parseRecoveryKey, recoveryKeyFromRandom, RECOVERY_KEY_RANDOM_BYTES } from '../../../shared/domain/recovery-key'
import { aesUnwrap, aesWrap, checkKeyToWrap, KeyProtectorError, type KdfParams, type WrappedKey } from './key-protector'
import { OWASP_SCRYPT, isValidScryptCost, scryptAsync, type ScryptCost } from './scrypt'

/*
 * The vault's second lock: the data key and the PIN pepper wrapped under a
 * key derived from the recovery key (scrypt, then AES-256-GCM, like the
 * passphrase). Stored as vault_keys rows with wrap_method 'recovery-key'
 * beside the rows of the everyday protector, so the vault opens on a new
 * computer, or after the passphrase is forgotten, with the printed sheet.
 *
 * The recovery key has 140 random bits, so scrypt is not what keeps it from
 * being guessed; it is there so a stolen database plus a slow guess stay
 * useless for the same reasons as the passphrase.
 */

export const RECOVERY_KEY_FORMAT = 'crockford-8x4-crc20-v1'

/** The recovery key does not open this vault. Reported to the desk as FORBIDDEN. */
export class WrongRecoveryKeyError extends AppError {
  constructor() {
    super(
      'FORBIDDEN',
      'This recovery key does not open this vault: it is from another vault or an older sheet (a new key replaces the old one). Nothing was changed.',
    )
    this.name = 'WrongRecoveryKeyError'
  }
}

/** A new recovery key from the system's random source, formatted in groups. */
export function generateRecoveryKey(): string {
  const random = randomBytes(RECOVERY_KEY_RANDOM_BYTES)
  try {
    return recoveryKeyFromRandom(random)
  } finally {
    random.fill(0)
  }
}

export interface RecoveryKeyProtector {
  readonly kind: 'recovery-key'
  wrap(key: Buffer): Promise<WrappedKey>
  unwrap(wrapped: string, kdfParams: KdfParams): Promise<Buffer>
}

/**
 * Wraps and unwraps with a recovery key (as typed: forgiving of case and
 * separators). Refuses a key that fails its check group, before scrypt. One
 * salt per protector, so wrapping both keys costs one scrypt.
 */
export function createRecoveryKeyProtector(recoveryKey: string, options: { cost?: ScryptCost } = {}): RecoveryKeyProtector {
  const parsed = parseRecoveryKey(recoveryKey)
  if (!parsed.ok) throw new AppError('VALIDATION', parsed.problem)
  const secret = Buffer.from(parsed.compact, 'ascii')
  const cost = options.cost ?? OWASP_SCRYPT
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
    kind: 'recovery-key',
    async wrap(key) {
      checkKeyToWrap(key)
      wrapSalt ??= randomBytes(16)
      const kek = await kekFor(wrapSalt, cost)
      return {
        wrapped: aesWrap(kek, key, 'recovery-key'),
        kdfParams: { kdf: 'scrypt', N: cost.N, r: cost.r, p: cost.p, salt: wrapSalt.toString('base64'), format: RECOVERY_KEY_FORMAT },
      }
    },
    async unwrap(wrapped, kdfParams) {
      const params = { N: kdfParams.N, r: kdfParams.r, p: kdfParams.p }
      if (kdfParams.kdf !== 'scrypt' || typeof kdfParams.salt !== 'string' || !isValidScryptCost(params)) {
        throw new KeyProtectorError('The stored recovery-key settings are damaged or from another version; the recovery key cannot be used.')
      }
      const kek = await kekFor(Buffer.from(kdfParams.salt, 'base64'), params)
      const key = aesUnwrap(kek, wrapped, 'recovery-key')
      if (!key) throw new WrongRecoveryKeyError()
      return key
    },
  }
}
