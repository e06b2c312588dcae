import { afterEach, describe, expect, it } from 'vitest'
import { PUBLIC_METHODS } from '../../electron/main/ipc/access'
import { apiContract, type ApiMethod } from '../../shared/api/contract'
import type { ApiResult } from '../../shared/api/errors'
import type { SecurityStatus } from '../../shared/domain/security'
import type { StaffMember, StaffRosterEntry } from '../../shared/domain/staff'
import { createTestRouter, startTestServices, TRUSTED_SENDER, type TestServices } from '../helpers/services'
import { makeTempDir, removeTempDir } from '../helpers/temp-dir'

/*
 * The desk locks itself: with access control on (as in the app and the
 * browser preview), only the start-up and sign-in calls work until the vault
 * is unlocked and someone has signed in.
 */

let dataDir: string | null = null
let started: TestServices | null = null

afterEach(async () => {
  await started?.services.close()
  if (dataDir) removeTempDir(dataDir)
  started = null
  dataDir = null
})

async function start() {
  dataDir = makeTempDir()
  started = await startTestServices(dataDir)
  const router = createTestRouter(started.services, { accessControl: true })
  return <T>(method: string, input: unknown) => router(TRUSTED_SENDER, method, input) as Promise<ApiResult<T>>
}

const MANAGER_PIN = '2580'

describe('access control', () => {
  it('before the vault is set up, every non-public call answers VAULT_LOCKED and writes nothing', async () => {
    const call = await start()
    const methods = Object.keys(apiContract) as ApiMethod[]
    for (const method of methods.filter((m) => !PUBLIC_METHODS.has(m))) {
      const result = await call(method, {})
      expect(result.ok, method).toBe(false)
      if (!result.ok) expect(result.error.code, method).toBe('VAULT_LOCKED')
    }
    const rows = await started!.services.requireDb().selectFrom('customers').select('id').execute()
    expect(rows).toEqual([])
  })

  it('with the vault unlocked but nobody signed in, calls answer SIGNED_OUT; after sign-in they work', async () => {
    const call = await start()
    await call('vault.setUp', { passphrase: null })
    const status = await call<SecurityStatus>('staff.createFirstManager', { name: 'Maria', pin: MANAGER_PIN })
    if (!status.ok) throw new Error(status.error.message)
    expect((await call('customers.create', { name: 'Ana' })).ok).toBe(true)
    await call('session.signOut', {})
    const refused = await call('customers.list', {})
    expect(refused.ok ? null : refused.error.code).toBe('SIGNED_OUT')
    await call('session.signIn', { staffId: status.value.signedIn!.id, pin: MANAGER_PIN })
    expect((await call('customers.list', {})).ok).toBe(true)
  })

  it('signed out, the sign-in picker gets only names, roles and lock state of active staff; the full staff list needs sign-in', async () => {
    const call = await start()
    await call('vault.setUp', { passphrase: null })
    const status = await call<SecurityStatus>('staff.createFirstManager', { name: 'Maria', pin: MANAGER_PIN })
    if (!status.ok) throw new Error(status.error.message)
    const desk = await call<StaffMember>('staff.add', { name: 'Dan Desk', role: 'desk', pin: '7391' })
    const left = await call<StaffMember>('staff.add', { name: 'Lee Left', role: 'desk', pin: '7392' })
    if (!desk.ok || !left.ok) throw new Error('staff.add failed')
    await call('staff.setActive', { staffId: left.value.id, active: false })
    await call('session.signOut', {})
    // A wrong PIN is counted, but the roster does not tell anyone how many.
    await call('session.signIn', { staffId: desk.value.id, pin: '0000' })

    const roster = await call<StaffRosterEntry[]>('staff.roster', {})
    if (!roster.ok) throw new Error(roster.error.message)
    expect(roster.value).toEqual([
      { id: desk.value.id, name: 'Dan Desk', role: 'desk', lockedUntil: null, needsManagerReset: false },
      { id: status.value.signedIn!.id, name: 'Maria', role: 'manager', lockedUntil: null, needsManagerReset: false },
    ])
    const list = await call('staff.list', {})
    expect(list.ok ? null : list.error.code).toBe('SIGNED_OUT')
  })

  it('the public calls are exactly what the start-up and sign-in screens need', () => {
    expect([...PUBLIC_METHODS].sort()).toEqual(
      [
        'app.status',
        // The start screen's "Restore from this backup" (only while the database is unreadable).
        'backups.restoreAtStart',
        'security.status',
        'session.signIn',
        'session.signOut',
        'staff.createFirstManager',
        'staff.roster',
        'vault.setUp',
        'vault.unlock',
        // The recovery key: opening a locked vault, and its screen at first start (each checks who may use it).
        'vault.recover',
        'vault.newRecoveryKey',
        'vault.confirmRecoveryKey',
        'vault.printRecoverySheet',
      ].sort(),
    )
  })
})
