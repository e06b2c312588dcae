import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { WrongPassphraseError, createPassphraseProtector, createTestKeyProtector } from '../../../electron/main/vault/key-protector'
import { createVault } from '../../../electron/main/vault/vault'
import { verifyAuditChain } from '../../../electron/db/repositories/audit'
import { useTestDatabase } from '../../helpers/db'
import { FAST_SCRYPT, WORKSTATION, createTestClock, testProtector } from './fixtures'

const database = useTestDatabase()

function newVault(allowTestKeys = true) {
  return createVault({ db: database.current.db, workstationId: WORKSTATION, now: createTestClock().now, allowTestKeys })
}

describe('vault', () => {
  it('starts uninitialized, and initialize stores two wrapped keys with key checks and leaves it unlocked', async () => {
    const vault = newVault()
    expect(await vault.state()).toBe('uninitialized')
    expect(await vault.storedWrapMethod()).toBeNull()
    await vault.initialize(testProtector())
    expect(await vault.state()).toBe('unlocked')
    expect(await vault.storedWrapMethod()).toBe('test')
    const rows = database.current.sqlite.prepare('select * from vault_keys order by id').all() as {
      purpose: string
      wrap_method: string
      wrapped_key: string
      key_check: string
    }[]
    expect(rows.map((row) => [row.purpose, row.wrap_method])).toEqual([
      ['data-key', 'test'],
      ['pin-pepper', 'test'],
    ])
    for (const row of rows) {
      expect(row.key_check).toMatch(/^[A-Za-z0-9+/]{43}=$/)
      expect(row.wrapped_key.length).toBeGreaterThan(40)
    }
    const pepper = vault.pepper()
    expect(pepper.length).toBe(32)
    expect(rows.some((row) => row.wrapped_key.includes(pepper.toString('base64')))).toBe(false)
    const audit = database.current.sqlite.prepare("select action, details_json from audit_log where action like 'vault.%'").all()
    expect(audit).toEqual([{ action: 'vault.initialize', details_json: '{"wrapMethod":"test"}' }])
  })

  it('refuses to initialize twice', async () => {
    await newVault().initialize(testProtector())
    await expect(newVault().initialize(testProtector())).rejects.toMatchObject({ code: 'CONFLICT' })
  })

  it('unlocks in a new process with the same protector; codes and pepper are the same', async () => {
    const first = newVault()
    await first.initialize(testProtector())
    const { ciphertext, keyId } = first.encryptCode(3, '61354')
    const pepper = Buffer.from(first.pepper())

    const second = newVault()
    expect(await second.state()).toBe('locked')
    expect(() => second.decryptCode(3, ciphertext)).toThrow(/vault is locked/)
    expect(() => second.pepper()).toThrow(/vault is locked/)
    await second.unlock(testProtector())
    expect(await second.state()).toBe('unlocked')
    expect(second.decryptCode(3, ciphertext, keyId)).toBe('61354')
    expect(second.pepper().equals(pepper)).toBe(true)
    expect(() => second.decryptCode(3, ciphertext, keyId + 99)).toThrow(/not the key in use/)
  })

  it('stays locked with a wrong key, and audits the failed unlock', async () => {
    await newVault().initialize(testProtector())
    const vault = newVault()
    await expect(vault.unlock(createTestKeyProtector({ use: 'tests', key: randomBytes(32) }))).rejects.toThrow(/does not open/)
    expect(await vault.state()).toBe('locked')
    const actions = database.current.sqlite.prepare('select action from audit_log order by id').all()
    expect(actions).toEqual([{ action: 'vault.initialize' }, { action: 'vault.unlock.failed' }])
    expect(await verifyAuditChain(database.current.db)).toMatchObject({ ok: true })
  })

  it('detects a wrong unwrap by the key check', async () => {
    await newVault().initialize(testProtector())
    // Swap the two wrapped keys: each unwraps fine, but the checks no longer match.
    const sqlite = database.current.sqlite
    const [a, b] = sqlite.prepare('select id, wrapped_key from vault_keys order by id').all() as { id: number; wrapped_key: string }[]
    sqlite.prepare('update vault_keys set wrapped_key = ? where id = ?').run(b!.wrapped_key, a!.id)
    sqlite.prepare('update vault_keys set wrapped_key = ? where id = ?').run(a!.wrapped_key, b!.id)
    const vault = newVault()
    await expect(vault.unlock(testProtector())).rejects.toThrow(/does not match its check value/)
    expect(vault.isUnlocked()).toBe(false)
  })

  it('with a passphrase: right one unlocks, wrong one says so', async () => {
    const first = newVault(false)
    await first.initialize(createPassphraseProtector('lantern orchard pebble', { cost: FAST_SCRYPT }))
    const { ciphertext } = first.encryptCode(5, 'ZX9Q7')
    expect(await first.storedWrapMethod()).toBe('passphrase')

    const wrong = newVault(false)
    await expect(wrong.unlock(createPassphraseProtector('lantern orchard pebbles'))).rejects.toBeInstanceOf(WrongPassphraseError)
    expect(await wrong.state()).toBe('locked')

    const right = newVault(false)
    await right.unlock(createPassphraseProtector('lantern orchard pebble'))
    expect(right.decryptCode(5, ciphertext)).toBe('ZX9Q7')
    const failed = database.current.sqlite.prepare("select details_json from audit_log where action = 'vault.unlock.failed'").all()
    expect(failed).toEqual([{ details_json: '{"wrapMethod":"passphrase","reason":"wrong-passphrase"}' }])
  })

  it('refuses a protector of another kind than the one the keys were stored with', async () => {
    await newVault().initialize(testProtector())
    await expect(newVault().unlock(createPassphraseProtector('lantern orchard pebble', { cost: FAST_SCRYPT }))).rejects.toThrow(
      /protected by a test key, not a vault passphrase/,
    )
  })

  it('refuses the test protector unless the vault allows test keys', async () => {
    await expect(newVault(false).initialize(testProtector())).rejects.toThrow(/test key protector is refused/)
    await newVault(true).initialize(testProtector())
    await expect(newVault(false).unlock(testProtector())).rejects.toThrow(/test key protector is refused/)
  })

  it('lock() forgets the keys', async () => {
    const vault = newVault()
    await vault.initialize(testProtector())
    const pepper = vault.pepper()
    vault.lock()
    expect(vault.isUnlocked()).toBe(false)
    expect(pepper.equals(Buffer.alloc(32))).toBe(true)
    expect(() => vault.encryptCode(1, '1234')).toThrow(/vault is locked/)
    expect(() => vault.encryptCodes([{ radioId: 1, code: '1234' }])).toThrow(/vault is locked/)
  })

  it('encrypts a batch of codes under the key in use; each decrypts for its radio', async () => {
    const vault = newVault()
    await vault.initialize(testProtector())
    const single = vault.encryptCode(1, '0000')
    const batch = vault.encryptCodes([
      { radioId: 5, code: '61354' },
      { radioId: 6, code: 'ZX9Q7' },
    ])
    expect(batch.map((encrypted) => encrypted.keyId)).toEqual([single.keyId, single.keyId])
    expect(vault.decryptCode(5, batch[0]?.ciphertext ?? '', batch[0]?.keyId)).toBe('61354')
    expect(vault.decryptCode(6, batch[1]?.ciphertext ?? '', batch[1]?.keyId)).toBe('ZX9Q7')
  })

  it('keeps the raw keys out of anything printable', async () => {
    const vault = newVault()
    await vault.initialize(testProtector())
    const printed = JSON.stringify(vault) + String(Object.values(vault))
    expect(printed).not.toContain(vault.pepper().toString('base64'))
    expect(printed).not.toContain(vault.pepper().toString('hex'))
  })
})
