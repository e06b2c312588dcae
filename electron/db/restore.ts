import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { fsyncDirSync, fsyncFileSync } from './backup'

/*
 * The file steps of a restore. The orchestration (checks, safety backup,
 * closing and reopening the app's connection) is in
 * electron/main/services/backups.ts. Order matters, and each step is safe to
 * be interrupted by a crash or power loss:
 *
 *   1. stageRestoreCopy: backup → `<db>.restoring` (SQLite backup API from a
 *      read-only connection), quick_check, fsync. The live file is untouched.
 *   2. (caller) the live database is backed up and closed.
 *   3. setAsideDamagedFilesSync (only when the live file could not be opened):
 *      copies of the file and its -wal/-shm go to a folder under backups/.
 *   4. swapInRestoredCopySync: remove the old -wal/-shm (the old database is
 *      closed and saved by now; a -wal left there would be replayed into the
 *      restored file and corrupt it), rename `<db>.restoring` over `<db>`,
 *      fsync the folder. rename() replaces atomically: after a crash the
 *      folder holds either the old file or the restored one, never half of each.
 */

export const RESTORING_SUFFIX = '.restoring'

/** Writes a checked, fsync'ed copy of `backupFile` next to `dbFile`; returns its path. */
export function stageRestoreCopy(backupFile: string, dbFile: string): Promise<string> {
  const staged = `${dbFile}${RESTORING_SUFFIX}`
  removeSidecarsAndFile(staged)
  const source = new BetterSqlite3(backupFile, { readonly: true, fileMustExist: true })
  return source
    .backup(staged)
    .then(() => {
      const copy = new BetterSqlite3(staged, { fileMustExist: true })
      try {
        copy.pragma('journal_mode = DELETE')
        const result = copy.pragma('quick_check', { simple: true })
        if (result !== 'ok') throw new Error(`The restored copy failed its quick_check: ${String(result)}`)
      } finally {
        copy.close()
      }
      fsyncFileSync(staged)
      return staged
    })
    .catch((error: unknown) => {
      removeSidecarsAndFile(staged)
      throw error
    })
    .finally(() => source.close())
}

/** Copies the main file and any -wal/-shm next to it into `folder` (for a damaged database nobody can open). */
export function setAsideDamagedFilesSync(dbFile: string, folder: string): string[] {
  fs.mkdirSync(folder, { recursive: true })
  const kept: string[] = []
  for (const file of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, `${dbFile}-journal`]) {
    if (!fs.existsSync(file)) continue
    const target = path.join(folder, path.basename(file))
    fs.copyFileSync(file, target)
    fsyncFileSync(target)
    kept.push(target)
  }
  fsyncDirSync(folder)
  return kept
}

/** Replaces `dbFile` by the staged copy. Call only with every connection to `dbFile` closed. */
export function swapInRestoredCopySync(staged: string, dbFile: string): void {
  for (const sidecar of [`${dbFile}-wal`, `${dbFile}-shm`, `${dbFile}-journal`]) fs.rmSync(sidecar, { force: true })
  fs.renameSync(staged, dbFile)
  fsyncDirSync(path.dirname(dbFile))
}

export function removeSidecarsAndFile(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true })
}
