import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../../electron/db/repositories/audit'
import { createPassphraseProtector, createTestKeyProtector } from '../../../electron/main/vault/key-protector'
import {
  WrongRecoveryKeyError,
  createRecoveryKeyProtector,
  generateRecoveryKey,
} from '../../../electron/main/vault/recovery-key-protector'
import { recoveryWaitMs } from '../../../electron/main/vault/recovery-service'
import { createVault } from '../../../electron/main/vault/vault'
import { parseRecoveryKey } from '../../../shared/domain/recovery-key'
import { useTestDatabase } from '../../helpers/db'
import { FAST_SCRYPT, WORKSTATION, createTestClock, seedRadio, testProtector } from './fixtures'

const database = useTestDatabase()

interface KeyRow {
  id: number
  purpose: string
  wrap_method: string
  kdf_params_json: string
  key_check: string
  retired_at: string | null
}

function keyRows(): KeyRow[] {
  return database.current.sqlite.prepare('select id, purpose, wrap_method, kdf_params_json, key_check, retired_at from vault_keys order by id').all() as KeyRow[]
}

function vaultActions(): string[] {
  return database.current.sqlite.prepare("select action from audit_log where action like 'vault.%' order by id").pluck().all() as string[]
}

function newVault() {
  return createVault({ db: database.current.db, workstationId: WORKSTATION, now: createTestClock().now, allowTestKeys: true })
}

const recoveryProtector = (key: string) => createRecoveryKeyProtector(key, { cost: FAST_SCRYPT })
/** This computer's key store, on "another computer": a test protector with a key of its own. */
const otherComputer = () => createTestKeyProtector({ use: 'tests', key: randomBytes(32) })

/** A vault on the test key with a recovery key stored, and one code encrypted. */
async function vaultWithRecoveryKey() {
  const vault = newVault()
  await vault.initialize(testProtector())
  const key = generateRecoveryKey()
  await vault.storeRecoveryWrapping(await vault.wrapForRecovery(recoveryProtector(key)), null)
  const radioId = await seedRadio(database.current)
  const stored = vault.encryptCode(radioId, '60519')
  const pepper = Buffer.from(vault.pepper())
  vault.lock()
  return { key, radioId, stored, pepper }
}

