import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ApiResult } from '../../shared/api/errors'
import type { AppStatus } from '../../shared/domain/app-status'
import type {
  BackupFileInfo,
  BackupListEntry,
  BackupOverview,
  BackupSettings,
  RestoreReport,
  SecondFolderChoice,
} from '../../shared/domain/backup'
import type { Customer, CustomerSummary } from '../../shared/domain/customer'
import type { ApiEventName } from '../../shared/api/methods'
import type { FolderChooser } from '../../electron/main/folder-chooser'
import { dataPaths } from '../../electron/main/paths'
import { createTestRouter, TRUSTED_SENDER } from '../helpers/services'
import { useTempDirs } from '../helpers/temp-dir'
import { digestTables } from '../unit/backup/tables'
import { addStaff, DESK_PIN, errorOf, firstStart, MANAGER_PIN, signIn, useDesks, valueOf, type Call, type Desk } from './desk-harness'

/*
 * The backups.* contract methods through the real router, with the desk's
 * access control on (as in the app): who may call what, which files a
 * restore accepts, and that every refusal leaves the database as it was.
 */

const desks = useDesks()
const tempDirs = useTempDirs('rcd-backup-router-')

/** A router with access control on, as the app and the browser preview use. */
function guardedCall(desk: Desk): Call {
  const router = createTestRouter(desk.services, { accessControl: true })
  return <T>(method: string, input: unknown) => router(TRUSTED_SENDER, method, input) as Promise<ApiResult<T>>
}

function recordEvents(desk: Desk): { event: ApiEventName; payload: unknown }[] {
  const seen: { event: ApiEventName; payload: unknown }[] = []
  desk.services.events.subscribe((event, payload) => seen.push({ event, payload }))
  return seen
}

async function auditRows(desk: Desk, action: string) {
  return desk.services.requireDb().selectFrom('audit_log').selectAll().where('action', '=', action).execute()
}

async function customerNames(call: Call): Promise<string[]> {
  return valueOf(await call<CustomerSummary[]>('customers.list', {}))
    .map((c) => c.name)
    .sort()
}

/** A shop with a manager (signed in), a desk clerk, a customer with a vehicle and radio. */
async function shop() {
  const desk = await desks.start()
  const world = await firstStart(desk.call)
  const clerk = await addStaff(desk.call, 'Dana Desk', 'desk', DESK_PIN)
  return { desk, world, clerk, call: guardedCall(desk) }
}

/** Corrupts the live database file in place (every 97th byte), as a failing disk would. */
function corrupt(file: string): Buffer {
  const bytes = fs.readFileSync(file)
  for (let at = 0; at < bytes.length; at += 97) bytes[at] = (bytes[at]! + 13) & 0xff
  fs.writeFileSync(file, bytes)
  return bytes
}

describe('backups.status, backups.list and backups.backUpNow', () => {
  it('warns when there is no backup; "Back up now" writes a checked backup, audited under the person at the desk, and lists what it holds', async () => {
    const { desk, world, clerk, call } = await shop()
    const events = recordEvents(desk)

    const before = valueOf(await call<BackupOverview>('backups.status', {}))
    expect(before).toMatchObject({ lastGood: null, warning: 'There is no backup of this database yet.', canChooseFolder: false })

    // Anyone signed in may take one: the clerk does.
    await signIn(call, clerk.id, DESK_PIN)
    const info = valueOf(await call<BackupFileInfo>('backups.backUpNow', {}))
    expect(info).toMatchObject({ kind: 'manual', location: 'data-folder' })
    expect(path.dirname(info.file)).toBe(dataPaths(desk.dataDir).backupsDir)
    expect(events).toContainEqual({ event: 'data.changed', payload: { entity: 'backups', id: null } })

    const audit = await auditRows(desk, 'backup.manual')
    expect(audit).toHaveLength(1)
    expect(audit[0]!.staff_id).toBe(clerk.id)
    expect(JSON.parse(audit[0]!.details_json)).toMatchObject({ file: info.fileName })

    const after = valueOf(await call<BackupOverview>('backups.status', {}))
    expect(after).toMatchObject({ lastGood: info, warning: null, backupRunning: false })

    const list = valueOf(await call<BackupListEntry[]>('backups.list', {}))
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({
      fileName: info.fileName,
      takenAt: info.takenAt,
      check: { ok: true, contents: { customers: 1, vehicles: 1, radioCodes: 0 } },
    })
    if (!list[0]!.check.ok) throw new Error('unreachable')
    expect(list[0]!.check.contents.schemaVersion).not.toBe('')
    expect(world.manager.role).toBe('manager')
  })

  it('is refused while nobody is signed in', async () => {
    const { call } = await shop()
    valueOf(await call('session.signOut', {}))
    for (const method of ['backups.status', 'backups.list', 'backups.backUpNow']) {
      expect(errorOf(await call(method, {})).code).toBe('SIGNED_OUT')
    }
  })
})

