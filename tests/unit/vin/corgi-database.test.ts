import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import {
  DATABASE_FILE_NAME,
  SIDECAR_FILE_NAME,
  databaseProblem,
  prepareCorgiDatabase,
  sqliteHeaderProblem,
  type DatabaseSource,
} from '../../../electron/main/vin-decoder/corgi-database'
import { useTempDirs } from '../../helpers/temp-dir'

/*
 * prepareCorgiDatabase on a tiny stand-in database (milliseconds, not the
 * real 75 MB; vin-decoder.test.ts covers the real one end to end).
 */

const tempDirs = useTempDirs('rcd-vin-db-')

/** A small SQLite file in WAL mode (like corgi's), gzipped, as a package would ship it. */
function makeSource(dir: string, version: string, rows = 50): DatabaseSource {
  const plain = path.join(dir, `source-${version}.db`)
  const db = new BetterSqlite3(plain)
  db.pragma('journal_mode = WAL')
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)')
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)')
  for (let i = 0; i < rows; i += 1) insert.run(`${version}-${i}-${'x'.repeat(200)}`)
  db.close()
  const gzFile = path.join(dir, `source-${version}.db.gz`)
  fs.writeFileSync(gzFile, gzipSync(fs.readFileSync(plain)))
  fs.rmSync(plain)
  return { gzFile, version }
}

function readRows(file: string): number {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    return (db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n
  } finally {
    db.close()
  }
}