describe('recovery key wrapping', () => {
  it('makes keys that pass their own check, different every time', () => {
    const keys = new Set(Array.from({ length: 50 }, () => generateRecoveryKey()))
    expect(keys.size).toBe(50)
    for (const key of keys) expect(parseRecoveryKey(key).ok).toBe(true)
  })

  it('refuses a mistyped key before any scrypt work', async () => {
    const key = generateRecoveryKey()
    const typo = key.slice(0, 5) + (key[5] === 'A' ? 'B' : 'A') + key.slice(6)
    expect(() => createRecoveryKeyProtector(typo)).toThrow(/typing mistake/)
  })

  it('stores the data key and pepper a second time under the recovery key, with the same key checks and the codes’ key id', async () => {
    const vault = newVault()
    await vault.initialize(testProtector())
    expect(await vault.hasRecoveryKey()).toBe(false)
    const key = generateRecoveryKey()
    await vault.storeRecoveryWrapping(await vault.wrapForRecovery(recoveryProtector(key)), null)
    expect(await vault.hasRecoveryKey()).toBe(true)
    expect(await vault.storedWrapMethod()).toBe('test')
    const rows = keyRows()
    expect(rows.map((row) => [row.purpose, row.wrap_method, row.retired_at])).toEqual([
      ['data-key', 'test', null],
      ['pin-pepper', 'test', null],
      ['data-key', 'recovery-key', null],
      ['pin-pepper', 'recovery-key', null],
    ])
    expect(rows[2]!.key_check).toBe(rows[0]!.key_check)
    expect(rows[3]!.key_check).toBe(rows[1]!.key_check)
    const params = JSON.parse(rows[2]!.kdf_params_json) as Record<string, unknown>
    expect(params).toMatchObject({ kdf: 'scrypt', N: FAST_SCRYPT.N, r: 8, p: 1, dataKeyId: rows[0]!.id, format: 'crockford-8x4-crc20-v1' })
    expect(typeof params['salt']).toBe('string')
    const compact = key.replace(/-/g, '')
    expect(JSON.stringify(database.current.sqlite.prepare('select * from vault_keys').all())).not.toContain(compact.slice(0, 12))
    expect(vaultActions()).toEqual(['vault.initialize', 'vault.recovery-key.create'])
  })

  it('opens the vault on another computer: codes decrypt under their old key id, the pepper comes back, the old rows retire, the new computer unlocks after a restart', async () => {
    const { key, radioId, stored, pepper } = await vaultWithRecoveryKey()
    const otherKey = createTestKeyProtector({ use: 'tests', key: Buffer.alloc(32, 9) })
    const there = newVault()
    await expect(there.unlock(otherKey)).rejects.toThrow()
    expect(there.isUnlocked()).toBe(false)

    await there.recover(recoveryProtector(key.toLowerCase().replace(/-/g, ' ')), otherKey)
    expect(there.isUnlocked()).toBe(true)
    expect(there.decryptCode(radioId, stored.ciphertext, stored.keyId)).toBe('60519')
    expect(there.pepper().equals(pepper)).toBe(true)
    expect(keyRows().map((row) => [row.purpose, row.wrap_method, row.retired_at === null])).toEqual([
      ['data-key', 'test', false],
      ['pin-pepper', 'test', false],
      ['data-key', 'recovery-key', true],
      ['pin-pepper', 'recovery-key', true],
      ['data-key', 'test', true],
      ['pin-pepper', 'test', true],
    ])
    expect(vaultActions()).toEqual(['vault.initialize', 'vault.recovery-key.create', 'vault.unlock.failed', 'vault.recover'])
    expect(await verifyAuditChain(database.current.db)).toMatchObject({ ok: true })

    // A restart on the new computer: its own key store opens it, and new codes still use the first key id.
    const restarted = newVault()
    await restarted.unlock(otherKey)
    expect(restarted.decryptCode(radioId, stored.ciphertext, stored.keyId)).toBe('60519')
    expect(restarted.encryptCode(radioId, '1234').keyId).toBe(stored.keyId)
    expect(await restarted.hasRecoveryKey()).toBe(true)
    // The old computer's key no longer opens it (its rows are retired).
    await expect(newVault().unlock(testProtector())).rejects.toThrow()
  })

  it('a forgotten passphrase: recovered with the key and a new passphrase, which then opens it', async () => {
    const vault = newVault()
    await vault.initialize(createPassphraseProtector('old forgotten passphrase', { cost: FAST_SCRYPT }))
    const key = generateRecoveryKey()
    await vault.storeRecoveryWrapping(await vault.wrapForRecovery(recoveryProtector(key)), null)
    vault.lock()
    const again = newVault()
    await again.recover(recoveryProtector(key), createPassphraseProtector('brand new passphrase here', { cost: FAST_SCRYPT }))
    expect(await again.storedWrapMethod()).toBe('passphrase')
    again.lock()
    await newVault().unlock(createPassphraseProtector('brand new passphrase here', { cost: FAST_SCRYPT }))
    await expect(newVault().unlock(createPassphraseProtector('old forgotten passphrase', { cost: FAST_SCRYPT }))).rejects.toThrow(/Wrong vault passphrase/)
  })

  it('a wrong (well-formed) key is refused, audited, and changes nothing', async () => {
    const { key } = await vaultWithRecoveryKey()
    const before = keyRows()
    const there = newVault()
    let other = generateRecoveryKey()
    while (other === key) other = generateRecoveryKey()
    await expect(there.recover(recoveryProtector(other), otherComputer())).rejects.toBeInstanceOf(WrongRecoveryKeyError)
    expect(there.isUnlocked()).toBe(false)
    expect(keyRows()).toEqual(before)
    const failed = database.current.sqlite.prepare("select details_json from audit_log where action = 'vault.recover.failed'").pluck().all()
    expect(failed).toEqual(['{"reason":"wrong-key"}'])
  })

  it('a new recovery key retires the old one, which then opens nothing', async () => {
    const { key: oldKey } = await vaultWithRecoveryKey()
    const vault = newVault()
    await vault.unlock(testProtector())
    const newKey = generateRecoveryKey()
    await vault.storeRecoveryWrapping(await vault.wrapForRecovery(recoveryProtector(newKey)), null)
    const recoveryRows = keyRows().filter((row) => row.wrap_method === 'recovery-key')
    expect(recoveryRows.map((row) => row.retired_at === null)).toEqual([false, false, true, true])
    vault.lock()
    await expect(newVault().recover(recoveryProtector(oldKey), otherComputer())).rejects.toBeInstanceOf(WrongRecoveryKeyError)
    await newVault().recover(recoveryProtector(newKey), otherComputer())
  })

  it('a vault without a recovery key says so instead of trying', async () => {
    const vault = newVault()
    await vault.initialize(testProtector())
    vault.lock()
    await expect(newVault().recover(recoveryProtector(generateRecoveryKey()), otherComputer())).rejects.toThrow(/no recovery key/)
  })

  it('waits grow after three failures and stop at five minutes', () => {
    const waits = [0, 1, 2, 3, 4, 5, 6, 20].map(recoveryWaitMs)
    expect(waits).toEqual([0, 0, 0, 5_000, 10_000, 20_000, 40_000, 300_000])
  })
})
