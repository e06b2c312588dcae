import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import BetterSqlite3 from 'better-sqlite3'

export interface BackupOptions {
  /** Pages copied per step; between steps the event loop runs (the UI stays responsive). Default 100. */
  readonly pagesPerStep?: number
  /** Checked between steps: when aborted, the backup stops and its partial file is removed. */
  readonly signal?: AbortSignal
  /**
   * Copies at least this large are quick_check'ed in a worker thread (default
   * 16 MiB, about 0.2 s of checking); smaller ones on this thread, since
   * starting a worker costs more than checking them.
   */
  readonly offThreadCheckMinBytes?: number
}

export interface BackupResult {
  readonly file: string
  readonly sizeBytes: number
  readonly durationMs: number
  /** Time spent in quick_check of the copy. */
  readonly checkMs: number
}

/**
 * Copies a live database with SQLite's online backup API (never a file copy:
 * in WAL mode the -wal file is part of the state), then checks the copy.
 *
 * better-sqlite3 runs the backup in steps of `pagesPerStep` pages, one per
 * event-loop turn, so the app keeps answering while it runs. Writes made on the
 * same connection during the backup are included in the copy.
 *
 * The copy is written as `<destination>.partial`, switched to a single-file
 * journal mode, quick_check'ed, fsync'ed, and only then renamed: a file named
 * like a backup is always a complete, checked one.
 */
export async function backupDatabase(
  sqlite: BetterSqlite3.Database,
  destination: string,
  options: BackupOptions = {},
): Promise<BackupResult> {
  const started = performance.now()
  fs.mkdirSync(path.dirname(destination), { recursive: true })
  const partial = `${destination}.partial`
  removeQuietly(partial)
  const pagesPerStep = options.pagesPerStep ?? 100
  try {
    await sqlite.backup(partial, {
      progress: () => {
        if (options.signal?.aborted) throw new Error('Backup aborted')
        return pagesPerStep
      },
    })
    const checkStarted = performance.now()
    const offThread = fs.statSync(partial).size >= (options.offThreadCheckMinBytes ?? 16 * 1024 * 1024)
    if (offThread) await checkCopyOffThread(partial)
    else checkCopySync(partial)
    const checkMs = performance.now() - checkStarted
    await fsyncFile(partial)
    // Rename only once the copy is complete and checked, so a half-written file never looks like a backup.
    fs.renameSync(partial, destination)
    fsyncDirSync(path.dirname(destination))
    return { file: destination, sizeBytes: fs.statSync(destination).size, durationMs: performance.now() - started, checkMs }
  } catch (error) {
    removeQuietly(partial)
    removeQuietly(`${partial}-journal`)
    throw error
  }
}

/**
 * Copies a finished (closed, single-file) backup to another folder, e.g. a USB
 * drive: write `.partial`, fsync, quick_check the copy where it landed (this
 * checks the medium too), rename, fsync the folder.
 */
export function copyBackupFileSync(source: string, destination: string): BackupResult {
  const started = performance.now()
  fs.mkdirSync(path.dirname(destination), { recursive: true })
  const partial = `${destination}.partial`
  try {
    fs.copyFileSync(source, partial)
    fsyncFileSync(partial)
    const checkStarted = performance.now()
    checkCopySync(partial, { alreadySingleFile: true })
    const checkMs = performance.now() - checkStarted
    fs.renameSync(partial, destination)
    fsyncDirSync(path.dirname(destination))
    return { file: destination, sizeBytes: fs.statSync(destination).size, durationMs: performance.now() - started, checkMs }
  } catch (error) {
    removeQuietly(partial)
    throw error
  }
}

/*
 * quick_check is O(N): about 4 s for a 563 MB file (quality anchors A3). On
 * the main thread that would freeze the desk, so it runs in a worker thread
 * with its own connection; if a worker cannot be started it runs here.
 */
const CHECK_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.module)
let result
try {
  const copy = new Database(workerData.file, { fileMustExist: true })
  try {
    copy.pragma('journal_mode = DELETE')
    result = { ok: true, check: copy.pragma('quick_check', { simple: true }) }
  } finally {
    copy.close()
  }
} catch (error) {
  result = { ok: false, message: String(error && error.message || error) }
}
parentPort.postMessage(result)
`

function betterSqlite3ModulePath(): string | null {
  try {
    // CommonJS (the bundled app, Playwright) has require; ESM test runners resolve
    // from the working folder. (No import.meta: CommonJS loaders refuse to parse it.)
    const localRequire = typeof require === 'function' ? require : createRequire(path.join(process.cwd(), 'package.json'))
    return localRequire.resolve('better-sqlite3')
  } catch {
    return null
  }
}

async function checkCopyOffThread(file: string): Promise<void> {
  const modulePath = betterSqlite3ModulePath()
  if (!modulePath) return checkCopySync(file)
  let outcome: { ok: true; check: unknown } | { ok: false; message: string } | null
  try {
    outcome = await new Promise((resolve, reject) => {
      const worker = new Worker(CHECK_WORKER_SOURCE, { eval: true, workerData: { module: modulePath, file } })
      worker.once('message', resolve)
      worker.once('error', reject)
      worker.once('exit', (code) => resolve(code === 0 ? null : { ok: false, message: `check worker exited with ${code}` }))
    })
  } catch {
    outcome = null
  }
  if (outcome === null) return checkCopySync(file)
  if (!outcome.ok) throw new Error(`Backup could not be checked: ${outcome.message}`)
  if (outcome.check !== 'ok') throw new Error(`Backup failed its quick_check: ${String(outcome.check)}`)
}

async function fsyncFile(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

function checkCopySync(file: string, options: { alreadySingleFile?: boolean } = {}): void {
  const copy = new BetterSqlite3(file, { fileMustExist: true, readonly: options.alreadySingleFile === true })
  try {
    // The copy keeps the live file's WAL mode; switch it back so the backup is one
    // self-contained file and no stray -wal/-shm files are left next to it.
    if (!options.alreadySingleFile) copy.pragma('journal_mode = DELETE')
    const result = copy.pragma('quick_check', { simple: true })
    if (result !== 'ok') throw new Error(`Backup failed its quick_check: ${String(result)}`)
  } finally {
    copy.close()
  }
}

/** Flushes a file's bytes to the disk (the OS cache is not enough on power loss). */
export function fsyncFileSync(file: string): void {
  const fd = fs.openSync(file, 'r+')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/** Makes a rename in `dir` durable. Windows cannot open a directory: there NTFS journals the rename itself. */
export function fsyncDirSync(dir: string): void {
  if (process.platform === 'win32') return
  let fd: number | null = null
  try {
    fd = fs.openSync(dir, 'r')
    fs.fsyncSync(fd)
  } catch {
    // Some filesystems (network shares) refuse fsync on a directory; the rename still happened.
  } finally {
    if (fd !== null) fs.closeSync(fd)
  }
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true })
  } catch {
    // best effort: a leftover .partial is never mistaken for a backup
  }
}
