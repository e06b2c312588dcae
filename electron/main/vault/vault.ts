import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import { AppError } from '../../../shared/api/errors'
import { appendAudit } from '../../db/repositories/audit'
import {
  insertVaultKey,
  listActiveVaultKeys,
  retireVaultKeys,
  type NewVaultKeyRow,
  type VaultKeyPurpose,
  type VaultKeyRow,
} from '../../db/repositories/vault-keys'
import type { Database } from '../../db/schema'
import { decryptCode as decryptWithKey, encryptCode as encryptWithKey, encryptCodes as encryptManyWithKey } from './code-cipher'
import {
  KeyProtectorError,
  VAULT_KEY_BYTES,
  WrongPassphraseError,
  type KdfParams,
  type KeyProtector,
  type KeyProtectorKind,
} from './key-protector'
import type { RecoveryKeyProtector } from './recovery-key-protector'

/*
 * The vault: holds the data key (radio codes) and the PIN pepper in memory
 * once unlocked. The database stores them only wrapped by a KeyProtector,
 * each with a key_check (an HMAC of a constant under the key) so a wrong
 * unwrap is caught before anything is encrypted with a wrong key.
 *
 * Each key may be stored more than once: wrapped by the everyday protector
 * (key store, passphrase) and by the recovery key. The code ciphertexts name
 * the data key by the id of the row it was first stored in (radio_codes.key_id);
 * later wrappings of the same key carry that id as `dataKeyId` in their
 * kdf_params_json, so codes keep decrypting after a recovery re-protects it.
 *
 * The raw keys live only in closure variables of this object: they are not
 * properties (so they never show up in a log of the object), never returned
 * as text, and zeroed on lock().
 */

export type VaultState = 'uninitialized' | 'locked' | 'unlocked'

export interface VaultOptions {
  readonly db: Kysely<Database>
  readonly workstationId: string
  readonly now: () => Date
  /** Accept the 'test' protector (tests and the browser preview only). Never set in the desktop app. */
  readonly allowTestKeys?: boolean
}

export interface EncryptedCode {
  readonly ciphertext: string
  /** vault_keys.id of the data key used; stored in radio_codes.key_id. */
  readonly keyId: number
}

export interface Vault {
  /** 'uninitialized' when no keys exist yet (first start), 'locked' until unlock() succeeds. */
  state(): Promise<VaultState>
  /** How the stored keys are protected, so start-up knows which protector to build; null before first start. */
  storedWrapMethod(): Promise<KeyProtectorKind | null>
  /** First start: makes a random data key and a random PIN pepper, stores them wrapped, and leaves the vault unlocked. */
  initialize(protector: KeyProtector): Promise<void>
  /** Unwraps both keys and checks them. Throws WrongPassphraseError, KeyProtectorError or AppError; stays locked then. */
  unlock(protector: KeyProtector): Promise<void>
  /** Forgets (and zeroes) the keys in memory. */
  lock(): void
  isUnlocked(): boolean
  encryptCode(radioId: number, code: string): EncryptedCode
  /** encryptCode for many codes at once (an import), in the same order. */
  encryptCodes(items: readonly { radioId: number; code: string }[]): EncryptedCode[]
  decryptCode(radioId: number, ciphertext: string, keyId?: number): string
  /** The PIN pepper (32 bytes). Do not copy, log or keep it. */
  pepper(): Buffer
  /** Whether the keys are also stored under a recovery key. */
  hasRecoveryKey(): Promise<boolean>
  /** Wraps the unlocked keys under a recovery key. Writes nothing: storeRecoveryWrapping() does, once the key was written down. */
  wrapForRecovery(protector: RecoveryKeyProtector): Promise<RecoveryWrapping>
  /** Stores a recovery wrapping, retiring the one before it; audited. */
  storeRecoveryWrapping(wrapping: RecoveryWrapping, staffId: number | null): Promise<void>
  /**
   * Opens a locked vault with the recovery key, protects both keys with
   * `protector` (this computer's key store or a new passphrase), retires the
   * old everyday wrapping, keeps the recovery wrapping, and unlocks. Audited,
   * failures too. Throws WrongRecoveryKeyError when the key does not open it.
   */
  recover(recovery: RecoveryKeyProtector, protector: KeyProtector): Promise<void>
}

/** The data key and pepper wrapped under a recovery key, ready to store. */
export interface RecoveryWrapping {
  readonly rows: readonly NewVaultKeyRow[]
}

const KEY_CHECK_LABEL = 'radio-code-desk/key-check/v1/'

