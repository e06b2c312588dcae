import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import { describe, expect, it, vi } from 'vitest'
import { useTempDirs } from '../../helpers/temp-dir'

/*
 * The real build has one migration, so "an existing file with pending
 * migrations" cannot happen yet. This file swaps in the real migrations plus
 * one test migration, to exercise openDatabase's backup-before-migrating path.
 */
const second = vi.hoisted(() => ({ name: '2999-12-31T2359_test-only-second', fail: false }))

vi.mock('../../../electron/db/migrations', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../electron/db/migrations')>()
  const testMigration: Migration = {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      await sql`alter table customers add column test_only text`.execute(db)
      // Fails after a change was made: the transaction must take that change back too.
      if (second.fail) throw new Error('test migration failed on purpose')
    },
  }
  const MIGRATIONS = { ...real.MIGRATIONS, [second.name]: testMigration }
  const MIGRATION_NAMES = Object.keys(MIGRATIONS)
  return { MIGRATIONS, MIGRATION_NAMES, LATEST_MIGRATION: second.name }
})

const { openDatabase, DatabaseOpenError } = await import('../../../electron/db/open')
const { MIGRATION_NAMES } = await import('../../../electron/db/migrations')

const tempDirs = useTempDirs()
const FIRST = MIGRATION_NAMES[0]!
const NOW = new Date('2026-11-24T06:30:15.123Z')

async function existingFileAtFirstMigration(dir: string): Promise<string> {
  const file = path.join(dir, 'shop.sqlite')
  const opened = await openDatabase({ file, backupDir: path.join(dir, 'backups'), targetMigration: FIRST })
  expect(opened.schemaVersion).toBe(FIRST)
  expect(opened.preMigrationBackup).toBeNull()
  opened.sqlite
    .prepare("insert into customers (name, search_key, created_at, updated_at) values ('Ana Lopez', 'ANA LOPEZ', 'then', 'then')")
    .run()
  await opened.close()
  return file
}

function readCustomers(file: string): { names: string[]; columns: string[]; migrations: string[] } {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    return {
      names: sqlite.prepare('select name from customers').pluck().all() as string[],
      columns: (sqlite.prepare("select name from pragma_table_info('customers')").pluck().all() as string[]),
      migrations: sqlite.prepare('select name from kysely_migration order by name').pluck().all() as string[],
    }
  } finally {
    sqlite.close()
  }
}

describe('openDatabase with a pending migration on an existing file', () => {
  it('backs the file up with its rows before migrating, then migrates', async () => {
    const dir = tempDirs.make()
    const file = await existingFileAtFirstMigration(dir)

    const opened = await openDatabase({ file, backupDir: path.join(dir, 'backups'), now: () => NOW })
    try {
      expect(opened.schemaVersion).toBe(second.name)
      expect(opened.preMigrationBackup).toBe(
        path.join(dir, 'backups', `pre-migration_2026-11-24T06-30-15-123Z_from_${FIRST}.sqlite`),
      )
    } finally {
      await opened.close()
    }

    const backup = readCustomers(opened.preMigrationBackup!)
    expect(backup.names).toEqual(['Ana Lopez'])
    expect(backup.migrations).toEqual([FIRST])
    expect(backup.columns).not.toContain('test_only')
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([path.basename(opened.preMigrationBackup!)])

    const live = readCustomers(file)
    expect(live.names).toEqual(['Ana Lopez'])
    expect(live.columns).toContain('test_only')
  })

  it('takes no backup when targetMigration stops before the pending one', async () => {
    const dir = tempDirs.make()
    const file = await existingFileAtFirstMigration(dir)
    const opened = await openDatabase({ file, backupDir: path.join(dir, 'backups'), targetMigration: FIRST })
    try {
      expect(opened.preMigrationBackup).toBeNull()
      expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false)
    } finally {
      await opened.close()
    }
  })

  it('reports DB_MIGRATION_FAILED naming the backup when the migration throws, and keeps the rows', async () => {
    const dir = tempDirs.make()
    const file = await existingFileAtFirstMigration(dir)
    second.fail = true
    try {
      const error: unknown = await openDatabase({ file, backupDir: path.join(dir, 'backups'), now: () => NOW }).then(
        () => null,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(DatabaseOpenError)
      expect((error as InstanceType<typeof DatabaseOpenError>).problem).toBe('DB_MIGRATION_FAILED')
      const backups = fs.readdirSync(path.join(dir, 'backups'))
      expect(backups).toHaveLength(1)
      expect((error as Error).message).toContain(backups[0]!)
      expect(readCustomers(path.join(dir, 'backups', backups[0]!)).names).toEqual(['Ana Lopez'])
      expect(readCustomers(file)).toMatchObject({ names: ['Ana Lopez'], migrations: [FIRST] })
      // The failed migration's first change was rolled back with it: no half-migrated file.
      expect(readCustomers(file).columns).not.toContain('test_only')
    } finally {
      second.fail = false
    }
  })
})
