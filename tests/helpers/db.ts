import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach } from 'vitest'
import { openDatabase, type OpenedDatabase } from '../../electron/db/open'
import { makeTempDir, removeTempDir } from './temp-dir'

/** A migration name no build of this app knows: marks a file as written by a newer version. */
export const FUTURE_MIGRATION = '2999-01-01T0000_from-a-newer-version'

/** Opens (creating and migrating) a database file in `dir`, as the app does. */
export function openTestDatabase(dir: string, fileName = 'test.sqlite'): Promise<OpenedDatabase> {
  return openDatabase({ file: path.join(dir, fileName), backupDir: path.join(dir, 'backups') })
}

/**
 * Call at the top of a test file: a fresh, fully migrated database file in its
 * own temp dir for every test, closed and removed afterwards.
 * Read `.current` inside tests (it changes per test).
 */
export function useTestDatabase(): { readonly current: OpenedDatabase } {
  let dir: string | null = null
  let opened: OpenedDatabase | null = null
  beforeEach(async () => {
    dir = makeTempDir()
    opened = await openTestDatabase(dir)
  })
  afterEach(async () => {
    await opened?.close()
    if (dir) removeTempDir(dir)
    opened = null
    dir = null
  })
  return {
    get current() {
      if (!opened) throw new Error('useTestDatabase: only available inside a test')
      return opened
    },
  }
}

/**
 * Writes a fully migrated database at `file` whose kysely_migration table also
 * lists FUTURE_MIGRATION, then closes it cleanly (no -wal left behind).
 */
export async function writeDatabaseFromNewerVersion(file: string): Promise<void> {
  const opened = await openDatabase({ file, backupDir: path.join(path.dirname(file), 'backups') })
  await opened.close()
  const sqlite = new BetterSqlite3(file)
  try {
    sqlite.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run(FUTURE_MIGRATION, '2999-01-01T00:00:00.000Z')
  } finally {
    sqlite.close()
  }
}
