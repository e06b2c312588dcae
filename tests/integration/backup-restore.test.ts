import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dataPaths } from '../../electron/main/paths'
import { BackupRefusedError } from '../../electron/main/services/backups'
import type { AppStatus } from '../../shared/domain/app-status'
import type { Customer } from '../../shared/domain/customer'
import type { RadioCodeHistoryEntry, RevealedCode } from '../../shared/domain/radio-code'
import { writeDatabaseFromNewerVersion } from '../helpers/db'
import { digestTables } from '../unit/backup/tables'
import { errorOf, firstStart, MANAGER_PIN, signIn, useDesks, valueOf, type Desk } from './desk-harness'

const desks = useDesks()

/** A shop with a manager, two customers, a vehicle, a radio and two codes (one superseded). */
async function seededDesk(): Promise<{ desk: Desk; managerId: number; codeId: number }> {
  const desk = await desks.start()
  const world = await firstStart(desk.call)
  valueOf(await desk.call('codes.add', { radioId: world.radioId, code: '11111', source: 'owner-card' }))
  const code = valueOf(await desk.call<RadioCodeHistoryEntry>('codes.add', { radioId: world.radioId, code: '12345', source: 'dealer' }))
  valueOf(await desk.call<Customer>('customers.create', { name: 'Bob Brown', phones: [{ label: 'mobile', number: '555-0101' }] }))
  return { desk, managerId: world.manager.id, codeId: code.id }
}

describe('restore round-trip (proof 3)', () => {
  it('brings back every row of every key table; the database as it was is kept as a pre-restore backup; codes still reveal', async () => {
    const { desk, managerId, codeId } = await seededDesk()
    const { services, call } = desk
    const backup = await services.backups.backupNow('manual')
    const before = digestTables(backup.file)
    const auditRowsAtBackup = before['audit_log']!.rows

    // Work done after the backup: the restore rolls it back, the safety backup keeps it.
    valueOf(await call<Customer>('customers.create', { name: 'Carla After-Backup' }))

    const started = performance.now()
    const report = await services.backups.restore(backup.file, { staffId: managerId })
    const ms = performance.now() - started

    const live = dataPaths(desk.dataDir).dbFile
    const after = digestTables(live, { auditUpTo: auditRowsAtBackup })
    expect(after).toEqual(before)
    for (const table of ['customers', 'vehicles', 'radio_codes', 'staff', 'vault_keys']) expect(after[table]!.rows).toBeGreaterThan(0)
    console.log(
      `restore round-trip: ${Object.entries(after)
        .map(([t, d]) => `${t} ${d.rows}`)
        .join(', ')}; checksums equal; ${ms.toFixed(0)} ms`,
    )

    expect(report).toMatchObject({
      restoredFrom: backup.file,
      damagedFilesKeptIn: null,
      migrated: false,
      contents: { customers: 2, vehicles: 1, radioCodes: 2 },
    })
    expect(report.safetyBackup).toMatch(/pre-restore_.*\.sqlite$/)
    expect(services.backups.inspect(report.safetyBackup!)).toMatchObject({ ok: true, contents: { customers: 3 } })
    expect(services.status).toMatchObject({ state: 'ready' })

    // The restore is audited in the restored database, after the restored rows.
    const restoreRow = await services
      .requireDb()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'backup.restore')
      .executeTakeFirstOrThrow()
    expect(restoreRow.id).toBeGreaterThan(auditRowsAtBackup)
    expect(restoreRow.staff_id).toBe(managerId)

    // Everyone is signed out; after signing in again the code decrypts with the restored vault.
    expect(services.actorId()).toBeNull()
    await signIn(call, managerId, MANAGER_PIN)
    const revealed = valueOf(await call<RevealedCode>('codes.reveal', { codeId, pin: MANAGER_PIN }))
    expect(revealed.code).toBe('12345')
    const names = (await services.requireDb().selectFrom('customers').select('name').execute()).map((r) => r.name)
    expect(names).not.toContain('Carla After-Backup')
    expect(fs.existsSync(`${live}.restoring`)).toBe(false)
  })

  it('lists backups with what each holds', async () => {
    const { desk } = await seededDesk()
    await desk.services.backups.backupNow('manual')
    desk.clock.advance(60_000)
    valueOf(await desk.call<Customer>('customers.create', { name: 'Dora' }))
    await desk.services.backups.backupNow('manual')
    const list = await desk.services.backups.list()
    expect(list).toHaveLength(2)
    expect(list[0]).toMatchObject({ kind: 'manual', location: 'data-folder', check: { ok: true, contents: { customers: 3 } } })
    expect(list[1]).toMatchObject({ check: { ok: true, contents: { customers: 2, radioCodes: 2 } } })
    expect(Date.parse(list[0]!.takenAt)).toBeGreaterThan(Date.parse(list[1]!.takenAt))
  })
})