function keyCheck(key: Buffer, purpose: VaultKeyPurpose): string {
  return createHmac('sha256', key).update(`${KEY_CHECK_LABEL}${purpose}`).digest('base64')
}

function checkMatches(key: Buffer, row: VaultKeyRow): boolean {
  const expected = Buffer.from(row.key_check, 'base64')
  const actual = Buffer.from(keyCheck(key, row.purpose), 'base64')
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}

/** The id codes were stored under for this data key: the row it was first stored in. */
function dataKeyIdOf(row: VaultKeyRow): number {
  try {
    const stored = (JSON.parse(row.kdf_params_json) as { dataKeyId?: unknown }).dataKeyId
    return typeof stored === 'number' && Number.isSafeInteger(stored) && stored > 0 ? stored : row.id
  } catch {
    return row.id
  }
}

type EverydayRow = VaultKeyRow & { readonly wrap_method: KeyProtectorKind }

function isEveryday(row: VaultKeyRow): row is EverydayRow {
  return row.wrap_method !== 'recovery-key'
}

function parseKdfParams(json: string): KdfParams {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    throw new KeyProtectorError('A stored vault key has damaged settings; the vault cannot be unlocked.')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new KeyProtectorError('A stored vault key has damaged settings; the vault cannot be unlocked.')
  }
  return value as KdfParams
}

const LOCKED_MESSAGE = 'The code vault is locked. A manager must unlock it (start-up screen) before codes can be stored or shown.'

const PROTECTION_NAMES: Readonly<Record<KeyProtectorKind, string>> = {
  'safe-storage': 'this computer’s key store',
  passphrase: 'a vault passphrase',
  test: 'a test key',
}