describe('backups.setSecondFolder and backups.chooseSecondFolder', () => {
  it('a manager types the folder; backups are then copied there and listed from both places; null turns it off', async () => {
    const { desk, world, call } = await shop()
    const usb = path.join(tempDirs.make(), 'USB drive', 'Shop backups')
    const set = valueOf(await call<BackupSettings>('backups.setSecondFolder', { folder: usb }))
    expect(set).toEqual({ secondFolder: usb })
    expect((await auditRows(desk, 'backup.second-folder.set'))[0]!.staff_id).toBe(world.manager.id)

    const info = valueOf(await call<BackupFileInfo>('backups.backUpNow', {}))
    const list = valueOf(await call<BackupListEntry[]>('backups.list', {}))
    expect(list.map((b) => [b.location, b.fileName]).sort()).toEqual([
      ['data-folder', info.fileName],
      ['second-folder', info.fileName],
    ])
    expect(list.every((b) => b.check.ok)).toBe(true)
    expect(valueOf(await call<BackupOverview>('backups.status', {})).lastGoodInSecondFolder).toMatchObject({ fileName: info.fileName })

    expect(valueOf(await call<BackupSettings>('backups.setSecondFolder', { folder: null }))).toEqual({ secondFolder: null })
    expect(valueOf(await call<BackupListEntry[]>('backups.list', {})).map((b) => b.location)).toEqual(['data-folder'])
  })

  it('refuses a clerk, a relative path, a folder inside the data folder and a path with a NUL byte; nothing is saved', async () => {
    const { desk, clerk, call } = await shop()
    const usb = path.join(tempDirs.make(), 'usb')
    expect(errorOf(await call('backups.setSecondFolder', { folder: 'backups/elsewhere' })).code).toBe('VALIDATION')
    expect(errorOf(await call('backups.setSecondFolder', { folder: path.join(desk.dataDir, 'copies') })).code).toBe('VALIDATION')
    expect(errorOf(await call('backups.setSecondFolder', { folder: `${usb}\0evil` })).code).toBe('VALIDATION')
    expect(errorOf(await call('backups.setSecondFolder', { folder: usb, extra: 1 })).code).toBe('VALIDATION')
    await signIn(call, clerk.id, DESK_PIN)
    expect(errorOf(await call('backups.setSecondFolder', { folder: usb })).code).toBe('FORBIDDEN')
    expect(errorOf(await call('backups.chooseSecondFolder', {})).code).toBe('FORBIDDEN')
    expect(await desk.services.backups.settings()).toEqual({ secondFolder: null })
    expect(fs.existsSync(usb)).toBe(false)
    expect(await auditRows(desk, 'backup.second-folder.set')).toHaveLength(0)
  })

  it('the folder dialog (Electron) picks the folder; cancelling changes nothing; without a dialog the call says to type the path', async () => {
    const { desk, clerk, call } = await shop()
    expect(errorOf(await call('backups.chooseSecondFolder', {})).code).toBe('CONFLICT')

    const answers: (string | null)[] = [null, path.join(tempDirs.make(), 'picked')]
    const asked: { title: string; defaultPath: string | null }[] = []
    const chooser: FolderChooser = {
      async chooseFolder(options) {
        asked.push(options)
        return answers.shift() ?? null
      },
    }
    // The app passes its dialog in at start-up; here it is put on the running services.
    Object.assign(desk.services, { folderChooser: chooser })
    expect(valueOf(await call<BackupOverview>('backups.status', {})).canChooseFolder).toBe(true)

    expect(valueOf(await call<SecondFolderChoice>('backups.chooseSecondFolder', {}))).toEqual({ chosen: false, settings: { secondFolder: null } })
    const picked = valueOf(await call<SecondFolderChoice>('backups.chooseSecondFolder', {}))
    expect(picked).toMatchObject({ chosen: true, settings: { secondFolder: expect.stringMatching(/picked$/) } })
    expect(asked).toHaveLength(2)
    expect(asked[0]!.defaultPath).toBeNull()

    // A clerk never gets the dialog.
    await signIn(call, clerk.id, DESK_PIN)
    expect(errorOf(await call('backups.chooseSecondFolder', {})).code).toBe('FORBIDDEN')
    expect(asked).toHaveLength(2)
  })
})

