import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'

/**
 * Copies a live database with SQLite's online backup API (never a file copy:
 * in WAL mode the -wal file is part of the state), then checks the copy.
 */
export async function backupDatabase(sqlite: BetterSqlite3.Database, destination: string): Promise<void> {
  fs.mkdirSync(path.dirname(destination), { recursive: true })
  const partial = `${destination}.partial`
  await sqlite.backup(partial)
  const copy = new BetterSqlite3(partial, { fileMustExist: true })
  try {
    // The copy keeps the live file's WAL mode; switch it back so the backup is one
    // self-contained file and no stray -wal/-shm files are left next to it.
    copy.pragma('journal_mode = DELETE')
    const result = copy.pragma('quick_check', { simple: true })
    if (result !== 'ok') throw new Error(`Backup failed its quick_check: ${String(result)}`)
  } finally {
    copy.close()
  }
  // Rename only once the copy is complete and checked, so a half-written file never looks like a backup.
  fs.renameSync(partial, destination)
}