export function createVault(options: VaultOptions): Vault {
  const { db } = options
  let dataKey: { key: Buffer; id: number } | null = null
  let pepperKey: Buffer | null = null

  const refuseTestKeys = (protector: KeyProtector) => {
    if (protector.kind === 'test' && !options.allowTestKeys) {
      throw new Error('The test key protector is refused here: it protects nothing and is only for tests and the browser preview.')
    }
  }

  const currentRows = async () => {
    const rows = await listActiveVaultKeys(db)
    const everyday = rows.filter(isEveryday)
    const recovery = rows.filter((row) => row.wrap_method === 'recovery-key')
    return {
      rows,
      dataRow: everyday.find((row) => row.purpose === 'data-key'),
      pepperRow: everyday.find((row) => row.purpose === 'pin-pepper'),
      recoveryDataRow: recovery.find((row) => row.purpose === 'data-key'),
      recoveryPepperRow: recovery.find((row) => row.purpose === 'pin-pepper'),
    }
  }

  const wrappedRows = async (
    protector: KeyProtector | RecoveryKeyProtector,
    keys: { data: Buffer; pepper: Buffer; dataKeyId: number },
  ): Promise<NewVaultKeyRow[]> => {
    const wrappedData = await protector.wrap(keys.data)
    const wrappedPepper = await protector.wrap(keys.pepper)
    return [
      {
        purpose: 'data-key',
        wrapMethod: protector.kind,
        wrappedKey: wrappedData.wrapped,
        kdfParamsJson: JSON.stringify({ ...wrappedData.kdfParams, dataKeyId: keys.dataKeyId }),
        keyCheck: keyCheck(keys.data, 'data-key'),
      },
      {
        purpose: 'pin-pepper',
        wrapMethod: protector.kind,
        wrappedKey: wrappedPepper.wrapped,
        kdfParamsJson: JSON.stringify(wrappedPepper.kdfParams),
        keyCheck: keyCheck(keys.pepper, 'pin-pepper'),
      },
    ]
  }

  const audit = async (action: string, details: Readonly<Record<string, string | number | boolean | null>>) => {
    await db.transaction().execute(async (trx) => {
      await appendAudit(trx, {
        at: options.now().toISOString(),
        workstationId: options.workstationId,
        staffId: null,
        action,
        entityType: 'vault',
        entityId: null,
        details,
      })
    })
  }

  const forget = () => {
    dataKey?.key.fill(0)
    pepperKey?.fill(0)
    dataKey = null
    pepperKey = null
  }

  const vault: Vault = {
    async state() {
      if (dataKey && pepperKey) return 'unlocked'
      const { rows } = await currentRows()
      return rows.length === 0 ? 'uninitialized' : 'locked'
    },

    async storedWrapMethod() {
      const { dataRow } = await currentRows()
      return dataRow?.wrap_method ?? null
    },

    async initialize(protector) {
      refuseTestKeys(protector)
      if ((await currentRows()).rows.length > 0) {
        throw new AppError('CONFLICT', 'The code vault is already set up on this database; unlock it instead.')
      }
      const newDataKey = randomBytes(VAULT_KEY_BYTES)
      const newPepper = randomBytes(VAULT_KEY_BYTES)
      const wrappedData = await protector.wrap(newDataKey)
      const wrappedPepper = await protector.wrap(newPepper)
      const now = options.now().toISOString()
      let dataKeyId = 0
      await db.transaction().execute(async (trx) => {
        if ((await listActiveVaultKeys(trx)).length > 0) {
          throw new AppError('CONFLICT', 'The code vault was set up a moment ago by another window; unlock it instead.')
        }
        dataKeyId = await insertVaultKey(
          trx,
          {
            purpose: 'data-key',
            wrapMethod: protector.kind,
            wrappedKey: wrappedData.wrapped,
            kdfParamsJson: JSON.stringify(wrappedData.kdfParams),
            keyCheck: keyCheck(newDataKey, 'data-key'),
          },
          now,
        )
        await insertVaultKey(
          trx,
          {
            purpose: 'pin-pepper',
            wrapMethod: protector.kind,
            wrappedKey: wrappedPepper.wrapped,
            kdfParamsJson: JSON.stringify(wrappedPepper.kdfParams),
            keyCheck: keyCheck(newPepper, 'pin-pepper'),
          },
          now,
        )
        await appendAudit(trx, {
          at: now,
          workstationId: options.workstationId,
          staffId: null,
          action: 'vault.initialize',
          entityType: 'vault',
          entityId: dataKeyId,
          details: { wrapMethod: protector.kind },
        })
      })
      forget()
      dataKey = { key: newDataKey, id: dataKeyId }
      pepperKey = newPepper
    },

    async unlock(protector) {
      refuseTestKeys(protector)
      const { rows, dataRow, pepperRow } = await currentRows()
      if (rows.length === 0) throw new AppError('CONFLICT', 'The code vault has not been set up yet.')
      if (!dataRow || !pepperRow) {
        throw new KeyProtectorError('The vault keys in this database are incomplete (one is missing). Restore a backup; nothing was changed.')
      }
      for (const row of [dataRow, pepperRow]) {
        if (row.wrap_method !== protector.kind) {
          throw new AppError(
            'CONFLICT',
            `This database’s vault is protected by ${PROTECTION_NAMES[row.wrap_method]}, not ${PROTECTION_NAMES[protector.kind]}.`,
          )
        }
      }
      let newDataKey: Buffer | null = null
      let newPepper: Buffer | null = null
      try {
        newDataKey = await protector.unwrap(dataRow.wrapped_key, parseKdfParams(dataRow.kdf_params_json))
        newPepper = await protector.unwrap(pepperRow.wrapped_key, parseKdfParams(pepperRow.kdf_params_json))
        if (!checkMatches(newDataKey, dataRow) || !checkMatches(newPepper, pepperRow)) {
          throw new KeyProtectorError('The unwrapped vault key does not match its check value, so it is not the right key. The vault stays locked.')
        }
      } catch (error) {
        newDataKey?.fill(0)
        newPepper?.fill(0)
        await audit('vault.unlock.failed', {
          wrapMethod: protector.kind,
          reason: error instanceof WrongPassphraseError ? 'wrong-passphrase' : 'unwrap-failed',
        })
        throw error
      }
      forget()
      dataKey = { key: newDataKey, id: dataKeyIdOf(dataRow) }
      pepperKey = newPepper
      await audit('vault.unlock', { wrapMethod: protector.kind })
    },

    lock() {
      forget()
    },

    isUnlocked() {
      return dataKey !== null && pepperKey !== null
    },

    encryptCode(radioId, code) {
      if (!dataKey) throw new AppError('VAULT_LOCKED', LOCKED_MESSAGE)
      return { ciphertext: encryptWithKey(dataKey.key, radioId, code), keyId: dataKey.id }
    },

    encryptCodes(items) {
      if (!dataKey) throw new AppError('VAULT_LOCKED', LOCKED_MESSAGE)
      const keyId = dataKey.id
      return encryptManyWithKey(dataKey.key, items).map((ciphertext) => ({ ciphertext, keyId }))
    },

    decryptCode(radioId, ciphertext, keyId) {
      if (!dataKey) throw new AppError('VAULT_LOCKED', LOCKED_MESSAGE)
      if (keyId !== undefined && keyId !== dataKey.id) {
        throw new KeyProtectorError(`This code was stored under vault key ${keyId}, which is not the key in use (${dataKey.id}).`)
      }
      return decryptWithKey(dataKey.key, radioId, ciphertext)
    },

    pepper() {
      if (!pepperKey) throw new AppError('VAULT_LOCKED', LOCKED_MESSAGE)
      return pepperKey
    },

    async hasRecoveryKey() {
      const { recoveryDataRow, recoveryPepperRow } = await currentRows()
      return recoveryDataRow !== undefined && recoveryPepperRow !== undefined
    },

    async wrapForRecovery(protector) {
      if (!dataKey || !pepperKey) throw new AppError('VAULT_LOCKED', LOCKED_MESSAGE)
      return { rows: await wrappedRows(protector, { data: dataKey.key, pepper: pepperKey, dataKeyId: dataKey.id }) }
    },

    async storeRecoveryWrapping(wrapping, staffId) {
      if (!dataKey) throw new AppError('VAULT_LOCKED', LOCKED_MESSAGE)
      const now = options.now().toISOString()
      await db.transaction().execute(async (trx) => {
        const old = (await listActiveVaultKeys(trx)).filter((row) => row.wrap_method === 'recovery-key')
        await retireVaultKeys(
          trx,
          old.map((row) => row.id),
          now,
        )
        let firstId: number | null = null
        for (const row of wrapping.rows) {
          const id = await insertVaultKey(trx, row, now)
          firstId ??= id
        }
        await appendAudit(trx, {
          at: now,
          workstationId: options.workstationId,
          staffId,
          action: 'vault.recovery-key.create',
          entityType: 'vault',
          entityId: firstId,
          details: { replaced: old.length > 0 },
        })
      })
    },

    async recover(recovery, protector) {
      refuseTestKeys(protector)
      const { rows, dataRow, pepperRow, recoveryDataRow, recoveryPepperRow } = await currentRows()
      if (rows.length === 0) throw new AppError('CONFLICT', 'The code vault has not been set up yet.')
      if (!recoveryDataRow || !recoveryPepperRow) {
        throw new AppError('CONFLICT', 'This vault has no recovery key, so it can only be opened by the way it was protected. Nothing was changed.')
      }
      let newDataKey: Buffer | null = null
      let newPepper: Buffer | null = null
      try {
        newDataKey = await recovery.unwrap(recoveryDataRow.wrapped_key, parseKdfParams(recoveryDataRow.kdf_params_json))
        newPepper = await recovery.unwrap(recoveryPepperRow.wrapped_key, parseKdfParams(recoveryPepperRow.kdf_params_json))
        if (!checkMatches(newDataKey, recoveryDataRow) || !checkMatches(newPepper, recoveryPepperRow)) {
          throw new KeyProtectorError('The recovered vault key does not match its check value. The vault stays locked and nothing was changed.')
        }
      } catch (error) {
        newDataKey?.fill(0)
        newPepper?.fill(0)
        await audit('vault.recover.failed', { reason: error instanceof AppError && error.code === 'FORBIDDEN' ? 'wrong-key' : 'unwrap-failed' })
        throw error
      }
      const dataKeyId = dataKeyIdOf(recoveryDataRow)
      let fresh: NewVaultKeyRow[]
      try {
        fresh = await wrappedRows(protector, { data: newDataKey, pepper: newPepper, dataKeyId })
      } catch (error) {
        newDataKey.fill(0)
        newPepper.fill(0)
        throw error
      }
      const now = options.now().toISOString()
      const retired = [dataRow, pepperRow].filter((row): row is EverydayRow => row !== undefined)
      await db.transaction().execute(async (trx) => {
        await retireVaultKeys(
          trx,
          retired.map((row) => row.id),
          now,
        )
        let firstId: number | null = null
        for (const row of fresh) {
          const id = await insertVaultKey(trx, row, now)
          firstId ??= id
        }
        await appendAudit(trx, {
          at: now,
          workstationId: options.workstationId,
          staffId: null,
          action: 'vault.recover',
          entityType: 'vault',
          entityId: firstId,
          details: { wrapMethod: protector.kind, previousWrapMethod: dataRow?.wrap_method ?? null },
        })
      })
      forget()
      dataKey = { key: newDataKey, id: dataKeyId }
      pepperKey = newPepper
    },
  }
  return vault
}
