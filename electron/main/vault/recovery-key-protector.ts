import { randomBytes } from 'node:crypto'
import { AppError } from '../../../shared/api/errors'
import { parseRecoveryKey, recoveryKeyFromRandom, RECOVERY_KEY_RANDOM_BYTES } from '../../../shared/domain/recovery-key'
import { createScryptWrapping, type KdfParams, type WrappedKey } from './key-protector'
import { OWASP_SCRYPT, type ScryptCost } from './scrypt'

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
  return createScryptWrapping({
    kind: 'recovery-key',
    secret: Buffer.from(parsed.compact, 'ascii'),
    cost: options.cost ?? OWASP_SCRYPT,
    extraParams: { format: RECOVERY_KEY_FORMAT },
    damagedMessage: 'The stored recovery-key settings are damaged or from another version; the recovery key cannot be used.',
    wrongSecret: () => new WrongRecoveryKeyError(),
  })
}
