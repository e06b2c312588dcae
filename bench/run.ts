import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import BetterSqlite3 from 'better-sqlite3'
import { cachedShop, copyShop, type CachedShop } from './generator/cache'
import { BENCH_SEED, SCALES, type Scale } from './generator/generate'
import { atMost, ratio, renderTable, searchVerdict, type ReportRow } from './report'
import { openAppSession } from './steps/app-session'
import { benchCardPrint, type CardPrintFigures } from './steps/card-print'
import { benchColdOpen, runChild, type ChildFigures, type ColdOpenFigures } from './steps/cold-open'
import { benchCsvImport, type CsvImportFigures } from './steps/csv-import'
import { benchDeskScreens, type DeskScreenFigure } from './steps/desk-screens'
import { benchKeystrokes, type KeystrokeFigures } from './steps/keystroke'
import { benchRecordSave, type RecordSaveFigures } from './steps/record-save'
import { measureRendererSize, type RendererSize } from './steps/renderer-size'
import { benchSearch, drawSearchSamples, type SearchFigures } from './steps/search'

/*
 * npm run bench [-- --scales shop,chain] [--skip-build] [--quick]
 * Generates (or reuses) the shop and chain databases, measures every figure
 * of issue 8 next to its floor, prints the table and writes bench-results.json.
 */

const ROOT = path.resolve(__dirname, '..')