describe('backups.restore (manager, in the running app)', () => {
  it('restores a listed backup: the current data is backed up first, the app reopens on the restored data, screens are told to reload', async () => {
    const { desk, world, call } = await shop()
    const backup = valueOf(await call<BackupFileInfo>('backups.backUpNow', {}))
    desk.clock.advance(60_000)
    valueOf(await call<Customer>('customers.create', { name: 'Zed After-Backup' }))
    expect(await customerNames(call)).toEqual(['Ana López', 'Zed After-Backup'])
    const events = recordEvents(desk)

    const started = performance.now()
    const report = valueOf(await call<RestoreReport>('backups.restore', { file: backup.file }))
    console.log(`backups.restore through the router: ${(performance.now() - started).toFixed(0)} ms`)
    expect(report).toMatchObject({ restoredFrom: backup.file, migrated: false, contents: { customers: 1 } })
    expect(path.basename(report.safetyBackup!)).toMatch(/^pre-restore_/)
    expect(desk.services.backups.inspect(report.safetyBackup!)).toMatchObject({ ok: true, contents: { customers: 2 } })
    expect(events).toContainEqual({ event: 'data.changed', payload: { entity: 'database', id: null } })
    expect(events).toContainEqual({ event: 'session.changed', payload: { staffId: null } })

    // Everyone was signed out; signed in again, the data is the backup's.
    expect(errorOf(await call('customers.list', {})).code).toBe('SIGNED_OUT')
    await signIn(call, world.manager.id, MANAGER_PIN)
    expect(await customerNames(call)).toEqual(['Ana López'])
    const audit = await auditRows(desk, 'backup.restore')
    expect(audit).toHaveLength(1)
    expect(audit[0]!.staff_id).toBe(world.manager.id)
    expect(JSON.parse(audit[0]!.details_json)).toMatchObject({ from: backup.fileName, atStartUp: false })
    // The pre-restore backup is listed, so the restore can be undone the same way.
    expect(valueOf(await call<BackupListEntry[]>('backups.list', {})).map((b) => b.kind)).toContain('pre-restore')
  })

  it('refuses a clerk, a file outside the backup folders, a link planted in the folder, the live database and a garbage file; nothing changes', async () => {
    const { desk, world, clerk, call } = await shop()
    const backup = valueOf(await call<BackupFileInfo>('backups.backUpNow', {}))
    valueOf(await call<Customer>('customers.create', { name: 'Zed After-Backup' }))
    const paths = dataPaths(desk.dataDir)

    // A good database, but somewhere else (a crafted file in Downloads, say).
    const outside = path.join(tempDirs.make(), 'manual_2026-11-24T09-00-00-000Z.sqlite')
    fs.copyFileSync(backup.file, outside)
    const planted = path.join(paths.backupsDir, 'manual_2026-11-25T09-00-00-000Z.sqlite')
    fs.symlinkSync(outside, planted)
    const garbage = path.join(paths.backupsDir, 'manual_2026-11-26T09-00-00-000Z.sqlite')
    fs.writeFileSync(garbage, 'not a database at all '.repeat(500))

    const auditBefore = (await desk.services.requireDb().selectFrom('audit_log').select('id').execute()).length
    const digestBefore = digestTables(paths.dbFile, { auditUpTo: auditBefore })
    const backupsBefore = fs.readdirSync(paths.backupsDir).sort()

    const refusals: [string, string, unknown][] = [
      ['outside the backup folders', 'VALIDATION', { file: outside }],
      ['a link planted in the backups folder', 'VALIDATION', { file: planted }],
      ['the live database', 'VALIDATION', { file: paths.dbFile }],
      ['the live database through ..', 'VALIDATION', { file: path.join(paths.backupsDir, '..', path.basename(paths.dbFile)) }],
      ['a garbage file named like a backup', 'VALIDATION', { file: garbage }],
      ['a relative name', 'VALIDATION', { file: backup.fileName }],
      ['no file', 'VALIDATION', {}],
      ['a number', 'VALIDATION', { file: 42 }],
      ['an extra key', 'VALIDATION', { file: backup.file, force: true }],
    ]
    for (const [label, code, input] of refusals) {
      const error = errorOf(await call('backups.restore', input))
      expect(error.code, label).toBe(code)
      expect(error.message, label).not.toMatch(/^Something went wrong/)
    }
    // The garbage file was checked and refused (audited as such); the others never reached the restore.
    const refused = await auditRows(desk, 'backup.restore.refused')
    expect(refused.map((r) => JSON.parse(r.details_json) as { reason: string })).toEqual([
      { from: path.basename(garbage), reason: 'NOT_SQLITE' },
    ])

    await signIn(call, clerk.id, DESK_PIN)
    expect(errorOf(await call('backups.restore', { file: backup.file })).code).toBe('FORBIDDEN')

    expect(digestTables(paths.dbFile, { auditUpTo: auditBefore })).toEqual(digestBefore)
    expect(fs.readdirSync(paths.backupsDir).sort()).toEqual(backupsBefore)
    expect(desk.services.actorId()).toBe(clerk.id)
    expect(await customerNames(call)).toEqual(['Ana López', 'Zed After-Backup'])
    expect(world.manager.id).not.toBe(clerk.id)
  })
})

