import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dataPaths } from '../../electron/main/paths'
import type { KeyStoreAccess } from '../../electron/main/services/security'
import type { ApiResult } from '../../shared/api/errors'
import type { Customer } from '../../shared/domain/customer'
import { recoveryKeyGroups } from '../../shared/domain/recovery-key'
import type { RadioCodeHistoryEntry, RevealedCode } from '../../shared/domain/radio-code'
import type { NewRecoveryKey, RecoverySheetOutcome, SecurityStatus, SignInResult } from '../../shared/domain/security'
import type { StaffMember } from '../../shared/domain/staff'
import type { Vehicle, VehicleDetail } from '../../shared/domain/vehicle'
import { fakeComputerKeyStore } from '../helpers/fake-key-store'
import { errorOf, valueOf } from '../helpers/results'
import { secretHitsInBytes } from '../helpers/secret-scan'
import { createTestRouter, startTestServices, TRUSTED_SENDER, type TestServices } from '../helpers/services'
import { makeTempDir, removeTempDir } from '../helpers/temp-dir'
import { createHandClock, type HandClock } from './desk-harness'

/*
 * The recovery key through the real router, with access control on, as the
 * app runs it: set up on one computer (its own key store), copy the data
 * folder to a computer whose key store cannot open it, recover with the key.
 * scrypt runs at full strength here (about 0.3 s per key derivation).
 */

type Call = <T>(method: string, input: unknown) => Promise<ApiResult<T>>

interface Computer extends TestServices {
  readonly call: Call
  readonly dataDir: string
}

const started: TestServices[] = []
const dirs: string[] = []
afterEach(async () => {
  for (const item of started.splice(0)) await item.services.close()
  for (const dir of dirs.splice(0)) removeTempDir(dir)
})

async function startComputer(keyStore: KeyStoreAccess, clock: HandClock, dataDir?: string): Promise<Computer> {
  const dir = dataDir ?? makeTempDir()
  if (!dataDir) dirs.push(dir)
  const services = await startTestServices(dir, { now: clock.now, keyStore })
  started.push(services)
  const router = createTestRouter(services.services, { accessControl: true })
  const call: Call = <T>(method: string, input: unknown) => router(TRUSTED_SENDER, method, input) as Promise<ApiResult<T>>
  return { ...services, call, dataDir: dir }
}

async function stop(computer: Computer): Promise<void> {
  const index = started.indexOf(computer)
  if (index >= 0) started.splice(index, 1)
  await computer.services.close()
}

/** The data folder as a shop would carry it to a new computer (the app closed). */
function copyDataFolder(from: string): string {
  const to = makeTempDir()
  dirs.push(to)
  for (const file of fs.readdirSync(from)) {
    if (file.startsWith('radio-code-desk.sqlite')) fs.copyFileSync(path.join(from, file), path.join(to, file))
  }
  return to
}

const MANAGER_PIN = '2580'
const DESK_PIN = '7391'
const CODE = '24153'

/** First start with the key screen: vault, recovery key (printed, confirmed), manager, a desk member, a radio with its code. */
async function firstStartWithRecoveryKey(computer: Computer) {
  const { call } = computer
  valueOf(await call<SecurityStatus>('vault.setUp', { passphrase: null }))
  const { recoveryKey } = valueOf(await call<NewRecoveryKey>('vault.newRecoveryKey', { pin: null }))
  const printed = valueOf(await call<RecoverySheetOutcome>('vault.printRecoverySheet', {}))
  expect(printed.status).toBe('printed')
  const groups = recoveryKeyGroups(recoveryKey)
  expect(errorOf(await call('vault.confirmRecoveryKey', { lastGroup: groups[0] === groups[7] ? 'ZZZZ' : groups[0] })).code).toBe('VALIDATION')
  const confirmed = valueOf(await call<SecurityStatus>('vault.confirmRecoveryKey', { lastGroup: groups[7]!.toLowerCase() }))
  expect(confirmed).toMatchObject({ vault: 'unlocked', hasRecoveryKey: true, needsFirstManager: true })
  // Once stored, the first-start window cannot make another one without a manager.
  expect(errorOf(await call('vault.newRecoveryKey', { pin: null })).code).toBe('CONFLICT')

  const manager = valueOf(await call<SecurityStatus>('staff.createFirstManager', { name: 'Maria Manager', pin: MANAGER_PIN })).signedIn!
  const desk = valueOf(await call<StaffMember>('staff.add', { name: 'Dan Desk', role: 'desk', pin: DESK_PIN }))
  const owner = valueOf(await call<Customer>('customers.create', { name: 'Ana López' }))
  const vehicle = valueOf(await call<Vehicle>('vehicles.create', { ownerId: owner.id, year: 2005, make: 'Honda', model: 'Accord' }))
  const detail = valueOf(await call<VehicleDetail>('radios.add', { vehicleId: vehicle.id, serial: 'U1234567' }))
  const radioId = detail.radios[0]!.id
  const code = valueOf(await call<RadioCodeHistoryEntry>('codes.add', { radioId, code: CODE, source: 'owner-card' }))
  return { recoveryKey, manager, desk, radioId, codeId: code.id, sheet: computer.printer.requests[0]!.document }
}