describe('prepareCorgiDatabase', () => {
  it('unpacks once, then reuses the copy while the version is the same', async () => {
    const root = tempDirs.make()
    const dir = path.join(root, 'vin-decoder')
    const source = makeSource(root, '2.0.1')
    const first = await prepareCorgiDatabase({ dir, source })
    expect(first).toMatchObject({ file: path.join(dir, DATABASE_FILE_NAME), unpacked: true, reason: 'missing', packageVersion: '2.0.1' })
    expect(readRows(first.file)).toBe(50)
    expect(fs.readdirSync(dir).sort()).toEqual([DATABASE_FILE_NAME, SIDECAR_FILE_NAME])

    const second = await prepareCorgiDatabase({ dir, source })
    expect(second).toMatchObject({ unpacked: false, reason: null })
  })

  it('switches the copy to rollback-journal mode: no -wal/-shm appear when it is opened read-only', async () => {
    const root = tempDirs.make()
    const dir = path.join(root, 'vin-decoder')
    const { file } = await prepareCorgiDatabase({ dir, source: makeSource(root, '2.0.1') })
    readRows(file)
    expect(fs.readdirSync(dir).sort()).toEqual([DATABASE_FILE_NAME, SIDECAR_FILE_NAME])
  })

  it('unpacks again when the package version changes, and removes the old file’s -wal/-shm', async () => {
    const root = tempDirs.make()
    const dir = path.join(root, 'vin-decoder')
    await prepareCorgiDatabase({ dir, source: makeSource(root, '2.0.1', 10) })
    fs.writeFileSync(path.join(dir, `${DATABASE_FILE_NAME}-wal`), 'stale')
    fs.writeFileSync(path.join(dir, `${DATABASE_FILE_NAME}-shm`), 'stale')
    const updated = await prepareCorgiDatabase({ dir, source: makeSource(root, '2.0.4', 20) })
    expect(updated).toMatchObject({ unpacked: true, reason: 'version-changed', packageVersion: '2.0.4' })
    expect(readRows(updated.file)).toBe(20)
    expect(JSON.parse(fs.readFileSync(path.join(dir, SIDECAR_FILE_NAME), 'utf8'))).toMatchObject({ packageVersion: '2.0.4' })
    expect(fs.existsSync(path.join(dir, `${DATABASE_FILE_NAME}-wal`))).toBe(false)
    expect(fs.existsSync(path.join(dir, `${DATABASE_FILE_NAME}-shm`))).toBe(false)
  })

  it('unpacks again when the .gz changed under the same version (a re-published package)', async () => {
    const root = tempDirs.make()
    const dir = path.join(root, 'vin-decoder')
    await prepareCorgiDatabase({ dir, source: makeSource(root, '2.0.1', 10) })
    const republished = makeSource(tempDirs.make(), '2.0.1', 30)
    expect(databaseProblem(dir, republished)).toBe('version-changed')
    expect(readRows((await prepareCorgiDatabase({ dir, source: republished })).file)).toBe(30)
  })

  it('treats a missing sidecar, a truncated file or a bad header as damaged and replaces the file', async () => {
    const root = tempDirs.make()
    const dir = path.join(root, 'vin-decoder')
    const source = makeSource(root, '2.0.1')
    const { file } = await prepareCorgiDatabase({ dir, source })
    const sidecar = path.join(dir, SIDECAR_FILE_NAME)

    fs.rmSync(sidecar)
    expect(databaseProblem(dir, source)).toBe('damaged')
    expect((await prepareCorgiDatabase({ dir, source })).reason).toBe('damaged')

    fs.truncateSync(file, fs.statSync(file).size - 4096)
    expect(sqliteHeaderProblem(file)).toMatch(/header says/)
    expect((await prepareCorgiDatabase({ dir, source })).reason).toBe('damaged')
    expect(readRows(file)).toBe(50)

    const fd = fs.openSync(file, 'r+')
    fs.writeSync(fd, Buffer.from('garbage garbage!'), 0, 16, 0)
    fs.closeSync(fd)
    expect(sqliteHeaderProblem(file)).toBe('not an SQLite file')
    expect((await prepareCorgiDatabase({ dir, source })).reason).toBe('damaged')
    expect(readRows(file)).toBe(50)
  })

  it('a failed unpack (corrupt .gz) rejects, leaves the previous copy and sidecar untouched and no temp file', async () => {
    const root = tempDirs.make()
    const dir = path.join(root, 'vin-decoder')
    const { file } = await prepareCorgiDatabase({ dir, source: makeSource(root, '2.0.1') })
    const sidecarBefore = fs.readFileSync(path.join(dir, SIDECAR_FILE_NAME), 'utf8')
    const broken = path.join(root, 'broken.db.gz')
    const gz = fs.readFileSync(makeSource(tempDirs.make(), '2.0.4').gzFile)
    fs.writeFileSync(broken, gz.subarray(0, Math.floor(gz.length / 2)))

    await expect(prepareCorgiDatabase({ dir, source: { gzFile: broken, version: '2.0.4' } })).rejects.toThrow()
    expect(readRows(file)).toBe(50)
    expect(fs.readFileSync(path.join(dir, SIDECAR_FILE_NAME), 'utf8')).toBe(sidecarBefore)
    expect(fs.readdirSync(dir).sort()).toEqual([DATABASE_FILE_NAME, SIDECAR_FILE_NAME])
  })

  it('refuses a .gz that does not hold an SQLite database', async () => {
    const root = tempDirs.make()
    const gzFile = path.join(root, 'not-sqlite.gz')
    fs.writeFileSync(gzFile, gzipSync(Buffer.alloc(8192, 7)))
    await expect(prepareCorgiDatabase({ dir: path.join(root, 'vin-decoder'), source: { gzFile, version: '9.9.9' } })).rejects.toThrow(
      /not usable: not an SQLite file/,
    )
    expect(fs.readdirSync(path.join(root, 'vin-decoder'))).toEqual([])
  })

  it('removes temp files left by a crashed unpack, but not recent ones (another instance may be writing)', async () => {
    const root = tempDirs.make()
    const dir = path.join(root, 'vin-decoder')
    fs.mkdirSync(dir)
    const old = path.join(dir, `${DATABASE_FILE_NAME}.123-abcd.tmp`)
    const recent = path.join(dir, `${DATABASE_FILE_NAME}.456-ef01.tmp`)
    const unrelated = path.join(dir, 'notes.tmp')
    for (const file of [old, recent, unrelated]) fs.writeFileSync(file, 'half')
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000)
    fs.utimesSync(old, hourAgo, hourAgo)
    fs.utimesSync(unrelated, hourAgo, hourAgo)

    await prepareCorgiDatabase({ dir, source: makeSource(root, '2.0.1') })
    expect(fs.existsSync(old)).toBe(false)
    expect(fs.existsSync(recent)).toBe(true)
    expect(fs.existsSync(unrelated)).toBe(true)
  })
})
