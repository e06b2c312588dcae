import BetterSqlite3 from 'better-sqlite3'
import { toKeyToken } from '../../electron/db/search/search-index'
import { toFtsPrefixQuery } from '../../electron/db/search/sqlite-search-index'
import { dataPaths } from '../../electron/main/paths'
import type { SearchResults } from '../../shared/domain/search'
import { compactKey, phoneDigits, toSearchKey } from '../../shared/domain/normalize'
import { Rng } from '../generator/prng'
import { stats, type Stats } from '../measure'
import type { AppSession } from './app-session'

/*
 * Search as you type: 1- to 6-character prefixes of names, phones, plates
 * and serials, and 1- to 6-character VIN tails, through the real router
 * (search.query, signed in) and, interleaved with it, through the floor:
 * the same search as ONE prepared statement on a raw connection (key range,
 * reversed key range, FTS5 prefix match, each record once and at most
 * `limit` per kind, and the rows a result list shows).
 */

export const SEARCH_CATEGORIES = ['name', 'phone', 'plate', 'vinTail', 'serial'] as const
export type SearchCategory = (typeof SEARCH_CATEGORIES)[number]
export const PREFIX_LENGTHS = [1, 2, 3, 4, 5, 6] as const
export const LIMIT_PER_KIND = 8

export interface SearchSample {
  readonly category: SearchCategory
  readonly length: number
  readonly text: string
}

type Row = Record<string, unknown>

/** The record fields people type, drawn at random (seeded) from the database. */
export function drawSearchSamples(dbFile: string, seed: number, perCell: number): SearchSample[] {
  const sqlite = new BetterSqlite3(dbFile, { readonly: true })
  try {
    const rng = new Rng(seed)
    const maxId = (table: string) => (sqlite.prepare(`select max(id) as n from ${table}`).get() as { n: number }).n
    const byId = (sql: string, table: string): Row => {
      const top = maxId(table)
      for (;;) {
        const row = sqlite.prepare(sql).get(rng.int(1, top)) as Row | undefined
        if (row) return row
      }
    }
    const source: Record<SearchCategory, () => string> = {
      name: () => {
        const words = toSearchKey(String(byId('select name from customers where id = ?', 'customers')['name'])).split(' ')
        return (rng.chance(0.5) ? words[0] : words[words.length - 1]) ?? ''
      },
      phone: () => phoneDigits(String(byId('select number from customer_phones where id = ?', 'customer_phones')['number'])),
      plate: () => compactKey(String(byId("select plate from vehicles where id = ? and plate <> ''", 'vehicles')['plate'])),
      vinTail: () => String(byId('select vin from vehicles where id = ? and vin is not null', 'vehicles')['vin']),
      serial: () => String(byId("select serial_key from radios where id = ? and serial_key <> ''", 'radios')['serial_key']),
    }
    const samples: SearchSample[] = []
    for (const category of SEARCH_CATEGORIES) {
      for (const length of PREFIX_LENGTHS) {
        for (let i = 0; i < perCell; i += 1) {
          let whole = ''
          while (whole.length < length) whole = source[category]()
          const text = category === 'vinTail' ? whole.slice(-length) : whole.slice(0, length)
          samples.push({ category, length, text: category === 'name' ? text.toLowerCase() : text })
        }
      }
    }
    return samples
  } finally {
    sqlite.close()
  }
}

const REVERSED_MARK = '~'
const RANGE_END = '\u007f'

