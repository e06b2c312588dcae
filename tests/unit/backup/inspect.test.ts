import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { backupDatabase } from '../../../electron/db/backup'
import { inspectBackupFileSync } from '../../../electron/db/backup-inspect'
import { LATEST_MIGRATION } from '../../../electron/db/migrations'
import { fingerprint } from '../../helpers/files'
import { openTestDatabase, writeDatabaseFromNewerVersion } from '../../helpers/db'
import { useTempDirs } from '../../helpers/temp-dir'

const tempDirs = useTempDirs()

async function goodBackup(dir: string): Promise<string> {
  const opened = await openTestDatabase(dir)
  try {
    opened.sqlite
      .prepare("insert into customers (name, search_key, created_at, updated_at) values ('Ana', 'ANA', 'now', 'now')")
      .run()
    opened.sqlite.prepare("insert into vehicles (make, created_at, updated_at) values ('Honda', 'now', 'now')").run()
    const file = path.join(dir, 'backups', 'manual_2026-11-24T06-30-15-123Z.sqlite')
    await backupDatabase(opened.sqlite, file)
    return file
  } finally {
    await opened.close()
  }
}

describe('inspectBackupFileSync', () => {
  it('reads counts and the schema version from a good backup, read-only', async () => {
    const dir = tempDirs.make()
    const file = await goodBackup(dir)
    const before = fingerprint(file)
    const check = inspectBackupFileSync(file, { thorough: true })
    expect(check).toEqual({
      ok: true,
      contents: {
        customers: 1,
        vehicles: 1,
        radioCodes: 0,
        batteryJobs: 0,
        auditRows: 0,
        schemaVersion: LATEST_MIGRATION,
        needsMigration: false,
      },
    })
    expect(fingerprint(file)).toEqual(before)
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)])
  })

  it('refuses a missing file', () => {
    expect(inspectBackupFileSync(path.join(tempDirs.make(), 'nope.sqlite'))).toMatchObject({ ok: false, reason: 'NOT_FOUND' })
  })

  it('refuses garbage and an empty file as not a database', () => {
    const dir = tempDirs.make()
    const garbage = path.join(dir, 'garbage.sqlite')
    fs.writeFileSync(garbage, Buffer.from('this is a spreadsheet, honest'.repeat(200)))
    const empty = path.join(dir, 'empty.sqlite')
    fs.writeFileSync(empty, '')
    expect(inspectBackupFileSync(garbage)).toMatchObject({ ok: false, reason: 'NOT_SQLITE' })
    expect(inspectBackupFileSync(empty)).toMatchObject({ ok: false, reason: 'NOT_SQLITE' })
  })

  it('refuses a truncated backup as damaged', async () => {
    const dir = tempDirs.make()
    const file = await goodBackup(dir)
    const size = fs.statSync(file).size
    fs.truncateSync(file, Math.floor(size / 2))
    const check = inspectBackupFileSync(file, { thorough: true })
    expect(check).toMatchObject({ ok: false, reason: 'DAMAGED' })
  })

  it('refuses a backup with flipped bytes in its pages as damaged', async () => {
    const dir = tempDirs.make()
    const file = await goodBackup(dir)
    const bytes = fs.readFileSync(file)
    // Leave the 100-byte header alone; scribble over the b-tree pages.
    for (let at = 4096 + 8; at < bytes.length; at += 512) bytes[at] = 0xff
    fs.writeFileSync(file, bytes)
    expect(inspectBackupFileSync(file, { thorough: true })).toMatchObject({ ok: false, reason: 'DAMAGED' })
  })

  it('refuses a SQLite file that is not a Radio Code Desk database', () => {
    const file = path.join(tempDirs.make(), 'other.sqlite')
    const other = new BetterSqlite3(file)
    other.exec('create table invoices (id integer primary key, total real)')
    other.close()
    const check = inspectBackupFileSync(file)
    expect(check).toMatchObject({ ok: false, reason: 'NOT_RADIO_CODE_DESK' })
    if (!check.ok) expect(check.message).toContain('not a Radio Code Desk database')
  })

  it('refuses a backup from a newer version', async () => {
    const file = path.join(tempDirs.make(), 'newer.sqlite')
    await writeDatabaseFromNewerVersion(file)
    const check = inspectBackupFileSync(file)
    expect(check).toMatchObject({ ok: false, reason: 'FROM_NEWER_VERSION' })
    if (!check.ok) expect(check.message).toContain('newer version')
  })
})
