import { parseArgs } from 'node:util'
import BetterSqlite3 from 'better-sqlite3'
import type { SearchResults } from '../../shared/domain/search'
import { dataPaths } from '../../electron/main/paths'
import { openAppSession } from './app-session'
import { createSearchFloor } from './search'

/*
 * Runs in a fresh process (see cold-open.ts). Modes:
 * - app: start the app's services on the data folder (open the database,
 *   check migrations, unlock the vault), sign in, run the first search
 *   through the router;
 * - floor: open the file with better-sqlite3 and run the same search as one
 *   prepared statement;
 * - memory: like app, then every query in --queries through the router,
 *   reporting the process's peak RSS and V8 heap.
 * Prints one JSON line.
 */

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      mode: { type: 'string' },
      'data-dir': { type: 'string' },
      manager: { type: 'string' },
      query: { type: 'string' },
      queries: { type: 'string' },
    },
    strict: true,
  })
  const dataDir = values['data-dir'] ?? ''
  const query = values.query ?? 'smi'
  const loadedMs = performance.now()
  const start = performance.now()
  if (values.mode === 'floor') {
    const sqlite = new BetterSqlite3(dataPaths(dataDir).dbFile, { readonly: true })
    sqlite.prepare('select name from kysely_migration order by name').all()
    const opened = performance.now()
    const floor = createSearchFloor(dataPaths(dataDir).dbFile)
    const rows = floor.run(query)
    const done = performance.now()
    floor.close()
    sqlite.close()
    console.log(JSON.stringify({ loadedMs, openMs: opened - start, firstSearchMs: done - opened, totalMs: done - start, rows }))
    return
  }
  const session = await openAppSession(dataDir, Number(values.manager ?? '1'))
  const opened = performance.now()
  const first = await session.call<SearchResults>('search.query', { text: query, limitPerKind: 8 })
  const done = performance.now()
  const rows = first.customers.length + first.vehicles.length + first.radios.length
  let peakHeap = process.memoryUsage().heapUsed
  if (values.mode === 'memory') {
    const texts = JSON.parse(values.queries ?? '[]') as string[]
    for (let round = 0; round < 3; round += 1) {
      for (const text of texts) {
        await session.call<SearchResults>('search.query', { text, limitPerKind: 8 })
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
      }
    }
  }
  await session.close()
  console.log(
    JSON.stringify({
      loadedMs,
      openMs: opened - start,
      firstSearchMs: done - opened,
      totalMs: done - start,
      rows,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      peakHeapMb: peakHeap / 1024 / 1024,
    }),
  )
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
