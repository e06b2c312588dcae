import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { cachedShop, copyShop } from './generator/cache'
import { BENCH_SEED, SCALES } from './generator/generate'
import { benchCsvImport } from './steps/csv-import'

/*
 * npm run bench:import [-- --runs 3]
 * Only the 50,000-row CSV import and its floor, into copies of the shop: the
 * figure to watch while working on import speed (the full `npm run bench`
 * takes minutes). Prints the same figures the full run reports.
 */

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } }, strict: true })
  const runs = Math.max(1, Number(values.runs) || 3)
  const shop = await cachedShop(SCALES.shop, BENCH_SEED, (message) => console.log(`[bench:import] ${message}`))
  const temps: string[] = []
  const freshCopy = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rcd-bench-csv-'))
    temps.push(dir)
    return copyShop(shop, dir)
  }
  try {
    const figures = await benchCsvImport(freshCopy, shop.managerId, 50_000, runs)
    const ms = (value: number) => `${(value / 1000).toFixed(2)} s`
    console.log(`[bench:import] ${figures.rows.toLocaleString('en-US')} rows (${(figures.bytes / 1024 / 1024).toFixed(1)} MB) into a copy of the ${SCALES.shop.vehicles.toLocaleString('en-US')}-vehicle shop, ${runs} run(s)`)
    console.log(`[bench:import] through csv.import: median ${ms(figures.app.median)} (min ${ms(figures.app.min)}, max ${ms(figures.app.max)}), CPU ${ms(figures.appCpu.median)}`)
    console.log(`[bench:import] floor (no checks, one transaction): median ${ms(figures.floor.median)}, CPU ${ms(figures.floorCpu.median)}`)
    const { warnings, ...counts } = figures.summary
    console.log(`[bench:import] summary: ${JSON.stringify(counts)}, ${warnings.length} warnings`)
  } finally {
    for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true })
  }
}

void main()