/** The floor: one statement per query shape doing what search.query does, prepared once. */
export function createSearchFloor(dbFile: string, pragmas: readonly string[] = []) {
  const sqlite = new BetterSqlite3(dbFile, { readonly: true })
  for (const pragma of pragmas) sqlite.pragma(pragma)
  const statements = new Map<string, BetterSqlite3.Statement>()
  const statementFor = (forward: boolean, backward: boolean, words: boolean) => {
    const key = `${forward}${backward}${words}`
    let statement = statements.get(key)
    if (statement) return statement
    const parts: string[] = []
    const ctes: string[] = []
    if (forward) {
      ctes.push(`fwd as (select entity_type, entity_id, case when key = @token then 0 else 1 end as ord from search_keys where key >= @token and key < @tokenEnd limit @limit2)`)
      parts.push('select * from fwd')
    }
    if (backward) {
      ctes.push(`bwd as (select entity_type, entity_id, 2 as ord from search_keys where key >= @rev and key < @revEnd limit @limit)`)
      parts.push('select * from bwd')
    }
    if (words) {
      const count = [forward ? '(select count(*) from fwd)' : '', backward ? '(select count(*) from bwd)' : ''].filter(Boolean).join(' + ') || '0'
      ctes.push(
        `words as (select case rowid % 4 when 0 then 'customer' when 1 then 'vehicle' when 2 then 'radio' else 'job' end as entity_type, rowid / 4 as entity_id, 3 as ord from search_words where ${count} < @limit3 and search_words match @match limit @limit3)`,
      )
      parts.push('select * from words')
    }
    // Each record once, at most `limit` per kind, as the service shows them.
    ctes.push(`found as (select entity_type, entity_id, min(ord) as ord from (${parts.join(' union all ')}) group by entity_type, entity_id)`)
    ctes.push(`hits as (select * from (select *, row_number() over (partition by entity_type order by ord) as n from found) where n <= @limit)`)
    statement = sqlite.prepare(`with ${ctes.join(', ')}
      select h.entity_type, h.entity_id, h.ord,
        c.name as customer_name,
        (select p.number from customer_phones p where p.customer_id = c.id order by p.position limit 1) as phone,
        v.vin, v.year, v.make, v.model, v.plate, v.plate_state, vc.name as vehicle_owner,
        r.serial, r.head_unit, r.removed_at, r.vehicle_id, rv.year as radio_year, rv.make as radio_make, rv.model as radio_model,
        rc.name as radio_owner, j.vehicle_id as job_vehicle, j.customer_id as job_customer
      from hits h
      left join customers c on h.entity_type = 'customer' and c.id = h.entity_id and c.archived_at is null
      left join vehicles v on h.entity_type = 'vehicle' and v.id = h.entity_id and v.archived_at is null
      left join vehicle_ownerships vo on vo.vehicle_id = v.id and vo.ended_at is null
      left join customers vc on vc.id = vo.customer_id
      left join radios r on h.entity_type = 'radio' and r.id = h.entity_id
      left join vehicles rv on rv.id = r.vehicle_id
      left join vehicle_ownerships ro on ro.vehicle_id = rv.id and ro.ended_at is null
      left join customers rc on rc.id = ro.customer_id
      left join battery_jobs j on h.entity_type = 'job' and j.id = h.entity_id`)
    statements.set(key, statement)
    return statement
  }
  return {
    /** Runs the floor query for `text`; returns the number of rows. */
    run(text: string, limit = LIMIT_PER_KIND): number {
      const token = toKeyToken(text)
      const match = toFtsPrefixQuery(text)
      const forward = token.length >= 2
      const backward = token.length >= 4
      const words = match !== null
      if (!forward && !words) return 0
      const params: Record<string, unknown> = { limit, limit2: limit * 2, limit3: limit * 3 }
      if (forward) Object.assign(params, { token, tokenEnd: token + RANGE_END })
      if (backward) {
        const rev = REVERSED_MARK + [...token].reverse().join('')
        Object.assign(params, { rev, revEnd: rev + RANGE_END })
      }
      if (words) params['match'] = match
      return statementFor(forward, backward, words).all(params).length
    },
    close() {
      sqlite.close()
    },
  }
}

export interface SearchCell {
  readonly category: SearchCategory
  readonly length: number
  readonly router: Stats
  readonly floor: Stats
  /** Mean results per query (all kinds). */
  readonly meanResults: number
}

export interface SearchFigures {
  readonly router: Stats
  readonly floor: Stats
  /** CPU time (user + system) of this process per router search: the wall time less waiting for a core on a busy machine. */
  readonly routerCpu: Stats
  readonly floorCpu: Stats
  readonly cells: readonly SearchCell[]
}

function resultCount(results: SearchResults): number {
  return results.customers.length + results.vehicles.length + results.radios.length
}

/** Runs every sample `rounds` times through the router and the floor, alternating which goes first. */
export async function benchSearch(session: AppSession, samples: readonly SearchSample[], rounds: number): Promise<SearchFigures> {
  const floor = createSearchFloor(dataPaths(session.services.paths.dataDir).dbFile)
  try {
    // Warm-up: every statement prepared, the pages of both connections' caches touched once.
    for (const sample of samples) {
      await session.call<SearchResults>('search.query', { text: sample.text, limitPerKind: LIMIT_PER_KIND })
      floor.run(sample.text)
    }
    const byCell = new Map<string, { router: number[]; floor: number[]; results: number[] }>()
    const allRouter: number[] = []
    const allFloor: number[] = []
    const routerCpu: number[] = []
    const floorCpu: number[] = []
    for (let round = 0; round < rounds; round += 1) {
      for (const [i, sample] of samples.entries()) {
        const key = `${sample.category}:${sample.length}`
        let cell = byCell.get(key)
        if (!cell) byCell.set(key, (cell = { router: [], floor: [], results: [] }))
        const viaRouter = async () => {
          const cpu = process.cpuUsage()
          const start = performance.now()
          const results = await session.call<SearchResults>('search.query', { text: sample.text, limitPerKind: LIMIT_PER_KIND })
          const ms = performance.now() - start
          const used = process.cpuUsage(cpu)
          routerCpu.push((used.user + used.system) / 1000)
          cell.router.push(ms)
          allRouter.push(ms)
          cell.results.push(resultCount(results))
        }
        const viaFloor = () => {
          const cpu = process.cpuUsage()
          const start = performance.now()
          floor.run(sample.text)
          const ms = performance.now() - start
          const used = process.cpuUsage(cpu)
          floorCpu.push((used.user + used.system) / 1000)
          cell.floor.push(ms)
          allFloor.push(ms)
        }
        if ((i + round) % 2 === 0) {
          await viaRouter()
          viaFloor()
        } else {
          viaFloor()
          await viaRouter()
        }
      }
    }
    const cells: SearchCell[] = []
    for (const [key, cell] of byCell) {
      const [category, length] = key.split(':') as [SearchCategory, string]
      cells.push({
        category,
        length: Number(length),
        router: stats(cell.router),
        floor: stats(cell.floor),
        meanResults: cell.results.reduce((a, b) => a + b, 0) / Math.max(1, cell.results.length),
      })
    }
    return { router: stats(allRouter), floor: stats(allFloor), routerCpu: stats(routerCpu), floorCpu: stats(floorCpu), cells }
  } finally {
    floor.close()
  }
}