function vaultKeyRows(computer: Computer) {
  return computer.services.requireDb().selectFrom('vault_keys').selectAll().orderBy('id').execute()
}

function auditActions(computer: Computer) {
  return computer.services
    .requireDb()
    .selectFrom('audit_log')
    .select(['action', 'details_json'])
    .where('action', 'like', 'vault.%')
    .orderBy('id')
    .execute()
}

/** Every place the key must never be: the database file and WAL, the log, audit rows, print jobs. */
async function keyLeaks(computer: Computer, recoveryKey: string): Promise<string[]> {
  const compact = recoveryKey.replace(/-/g, '')
  const file = dataPaths(computer.dataDir).dbFile
  const found: string[] = []
  for (const target of [file, `${file}-wal`]) {
    if (fs.existsSync(target)) found.push(...secretHitsInBytes(path.basename(target), fs.readFileSync(target), compact))
  }
  found.push(...secretHitsInBytes('log', Buffer.from(computer.log.lines.join('\n')), compact))
  const db = computer.services.requireDb()
  const audit = JSON.stringify(await db.selectFrom('audit_log').selectAll().execute())
  const printJobs = JSON.stringify(await db.selectFrom('print_jobs').selectAll().execute())
  found.push(...secretHitsInBytes('audit_log', Buffer.from(audit), compact), ...secretHitsInBytes('print_jobs', Buffer.from(printJobs), compact))
  for (const group of recoveryKeyGroups(recoveryKey).slice(0, 7)) {
    // Each group alone is only 20 bits; the rows must not hold the groups as text either.
    if (audit.includes(`"${group}"`) || printJobs.includes(group)) found.push(`group ${group} in rows`)
  }
  return found
}