describe('restore refuses hostile files and changes nothing', () => {
  it.each([
    ['garbage', 'NOT_SQLITE', (file: string) => fs.writeFileSync(file, 'not a database at all '.repeat(500))],
    ['truncated', 'DAMAGED', null],
    ['from a newer version', 'FROM_NEWER_VERSION', (file: string) => writeDatabaseFromNewerVersion(file)],
    [
      'not a Radio Code Desk database',
      'NOT_RADIO_CODE_DESK',
      async (file: string) => {
        const { default: BetterSqlite3 } = await import('better-sqlite3')
        const other = new BetterSqlite3(file)
        other.exec('create table invoices (id integer primary key)')
        other.close()
      },
    ],
  ] as const)('%s → %s', async (_label, reason, write) => {
    const { desk, managerId } = await seededDesk()
    const { services, call } = desk
    const file = path.join(desk.dataDir, 'hostile', 'candidate.sqlite')
    fs.mkdirSync(path.dirname(file), { recursive: true })
    if (write) await write(file)
    else {
      const good = await services.backups.backupNow('manual')
      fs.copyFileSync(good.file, file)
      fs.truncateSync(file, Math.floor(fs.statSync(file).size / 3))
    }
    const live = dataPaths(desk.dataDir).dbFile
    // A refused restore adds one audit row (backup.restore.refused) and changes nothing else.
    const auditRowsBefore = digestTables(live)['audit_log']!.rows
    const before = digestTables(live)
    const listBackups = () => (fs.existsSync(dataPaths(desk.dataDir).backupsDir) ? fs.readdirSync(dataPaths(desk.dataDir).backupsDir).sort() : [])
    const backupsBefore = listBackups()

    const error = await services.backups.restore(file, { staffId: managerId }).then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(BackupRefusedError)
    expect((error as BackupRefusedError).reason).toBe(reason)
    expect((error as Error).message).toContain('Nothing was changed.')

    expect(digestTables(live, { auditUpTo: auditRowsBefore })).toEqual(before)
    const refusal = await services.requireDb().selectFrom('audit_log').selectAll().where('id', '>', auditRowsBefore).execute()
    expect(refusal.map((row) => [row.action, row.staff_id, JSON.parse(row.details_json)])).toEqual([
      ['backup.restore.refused', managerId, { from: 'candidate.sqlite', reason }],
    ])
    expect(listBackups()).toEqual(backupsBefore)
    expect(fs.existsSync(`${live}.restoring`)).toBe(false)
    // Still open and signed in: the desk did not notice.
    expect(services.actorId()).toBe(managerId)
    expect(valueOf(await call<Customer[]>('customers.list', {})).length).toBeGreaterThan(0)
  })

  it('refuses the live database file itself', async () => {
    const { desk } = await seededDesk()
    const error = await desk.services.backups.restore(dataPaths(desk.dataDir).dbFile).then(
      () => null,
      (e: unknown) => e,
    )
    expect((error as BackupRefusedError).reason).toBe('SAME_FILE')
  })
})

describe('a corrupt database at start', () => {
  it('is reported with the newest good backup, never replaced by an empty one; restoring it brings the shop back', async () => {
    const { desk } = await seededDesk()
    const good = await desk.services.backups.backupNow('manual')
    const expected = digestTables(good.file)
    await desks.stop(desk)
    // A newer backup that is itself damaged must be skipped.
    const damagedNewer = path.join(dataPaths(desk.dataDir).backupsDir, 'manual_2099-01-01T00-00-00-000Z.sqlite')
    fs.writeFileSync(damagedNewer, 'SQLite format 3\0'.padEnd(8192, 'x'))

    const live = dataPaths(desk.dataDir).dbFile
    const bytes = fs.readFileSync(live)
    for (let at = 0; at < bytes.length; at += 97) bytes[at] = (bytes[at]! + 13) & 0xff
    fs.writeFileSync(live, bytes)
    const corruptBytes = fs.readFileSync(live)

    const again = await desks.start({ dataDir: desk.dataDir })
    const status = valueOf(await again.call<AppStatus>('app.status', {}))
    expect(status).toMatchObject({
      state: 'database-error',
      problem: 'DB_UNREADABLE',
      restorableBackup: { file: good.file, location: 'data-folder', contents: { customers: 2, radioCodes: 2 } },
    })
    expect(errorOf(await again.call('customers.list', {})).code).toBe('DB_UNAVAILABLE')
    expect(fs.readFileSync(live).equals(corruptBytes)).toBe(true)

    if (status.state !== 'database-error' || !status.restorableBackup) throw new Error('unreachable')
    const report = await again.services.backups.restore(status.restorableBackup.file)
    expect(report.safetyBackup).toBeNull()
    expect(report.damagedFilesKeptIn).not.toBeNull()
    expect(fs.readFileSync(path.join(report.damagedFilesKeptIn!, path.basename(live))).equals(corruptBytes)).toBe(true)
    expect(again.services.status).toMatchObject({ state: 'ready' })
    expect(digestTables(live, { auditUpTo: expected['audit_log']!.rows })).toEqual(expected)
    expect(valueOf(await again.call<Customer[]>('customers.list', {})).map((c) => c.name).sort()).toEqual(['Ana López', 'Bob Brown'])
  })

  it('a missing database file next to good backups is reported, not silently recreated empty', async () => {
    const { desk } = await seededDesk()
    await desk.services.backups.backupNow('manual')
    await desks.stop(desk)
    const live = dataPaths(desk.dataDir).dbFile
    fs.rmSync(live)
    const again = await desks.start({ dataDir: desk.dataDir })
    expect(again.services.status).toMatchObject({ state: 'database-error', problem: 'DB_UNREADABLE', restorableBackup: { location: 'data-folder' } })
    expect(fs.existsSync(live)).toBe(false)
  })

  it('reports restorableBackup null when there is no usable backup', async () => {
    const desk = await desks.start()
    await desks.stop(desk)
    fs.rmSync(dataPaths(desk.dataDir).backupsDir, { recursive: true, force: true })
    fs.writeFileSync(dataPaths(desk.dataDir).dbFile, 'garbage'.repeat(1000))
    const again = await desks.start({ dataDir: desk.dataDir })
    expect(again.services.status).toMatchObject({ state: 'database-error', problem: 'DB_UNREADABLE', restorableBackup: null })
  })
})
