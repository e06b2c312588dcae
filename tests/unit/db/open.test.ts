import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { DatabaseOpenError, openDatabase } from '../../../electron/db/open'
import { LATEST_MIGRATION, MIGRATION_NAMES } from '../../../electron/db/migrations'
import { FUTURE_MIGRATION, openTestDatabase, writeDatabaseFromNewerVersion } from '../../helpers/db'
import { fingerprint } from '../../helpers/files'
import { useTempDirs } from '../../helpers/temp-dir'

const tempDirs = useTempDirs()

async function openError(options: Parameters<typeof openDatabase>[0]): Promise<DatabaseOpenError> {
  const error: unknown = await openDatabase(options).then(
    async (opened) => {
      await opened.close()
      return null
    },
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DatabaseOpenError)
  return error as DatabaseOpenError
}

describe('openDatabase on a new file', () => {
  it('sets WAL, foreign keys, synchronous=FULL and a busy timeout', async () => {
    const opened = await openTestDatabase(tempDirs.make())
    try {
      expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(opened.sqlite.pragma('synchronous', { simple: true })).toBe(2)
      expect(opened.sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0)
    } finally {
      await opened.close()
    }
  })

  it('applies every migration, reports the latest as schemaVersion and takes no backup', async () => {
    const dir = tempDirs.make()
    const opened = await openTestDatabase(dir)
    try {
      const names = opened.sqlite.prepare('select name from kysely_migration order by name').pluck().all()
      expect(names).toEqual([...MIGRATION_NAMES])
      expect(opened.schemaVersion).toBe(LATEST_MIGRATION)
      expect(opened.preMigrationBackup).toBeNull()
      expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false)
    } finally {
      await opened.close()
    }
  })

  it('creates missing parent folders of the database file', async () => {
    const dir = tempDirs.make()
    const file = path.join(dir, 'a', 'b', 'shop.sqlite')
    const opened = await openDatabase({ file, backupDir: path.join(dir, 'backups') })
    await opened.close()
    expect(fs.statSync(file).size).toBeGreaterThan(0)
  })
})

describe('openDatabase on an existing file', () => {
  it('reopens an up-to-date file without a backup and keeps its rows', async () => {
    const dir = tempDirs.make()
    const first = await openTestDatabase(dir)
    first.sqlite
      .prepare("insert into shop_settings (key, value_json, updated_at) values ('shop', '{}', '2026-01-01T00:00:00.000Z')")
      .run()
    await first.close()

    const again = await openTestDatabase(dir)
    try {
      expect(again.preMigrationBackup).toBeNull()
      expect(again.schemaVersion).toBe(LATEST_MIGRATION)
      expect(again.sqlite.prepare('select count(*) from shop_settings').pluck().get()).toBe(1)
      expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false)
    } finally {
      await again.close()
    }
  })

  it('refuses a file from a newer version with DB_FROM_NEWER_VERSION and leaves it untouched', async () => {
    const dir = tempDirs.make()
    const file = path.join(dir, 'shop.sqlite')
    await writeDatabaseFromNewerVersion(file)
    expect(fs.existsSync(`${file}-wal`)).toBe(false)
    const before = fingerprint(file)

    const error = await openError({ file, backupDir: path.join(dir, 'backups') })

    expect(error.problem).toBe('DB_FROM_NEWER_VERSION')
    expect(error.message).toContain(FUTURE_MIGRATION)
    expect(fingerprint(file)).toEqual(before)
    // A read-only look may leave an empty -wal behind, but never frames in it.
    if (fs.existsSync(`${file}-wal`)) expect(fs.statSync(`${file}-wal`).size).toBe(0)
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false)
  })

  it('sees a newer-version marker that is still only in the -wal, and changes neither file', async () => {
    const source = tempDirs.make()
    const sourceFile = path.join(source, 'shop.sqlite')
    const opened = await openDatabase({ file: sourceFile, backupDir: path.join(source, 'backups') })
    opened.sqlite.pragma('wal_autocheckpoint = 0')
    opened.sqlite.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run(FUTURE_MIGRATION, 'x')
    // Copy the files as a crashed newer build would leave them: the commit lives in the -wal only.
    const dir = tempDirs.make()
    const file = path.join(dir, 'shop.sqlite')
    fs.copyFileSync(sourceFile, file)
    fs.copyFileSync(`${sourceFile}-wal`, `${file}-wal`)
    await opened.close()
    const before = { main: fingerprint(file), wal: fingerprint(`${file}-wal`) }
    expect(before.wal.size).toBeGreaterThan(0)

    const error = await openError({ file, backupDir: path.join(dir, 'backups') })

    expect(error.problem).toBe('DB_FROM_NEWER_VERSION')
    expect({ main: fingerprint(file), wal: fingerprint(`${file}-wal`) }).toEqual(before)
  })

  it('refuses a file of random bytes with DB_UNREADABLE and leaves it untouched', async () => {
    const dir = tempDirs.make()
    const file = path.join(dir, 'shop.sqlite')
    fs.writeFileSync(file, randomBytes(8192))
    const before = fingerprint(file)

    const error = await openError({ file, backupDir: path.join(dir, 'backups') })

    expect(error.problem).toBe('DB_UNREADABLE')
    expect(error.message).toContain('has not been changed')
    expect(fingerprint(file)).toEqual(before)
    expect(fs.readdirSync(dir)).toEqual(['shop.sqlite'])
  })

  it('reports DATA_FOLDER_UNAVAILABLE when the folder cannot be created', async () => {
    const dir = tempDirs.make()
    const blocker = path.join(dir, 'not-a-folder')
    fs.writeFileSync(blocker, 'a file where the data folder should be')

    const error = await openError({ file: path.join(blocker, 'shop.sqlite'), backupDir: path.join(dir, 'backups') })

    expect(error.problem).toBe('DATA_FOLDER_UNAVAILABLE')
    expect(fs.readFileSync(blocker, 'utf8')).toBe('a file where the data folder should be')
  })

  it('treats an empty (0-byte) file as new and migrates it', async () => {
    const dir = tempDirs.make()
    const file = path.join(dir, 'shop.sqlite')
    fs.writeFileSync(file, '')
    const opened = await openDatabase({ file, backupDir: path.join(dir, 'backups') })
    try {
      expect(opened.schemaVersion).toBe(LATEST_MIGRATION)
      expect(opened.preMigrationBackup).toBeNull()
    } finally {
      await opened.close()
    }
  })

  it('close() closes the connection and checkpoints the -wal away', async () => {
    const opened = await openTestDatabase(tempDirs.make())
    opened.sqlite.prepare("insert into shop_settings (key, value_json, updated_at) values ('k', '1', 'now')").run()
    await opened.close()
    expect(opened.sqlite.open).toBe(false)
    expect(fs.existsSync(`${opened.file}-wal`)).toBe(false)
    const reader = new BetterSqlite3(opened.file, { readonly: true })
    try {
      expect(reader.prepare('select value_json from shop_settings').pluck().get()).toBe('1')
    } finally {
      reader.close()
    }
  })
})