function log(message: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`)
}

function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

function machine() {
  const sqlite = new BetterSqlite3(':memory:')
  const version = (sqlite.prepare('select sqlite_version() as v').get() as { v: string }).v
  sqlite.close()
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    sqlite: version,
    platform: `${os.platform()} ${os.release()}`,
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scales: { type: 'string', default: 'shop,chain' },
      'skip-build': { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      out: { type: 'string', default: path.join(ROOT, 'bench-results.json') },
    },
    strict: true,
  })
  const quick = values.quick === true
  const scales = (values.scales ?? '').split(',').map((name) => {
    const scale = (SCALES as Record<string, Scale>)[name.trim()]
    if (!scale) throw new Error(`Unknown scale "${name}" (tiny, shop, chain).`)
    return scale
  })
  const loadBefore = os.loadavg()
  const started = performance.now()
  const temps: string[] = []
  const fresh = (prefix: string) => {
    const dir = tempDir(prefix)
    temps.push(dir)
    return dir
  }

  const shops: CachedShop[] = []
  for (const scale of scales) {
    log(`data: ${scale.name} (${scale.vehicles.toLocaleString('en-US')} vehicles)`)
    const shop = await cachedShop(scale, BENCH_SEED, (message) => log(`  ${message}`))
    log(`  ${shop.fromCache ? 'from cache' : `generated in ${shop.seconds.toFixed(0)} s`}: ${shop.dataDir}`)
    shops.push(shop)
  }
  const smallest = shops[0]!
  const largest = shops[shops.length - 1]!

  const search: Record<string, SearchFigures> = {}
  const cold: Record<string, ColdOpenFigures> = {}
  const screens: Record<string, DeskScreenFigure[]> = {}
  for (const shop of shops) {
    log(`search as you type: ${shop.scale.name}`)
    const samples = drawSearchSamples(path.join(shop.dataDir, 'radio-code-desk.sqlite'), BENCH_SEED, quick ? 10 : 40)
    const session = await openAppSession(shop.dataDir, shop.managerId)
    try {
      search[shop.scale.name] = await benchSearch(session, samples, quick ? 1 : 3)
      log(`desk screens: ${shop.scale.name}`)
      screens[shop.scale.name] = await benchDeskScreens(session, shop.dataDir, quick ? 5 : 20, BENCH_SEED + 4)
    } finally {
      await session.close()
    }
    log(`cold open: ${shop.scale.name}`)
    cold[shop.scale.name] = benchColdOpen(shop.dataDir, shop.managerId, 'smi', quick ? 2 : 5)
  }

  log(`memory: the process holding the ${largest.scale.name} database, over ${quick ? 'a few' : 'all'} search samples ×3`)
  const memorySamples = drawSearchSamples(path.join(largest.dataDir, 'radio-code-desk.sqlite'), BENCH_SEED + 1, quick ? 5 : 40).map((s) => s.text)
  const memory: ChildFigures = runChild(['--mode', 'memory', '--data-dir', largest.dataDir, '--manager', String(largest.managerId), '--queries', JSON.stringify(memorySamples)])

  log(`card print path (${smallest.scale.name} copy)`)
  const card: CardPrintFigures = await benchCardPrint(copyShop(smallest, fresh('rcd-bench-card-')), smallest.managerId, quick ? 5 : 20)

  const saves: Record<string, RecordSaveFigures> = {}
  for (const shop of shops) {
    log(`saving an edited customer: ${shop.scale.name} (a copy)`)
    const copyDir = fresh('rcd-bench-save-')
    saves[shop.scale.name] = await benchRecordSave(copyShop(shop, copyDir), shop.managerId, quick ? 10 : 40, BENCH_SEED + 3)
    fs.rmSync(copyDir, { recursive: true, force: true })
  }

  log(`CSV import of 50,000 rows (${smallest.scale.name} copies)`)
  const csv: CsvImportFigures = await benchCsvImport(() => copyShop(smallest, fresh('rcd-bench-csv-')), smallest.managerId, 50_000, quick ? 1 : 2)

  if (!values['skip-build']) {
    log('building the renderer (npm run build)')
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' })
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`)
  }
  const renderer: RendererSize = measureRendererSize(path.join(ROOT, 'out', 'renderer'))

  log(`keystroke to results painted (browser preview, ${largest.scale.name})`)
  const keystrokeTexts = drawSearchSamples(path.join(largest.dataDir, 'radio-code-desk.sqlite'), BENCH_SEED + 2, 4)
    .filter((s) => s.length === 6)
    .map((s) => s.text)
  const keystroke: KeystrokeFigures = await benchKeystrokes(largest.dataDir, keystrokeTexts, quick ? 40 : 200)

  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true })
  const loadAfter = os.loadavg()

  const rows: ReportRow[] = []
  for (const shop of shops) {
    const name = shop.scale.name
    const s = search[name]!
    const isTarget = name === 'chain'
    rows.push({
      name: `search p95, ${name}`,
      unit: 'ms',
      value: s.router.p95,
      floor: s.floor.p95,
      target: isTarget ? '≤ 2 ms and ≤ 1.5× floor' : '(chain only)',
      verdict: isTarget ? searchVerdict(s.router.p95, s.floor.p95) : 'INFO',
      note: `${s.router.n} searches; CPU time per search p95 ${s.routerCpu.p95.toFixed(2)} ms (floor ${s.floorCpu.p95.toFixed(2)}), median ${s.routerCpu.median.toFixed(2)} (floor ${s.floorCpu.median.toFixed(2)}); wall p99 ${s.router.p99.toFixed(2)} (floor ${s.floor.p99.toFixed(2)})`,
    })
    rows.push({ name: `search median, ${name}`, unit: 'ms', value: s.router.median, floor: s.floor.median, target: '', verdict: 'INFO' })
    const c = cold[name]!
    rows.push({
      name: `cold open, ${name}, file evicted`,
      unit: 'median ms',
      value: c.evicted.median,
      floor: c.evictedFloor.median,
      target: isTarget ? '≤ 150 ms' : '(chain only)',
      verdict: isTarget ? atMost(c.evicted.median, 150) : 'INFO',
      note: `open + migrations check + vault + sign-in + first search; evicted p95 ${c.evicted.p95.toFixed(0)} ms; warm cache median ${c.warm.median.toFixed(1)} ms (floor ${c.warmFloor.median.toFixed(1)}); process start to ready (tsx) ${c.processToReady.median.toFixed(0)} ms${c.evictionWorked ? '' : '; page-cache eviction did not work here'}`,
    })
  }
  for (const shop of shops) {
    const slowest = [...screens[shop.scale.name]!].sort((a, b) => b.times.p95 - a.times.p95)[0]!
    rows.push({
      name: `slowest desk screen, ${shop.scale.name}`,
      unit: 'p95 ms',
      value: slowest.times.p95,
      floor: null,
      target: '',
      verdict: 'INFO',
      note: `${slowest.screen} (${slowest.method}); every screen below the table`,
    })
  }
  for (const shop of shops) {
    const save = saves[shop.scale.name]!
    rows.push({
      name: `save an edited customer, ${shop.scale.name}`,
      unit: 'p95 ms',
      value: save.save.p95,
      floor: save.floor.p95,
      target: '',
      verdict: 'INFO',
      note: `customers.update through the router, ${save.save.n} saves: median ${save.save.median.toFixed(1)} ms (floor: one durable update + audit row, median ${save.floor.median.toFixed(1)} ms)`,
    })
  }
  rows.push({
    name: 'card to PDF after the first',
    unit: 'p95 ms',
    value: card.after.p95,
    floor: card.floorAfter.p95,
    target: '≤ 150 ms',
    verdict: atMost(card.after.p95, 150),
    note: `median ${card.after.median.toFixed(0)} ms (floor ${card.floorAfter.median.toFixed(0)}); first ${card.firstMs.toFixed(0)} ms incl. Chromium start and PIN check (floor ${card.floorFirstMs.toFixed(0)}); blank page with a new tab per job p95 ${card.newPagePerJob.p95.toFixed(0)} ms, median ${card.newPagePerJob.median.toFixed(0)}; PDF ${card.pdfBytes} bytes`,
  })
  rows.push({
    name: 'CSV import, 50,000 rows',
    unit: 'median ms',
    value: csv.app.median,
    floor: csv.floor.median,
    target: '≤ 2000 ms',
    verdict: atMost(csv.app.median, 2000),
    note: `${(csv.bytes / 1e6).toFixed(1)} MB; CPU time ${csv.appCpu.median.toFixed(0)} ms (floor ${csv.floorCpu.median.toFixed(0)}); created ${csv.summary.customersCreated} customers, ${csv.summary.vehiclesCreated} vehicles, ${csv.summary.radiosCreated} radios, ${csv.summary.codesImported} codes`,
  })
  rows.push({
    name: 'renderer initial JS',
    unit: 'KB gzip',
    value: renderer.initialGzipBytes / 1000,
    floor: null,
    target: '≤ 300 KB',
    verdict: atMost(renderer.initialGzipBytes, 300_000),
    note: `${renderer.initialChunks.join(', ')} (${(renderer.initialRawBytes / 1000).toFixed(0)} KB raw); on demand: ${renderer.lazyChunks.map((c) => `${c.file} ${(c.gzipBytes / 1000).toFixed(1)} KB`).join(', ') || 'none'}`,
  })
  rows.push({
    name: `keystroke to results painted, ${largest.scale.name}`,
    unit: 'p95 ms',
    value: keystroke.keystrokes.p95,
    floor: keystroke.floor.p95,
    target: '≤ 50 ms',
    verdict: atMost(keystroke.keystrokes.p95, 50),
    note: `${keystroke.keystrokes.n} keystrokes, median ${keystroke.keystrokes.median.toFixed(1)} ms (floor: keydown to next paint, median ${keystroke.floor.median.toFixed(1)} ms)`,
  })
  rows.push({
    name: `peak memory, ${largest.scale.name}`,
    unit: 'MB RSS',
    value: memory.maxRssMb ?? Number.NaN,
    floor: null,
    target: '',
    verdict: 'INFO',
    note: `process holding the database (services + router, ${memorySamples.length * 3} searches): peak V8 heap ${memory.peakHeapMb?.toFixed(0)} MB; preview server after the keystrokes: ${keystroke.serverPeakRssMb?.toFixed(0) ?? '?'} MB RSS`,
  })

  const table = renderTable(rows)
  const seconds = (performance.now() - started) / 1000
  console.log('')
  console.log(table)
  console.log('')
  for (const shop of shops) {
    console.log(`search by kind and length, ${shop.scale.name} (router p95 / floor p95 ms, ratio, mean results):`)
    for (const cell of search[shop.scale.name]!.cells) {
      console.log(
        `  ${cell.category.padEnd(7)} ${cell.length}  ${cell.router.p95.toFixed(3).padStart(7)} / ${cell.floor.p95.toFixed(3).padStart(7)}  ${ratio(cell.router.p95, cell.floor.p95).padStart(6)}  ${cell.meanResults.toFixed(1)}`,
      )
    }
  }
  for (const shop of shops) {
    console.log(`desk screens through the router, ${shop.scale.name} (p95 / median ms):`)
    for (const figure of screens[shop.scale.name]!) {
      console.log(`  ${figure.screen.padEnd(28)} ${figure.times.p95.toFixed(2).padStart(8)} / ${figure.times.median.toFixed(2).padStart(8)}  ${figure.method}`)
    }
  }
  const info = machine()
  console.log(
    `\nmachine: ${info.cpus} × ${info.cpuModel}, ${info.memoryGb} GB, ${info.platform}, Node ${info.node}, SQLite ${info.sqlite}; load average before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${loadAfter.map((l) => l.toFixed(2)).join(' ')}; ${seconds.toFixed(0)} s`,
  )

  const results = {
    when: new Date().toISOString(),
    machine: { ...info, loadBefore, loadAfter },
    seconds,
    data: shops.map(({ scale, seed, counts, generatorVersion, dataDir, fromCache }) => ({ scale, seed, counts, generatorVersion, dataDir, fromCache })),
    rows,
    search,
    coldOpen: cold,
    memory,
    cardPrint: card,
    recordSave: saves,
    deskScreens: screens,
    csvImport: { ...csv, summary: { ...csv.summary, warnings: csv.summary.warnings.length } },
    renderer,
    keystroke,
  }
  fs.writeFileSync(values.out!, JSON.stringify(results, null, 2) + '\n')
  log(`wrote ${values.out}`)
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
