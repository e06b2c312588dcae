import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { LATEST_MIGRATION } from '../../electron/db/migrations'
import { dataPaths } from '../../electron/main/paths'
import { GENERATOR_VERSION, generateShop, type GeneratedShop, type Scale } from './generate'

/*
 * Generated shops are kept between runs, keyed by generator version, schema
 * version, scale and seed: the chain (a million vehicles) takes minutes to
 * build and seconds to copy. A folder is complete only once its manifest is
 * written; anything else is rebuilt.
 */

export function benchCacheRoot(): string {
  return process.env['RCD_BENCH_CACHE'] ?? path.join(os.tmpdir(), 'rcd-bench-cache')
}

export interface CachedShop extends GeneratedShop {
  /** A data folder (database, workstation file) for read-only benchmarks. */
  readonly dataDir: string
  readonly fromCache: boolean
}

export async function cachedShop(scale: Scale, seed: number, progress: (message: string) => void = () => {}): Promise<CachedShop> {
  const key = `v${GENERATOR_VERSION}_${LATEST_MIGRATION.replace(/[^A-Za-z0-9-]/g, '')}_${scale.name}_${seed}`
  const dir = path.join(benchCacheRoot(), key)
  const manifestFile = path.join(dir, 'manifest.json')
  if (fs.existsSync(manifestFile)) {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as GeneratedShop
    return { ...manifest, dataDir: dir, fromCache: true }
  }
  fs.rmSync(dir, { recursive: true, force: true })
  const building = `${dir}.building-${process.pid}`
  fs.rmSync(building, { recursive: true, force: true })
  fs.mkdirSync(building, { recursive: true })
  const generated = await generateShop(building, scale, seed, progress)
  fs.writeFileSync(path.join(building, 'manifest.json'), JSON.stringify(generated, null, 2))
  fs.renameSync(building, dir)
  return { ...generated, dataDir: dir, fromCache: false }
}

/** A fresh data folder holding a copy of the shop's database, for benchmarks that write. */
export function copyShop(shop: { readonly dataDir: string }, into: string): string {
  const from = dataPaths(shop.dataDir)
  const to = dataPaths(into)
  fs.mkdirSync(into, { recursive: true })
  fs.copyFileSync(from.dbFile, to.dbFile)
  fs.copyFileSync(from.workstationFile, to.workstationFile)
  return into
}
