import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { inspectMigrationStateSync } from '../../../electron/db/migrate'
import { MIGRATION_NAMES } from '../../../electron/db/migrations'
import { FUTURE_MIGRATION, openTestDatabase } from '../../helpers/db'
import { fingerprint } from '../../helpers/files'
import { useTempDirs } from '../../helpers/temp-dir'

const tempDirs = useTempDirs()

function writeRawDatabase(file: string, statements: readonly string[]): void {
  const sqlite = new BetterSqlite3(file)
  try {
    for (const statement of statements) sqlite.exec(statement)
  } finally {
    sqlite.close()
  }
}

const KYSELY_MIGRATION_TABLE = 'create table kysely_migration (name varchar(255) not null primary key, timestamp varchar(255) not null)'

describe('inspectMigrationStateSync', () => {
  it('reports a fully migrated file as all applied, nothing pending or unknown', async () => {
    const dir = tempDirs.make()
    const opened = await openTestDatabase(dir)
    await opened.close()
    expect(inspectMigrationStateSync(opened.file)).toEqual({ applied: [...MIGRATION_NAMES], unknown: [], pending: [] })
  })

  it('reports every migration pending for a SQLite file without kysely_migration', () => {
    const file = path.join(tempDirs.make(), 'other.sqlite')
    writeRawDatabase(file, ['create table notes (id integer primary key)'])
    expect(inspectMigrationStateSync(file)).toEqual({ applied: [], unknown: [], pending: [...MIGRATION_NAMES] })
  })

  it('separates known applied migrations from ones this build does not know', () => {
    const file = path.join(tempDirs.make(), 'newer.sqlite')
    const known = MIGRATION_NAMES[0]!
    writeRawDatabase(file, [
      KYSELY_MIGRATION_TABLE,
      `insert into kysely_migration values ('${known}', 'x'), ('${FUTURE_MIGRATION}', 'y')`,
    ])
    const state = inspectMigrationStateSync(file)
    expect(state.applied).toEqual([known])
    expect(state.unknown).toEqual([FUTURE_MIGRATION])
    expect(state.pending).toEqual(MIGRATION_NAMES.slice(1))
  })

  it('lists known migrations missing from the table as pending even when unknown ones exist', () => {
    const file = path.join(tempDirs.make(), 'odd.sqlite')
    writeRawDatabase(file, [KYSELY_MIGRATION_TABLE, `insert into kysely_migration values ('${FUTURE_MIGRATION}', 'y')`])
    expect(inspectMigrationStateSync(file)).toEqual({
      applied: [],
      unknown: [FUTURE_MIGRATION],
      pending: [...MIGRATION_NAMES],
    })
  })

  it('does not write to the file it inspects', () => {
    const file = path.join(tempDirs.make(), 'newer.sqlite')
    writeRawDatabase(file, [KYSELY_MIGRATION_TABLE, `insert into kysely_migration values ('${FUTURE_MIGRATION}', 'y')`])
    const before = fingerprint(file)
    inspectMigrationStateSync(file)
    expect(fingerprint(file)).toEqual(before)
  })

  it('throws for a missing file and does not create it', () => {
    const file = path.join(tempDirs.make(), 'missing.sqlite')
    expect(() => inspectMigrationStateSync(file)).toThrow()
    expect(fs.existsSync(file)).toBe(false)
  })

  it('throws for a file that is not a SQLite database', () => {
    const file = path.join(tempDirs.make(), 'garbage.sqlite')
    fs.writeFileSync(file, randomBytes(4096))
    expect(() => inspectMigrationStateSync(file)).toThrow(/not a database/i)
  })
})