describe('vault recovery key', () => {
  it('a database copied to another computer: unlock fails, the recovery key opens it, codes and PINs work, and the key is nowhere on disk', async () => {
    const clock = createHandClock()
    const first = await startComputer(fakeComputerKeyStore(), clock)
    const world = await firstStartWithRecoveryKey(first)
    expect(world.sheet.kind).toBe('recovery-sheet')
    expect(world.sheet.title).not.toContain(world.recoveryKey.slice(0, 4))
    for (const group of recoveryKeyGroups(world.recoveryKey)) expect(world.sheet.html).toContain(group)
    expect(await keyLeaks(first, world.recoveryKey)).toEqual([])
    const firstActions = (await auditActions(first)).map((row) => row.action)
    expect(firstActions).toEqual(['vault.initialize', 'vault.recovery-sheet.print', 'vault.recovery-key.create'])
    await stop(first)

    const copied = copyDataFolder(first.dataDir)
    const otherKeyStore = fakeComputerKeyStore()
    const other = await startComputer(otherKeyStore, clock, copied)
    const locked = valueOf(await other.call<SecurityStatus>('security.status', {}))
    expect(locked).toMatchObject({ vault: 'locked', protection: 'safe-storage', hasRecoveryKey: true })
    expect(locked.unlockProblem).toContain('could not unlock the vault key')
    expect(errorOf(await other.call('staff.list', {})).code).toBe('VAULT_LOCKED')
    const keysBefore = await vaultKeyRows(other)

    // A typo is refused by its check group: no key derivation, no audit row, nothing counted.
    const groups = recoveryKeyGroups(world.recoveryKey)
    const typo = [...groups.slice(0, 3), groups[3]!.replace(/^./, (c) => (c === 'X' ? 'Y' : 'X')), ...groups.slice(4)].join('-')
    const typoError = errorOf(await other.call('vault.recover', { recoveryKey: typo, newPassphrase: null }))
    expect(typoError.code).toBe('VALIDATION')
    expect(typoError.message).toContain('typing mistake')

    // A well-formed key of another vault: refused, audited, nothing changed.
    const strangerDir = makeTempDir()
    dirs.push(strangerDir)
    const stranger = await startComputer(fakeComputerKeyStore(), clock, strangerDir)
    valueOf(await stranger.call('vault.setUp', { passphrase: null }))
    const strangerKey = valueOf(await stranger.call<NewRecoveryKey>('vault.newRecoveryKey', { pin: null })).recoveryKey
    await stop(stranger)
    const wrong = errorOf(await other.call('vault.recover', { recoveryKey: strangerKey, newPassphrase: null }))
    expect(wrong.code).toBe('FORBIDDEN')
    expect(wrong.message).toContain('does not open this vault')
    expect(await vaultKeyRows(other)).toEqual(keysBefore)
    expect(valueOf(await other.call<SecurityStatus>('security.status', {})).vault).toBe('locked')

    // The right key, typed sloppily: re-protected by this computer's key store.
    const t0 = performance.now()
    const sloppy = world.recoveryKey.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o')
    const recovered = valueOf(await other.call<SecurityStatus>('vault.recover', { recoveryKey: sloppy, newPassphrase: null }))
    console.log(`recovery (check, scrypt N=2^17, unwrap, re-wrap, store): ${Math.round(performance.now() - t0)} ms`)
    expect(recovered).toMatchObject({ vault: 'unlocked', protection: 'safe-storage', hasRecoveryKey: true, unlockProblem: null, needsFirstManager: false })

    const rows = await vaultKeyRows(other)
    expect(rows.map((row) => [row.purpose, row.wrap_method, row.retired_at === null])).toEqual([
      ['data-key', 'safe-storage', false],
      ['pin-pepper', 'safe-storage', false],
      ['data-key', 'recovery-key', true],
      ['pin-pepper', 'recovery-key', true],
      ['data-key', 'safe-storage', true],
      ['pin-pepper', 'safe-storage', true],
    ])
    const actions = await auditActions(other)
    expect(actions.slice(firstActions.length).map((row) => [row.action, row.details_json])).toEqual([
      ['vault.unlock.failed', '{"wrapMethod":"safe-storage","reason":"unwrap-failed"}'],
      ['vault.recover.failed', '{"reason":"wrong-key"}'],
      ['vault.recover', '{"wrapMethod":"safe-storage","previousWrapMethod":"safe-storage"}'],
    ])

    // PINs still verify (the pepper came back) and the code decrypts.
    const signIn = valueOf(await other.call<SignInResult>('session.signIn', { staffId: world.desk.id, pin: DESK_PIN }))
    expect(signIn.ok).toBe(true)
    valueOf(await other.call('session.signOut', {}))
    expect(valueOf(await other.call<SignInResult>('session.signIn', { staffId: world.manager.id, pin: MANAGER_PIN })).ok).toBe(true)
    const revealed = valueOf(await other.call<RevealedCode>('codes.reveal', { codeId: world.codeId, pin: MANAGER_PIN }))
    expect(revealed.code).toBe(CODE)
    expect(await keyLeaks(other, world.recoveryKey)).toEqual([])

    // A restart on the new computer opens by itself.
    await stop(other)
    const again = await startComputer(otherKeyStore, clock, copied)
    expect(valueOf(await again.call<SecurityStatus>('security.status', {}))).toMatchObject({ vault: 'unlocked', hasRecoveryKey: true })
  })

  it('repeated wrong keys make the next try wait, counted across a restart; the wait passes with time', async () => {
    const clock = createHandClock()
    const first = await startComputer(fakeComputerKeyStore(), clock)
    const { recoveryKey } = await firstStartWithRecoveryKey(first)
    await stop(first)
    const copied = copyDataFolder(first.dataDir)
    const keyStore = fakeComputerKeyStore()
    let other = await startComputer(keyStore, clock, copied)
    const strangerDir = makeTempDir()
    dirs.push(strangerDir)
    const stranger = await startComputer(fakeComputerKeyStore(), clock, strangerDir)
    valueOf(await stranger.call('vault.setUp', { passphrase: null }))
    const wrongKey = valueOf(await stranger.call<NewRecoveryKey>('vault.newRecoveryKey', { pin: null })).recoveryKey
    await stop(stranger)

    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(errorOf(await other.call('vault.recover', { recoveryKey: wrongKey, newPassphrase: null })).message).toContain('does not open this vault')
      clock.advance(1_000)
    }
    // The fourth try, even with the right key, waits (5 s after the third failure); a restart does not reset it.
    await stop(other)
    other = await startComputer(keyStore, clock, copied)
    const waiting = errorOf(await other.call('vault.recover', { recoveryKey, newPassphrase: null }))
    expect(waiting.code).toBe('FORBIDDEN')
    expect(waiting.message).toMatch(/must wait 4 seconds/)
    expect(valueOf(await other.call<SecurityStatus>('security.status', {})).vault).toBe('locked')
    clock.advance(4_000)
    expect(valueOf(await other.call<SecurityStatus>('vault.recover', { recoveryKey, newPassphrase: null })).vault).toBe('unlocked')
  })

  it('a forgotten passphrase: the key and a new passphrase open it, and the new passphrase opens it after a restart', async () => {
    const clock = createHandClock()
    const keyStore = fakeComputerKeyStore()
    const first = await startComputer(keyStore, clock)
    valueOf(await first.call('vault.setUp', { passphrase: 'tulip garage window seven' }))
    const { recoveryKey } = valueOf(await first.call<NewRecoveryKey>('vault.newRecoveryKey', { pin: null }))
    valueOf(await first.call('vault.confirmRecoveryKey', { lastGroup: recoveryKeyGroups(recoveryKey)[7] }))
    await stop(first)
    const restarted = await startComputer(keyStore, clock, first.dataDir)
    expect(valueOf(await restarted.call<SecurityStatus>('security.status', {}))).toMatchObject({ vault: 'locked', protection: 'passphrase', unlockProblem: null })
    expect(errorOf(await restarted.call('vault.recover', { recoveryKey, newPassphrase: 'short' })).code).toBe('VALIDATION')
    const recovered = valueOf(await restarted.call<SecurityStatus>('vault.recover', { recoveryKey, newPassphrase: 'orange ladder quiet river' }))
    expect(recovered).toMatchObject({ vault: 'unlocked', protection: 'passphrase' })
    await stop(restarted)
    const third = await startComputer(keyStore, clock, first.dataDir)
    expect(errorOf(await third.call('vault.unlock', { passphrase: 'tulip garage window seven' })).code).toBe('FORBIDDEN')
    expect(valueOf(await third.call<SecurityStatus>('vault.unlock', { passphrase: 'orange ladder quiet river' })).vault).toBe('unlocked')
  })

  it('a manager makes a new key with their PIN (the old one is retired and opens nothing); others may not; an unconfirmed key is never stored', async () => {
    const clock = createHandClock()
    const first = await startComputer(fakeComputerKeyStore(), clock)
    const world = await firstStartWithRecoveryKey(first)
    const { call } = first
    // The manager is signed in after first start.
    expect(errorOf(await call('vault.newRecoveryKey', { pin: null })).code).toBe('VALIDATION')
    expect(errorOf(await call('vault.newRecoveryKey', { pin: '1111' })).code).toBe('FORBIDDEN')
    const pending = valueOf(await call<NewRecoveryKey>('vault.newRecoveryKey', { pin: MANAGER_PIN })).recoveryKey
    // Not confirmed: still the old key in the database.
    const beforeConfirm = (await vaultKeyRows(first)).filter((row) => row.wrap_method === 'recovery-key' && row.retired_at === null)
    expect(beforeConfirm).toHaveLength(2)
    // Someone else at the desk can neither confirm nor print it.
    valueOf(await call('session.signOut', {}))
    valueOf(await call('session.signIn', { staffId: world.desk.id, pin: DESK_PIN }))
    expect(errorOf(await call('vault.printRecoverySheet', {})).code).toBe('FORBIDDEN')
    expect(errorOf(await call('vault.confirmRecoveryKey', { lastGroup: recoveryKeyGroups(pending)[7] })).code).toBe('FORBIDDEN')
    expect(errorOf(await call('vault.newRecoveryKey', { pin: DESK_PIN })).code).toBe('FORBIDDEN')
    valueOf(await call('session.signOut', {}))
    expect(errorOf(await call('vault.newRecoveryKey', { pin: MANAGER_PIN })).code).toBe('SIGNED_OUT')
    valueOf(await call('session.signIn', { staffId: world.manager.id, pin: MANAGER_PIN }))
    valueOf(await call('vault.confirmRecoveryKey', { lastGroup: recoveryKeyGroups(pending)[7] }))
    expect(errorOf(await call('vault.confirmRecoveryKey', { lastGroup: recoveryKeyGroups(pending)[7] })).code).toBe('CONFLICT')

    const recoveryRows = (await vaultKeyRows(first)).filter((row) => row.wrap_method === 'recovery-key')
    expect(recoveryRows.map((row) => row.retired_at === null)).toEqual([false, false, true, true])
    const created = (await auditActions(first)).filter((row) => row.action === 'vault.recovery-key.create')
    expect(created.map((row) => row.details_json)).toEqual(['{"replaced":false}', '{"replaced":true}'])
    expect(await keyLeaks(first, world.recoveryKey)).toEqual([])
    expect(await keyLeaks(first, pending)).toEqual([])

    await stop(first)
    const copied = copyDataFolder(first.dataDir)
    const other = await startComputer(fakeComputerKeyStore(), clock, copied)
    expect(errorOf(await other.call('vault.recover', { recoveryKey: world.recoveryKey, newPassphrase: null })).code).toBe('FORBIDDEN')
    expect(valueOf(await other.call<SecurityStatus>('vault.recover', { recoveryKey: pending, newPassphrase: null })).vault).toBe('unlocked')
  })
})