describe('backups.restoreAtStart (start screen, nobody signed in)', () => {
  it('is refused while the database is fine, even for a good listed backup and even for a signed-in manager', async () => {
    const { desk, world, call } = await shop()
    const backup = valueOf(await call<BackupFileInfo>('backups.backUpNow', {}))
    valueOf(await call<Customer>('customers.create', { name: 'Zed After-Backup' }))
    expect(errorOf(await call('backups.restoreAtStart', { file: backup.file })).code).toBe('FORBIDDEN')
    valueOf(await call('session.signOut', {}))
    const error = errorOf(await call('backups.restoreAtStart', { file: backup.file }))
    expect(error.code).toBe('FORBIDDEN')
    expect(error.message).toContain('Settings → Backups')
    await signIn(call, world.manager.id, MANAGER_PIN)
    expect(await customerNames(call)).toEqual(['Ana López', 'Zed After-Backup'])
    expect(await auditRows(desk, 'backup.restore')).toHaveLength(0)
  })

  it('with an unreadable database: only the offered backup is restored; any other file is refused; once restored it cannot run again', async () => {
    const { desk, world, call: firstCall } = await shop()
    const older = valueOf(await firstCall<BackupFileInfo>('backups.backUpNow', {}))
    desk.clock.advance(60_000)
    valueOf(await firstCall<Customer>('customers.create', { name: 'Bea Before-Damage' }))
    const newest = valueOf(await firstCall<BackupFileInfo>('backups.backUpNow', {}))
    await desks.stop(desk)
    const paths = dataPaths(desk.dataDir)
    // Closing took no exit backup (nothing changed since the last one), so the newest is still `newest`.
    const corruptBytes = corrupt(paths.dbFile)
    const outside = path.join(tempDirs.make(), 'manual_2026-11-24T09-00-00-000Z.sqlite')
    fs.copyFileSync(older.file, outside)

    const again = await desks.start({ dataDir: desk.dataDir })
    const call = guardedCall(again)
    const status = valueOf(await call<AppStatus>('app.status', {}))
    expect(status).toMatchObject({ state: 'database-error', problem: 'DB_UNREADABLE', restorableBackup: { file: newest.file } })
    // Nothing else works without the database.
    expect(errorOf(await call('backups.list', {})).code).toBe('DB_UNAVAILABLE')
    expect(errorOf(await call('backups.restore', { file: newest.file })).code).toBe('DB_UNAVAILABLE')

    for (const [label, file] of [
      ['an older listed backup (not the one offered)', older.file],
      ['a good database outside the backup folders', outside],
      ['the damaged file itself', paths.dbFile],
    ] as const) {
      expect(errorOf(await call('backups.restoreAtStart', { file })).code, label).toBe('VALIDATION')
    }
    expect(fs.readFileSync(paths.dbFile).equals(corruptBytes)).toBe(true)
    expect(again.services.status.state).toBe('database-error')

    const events = recordEvents(again)
    const report = valueOf(await call<RestoreReport>('backups.restoreAtStart', { file: newest.file }))
    expect(report).toMatchObject({ restoredFrom: newest.file, safetyBackup: null, contents: { customers: 2 } })
    expect(fs.readFileSync(path.join(report.damagedFilesKeptIn!, path.basename(paths.dbFile))).equals(corruptBytes)).toBe(true)
    expect(valueOf(await call<AppStatus>('app.status', {}))).toMatchObject({ state: 'ready' })
    expect(events).toContainEqual({ event: 'data.changed', payload: { entity: 'database', id: null } })

    // Now the database is fine: the public call is closed again.
    expect(errorOf(await call('backups.restoreAtStart', { file: newest.file })).code).toBe('FORBIDDEN')
    // The restored shop works after signing in; the restore is audited as a start-up restore by nobody.
    await signIn(call, world.manager.id, MANAGER_PIN)
    expect(await customerNames(call)).toEqual(['Ana López', 'Bea Before-Damage'])
    const audit = await auditRows(again, 'backup.restore')
    expect(audit).toHaveLength(1)
    expect(audit[0]!.staff_id).toBeNull()
    expect(JSON.parse(audit[0]!.details_json)).toMatchObject({ from: newest.fileName, atStartUp: true, requestedByStaffId: null })
  })

  it('refuses the offered backup when it was swapped for garbage after start; the damaged database stays as it was', async () => {
    const { desk, call: firstCall } = await shop()
    const backup = valueOf(await firstCall<BackupFileInfo>('backups.backUpNow', {}))
    await desks.stop(desk)
    const paths = dataPaths(desk.dataDir)
    const corruptBytes = corrupt(paths.dbFile)

    const again = await desks.start({ dataDir: desk.dataDir })
    const call = guardedCall(again)
    expect(again.services.status).toMatchObject({ state: 'database-error', restorableBackup: { file: backup.file } })
    fs.writeFileSync(backup.file, 'garbage '.repeat(4096))

    const error = errorOf(await call('backups.restoreAtStart', { file: backup.file }))
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toContain('Nothing was changed.')
    expect(fs.readFileSync(paths.dbFile).equals(corruptBytes)).toBe(true)
    expect(fs.readdirSync(paths.backupsDir).filter((name) => name.startsWith('damaged_'))).toEqual([])
    expect(again.services.status.state).toBe('database-error')
  })

  it('two restores at once: the first runs, the second is refused when its turn comes', async () => {
    const { desk, call: firstCall } = await shop()
    const backup = valueOf(await firstCall<BackupFileInfo>('backups.backUpNow', {}))
    await desks.stop(desk)
    corrupt(dataPaths(desk.dataDir).dbFile)
    const again = await desks.start({ dataDir: desk.dataDir })
    const call = guardedCall(again)
    const [a, b] = await Promise.all([
      call<RestoreReport>('backups.restoreAtStart', { file: backup.file }),
      call<RestoreReport>('backups.restoreAtStart', { file: backup.file }),
    ])
    expect([a.ok, b.ok]).toEqual([true, false])
    expect(errorOf(b).code).toBe('FORBIDDEN')
    expect(fs.readdirSync(dataPaths(desk.dataDir).backupsDir).filter((name) => name.startsWith('damaged_'))).toHaveLength(1)
  })
})
