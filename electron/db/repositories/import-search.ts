import { sql, type Transaction } from 'kysely'
import { toSearchKey } from '../../../shared/domain/normalize'
import type { Database } from '../schema'
import { toKeyToken, type SearchDocument, type SearchEntityType, type SearchIndex, type SearchKeyKind } from '../search/search-index'
import { sqliteSearchIndex } from '../search/sqlite-search-index'

/*
 * Search entries for records an import has just created, written a few
 * hundred per statement. It writes exactly what sqliteSearchIndex.put writes
 * for a record that had no entry yet (tests/integration/csv-import.test.ts
 * compares the two), so search finds imported records like typed ones. Any
 * other SearchIndex implementation gets one put() per record.
 *
 * Better home (not this module's to change): a putMany() on SearchIndex itself.
 */

const REVERSIBLE: ReadonlySet<SearchKeyKind> = new Set(['vin', 'phone', 'serial'])
const REVERSED_MARK = '~'
/** Entries per statement: each statement binds one JSON array (json_each), so Kysely compiles a handful of statements, not 450,000 rows of parameters. */
const CHUNK = 5000

export interface NewSearchEntry {
  readonly entityType: SearchEntityType
  readonly entityId: number
  readonly document: SearchDocument
}

export async function putNewSearchEntries(trx: Transaction<Database>, index: SearchIndex, entries: readonly NewSearchEntry[]): Promise<void> {
  if (index !== sqliteSearchIndex) {
    for (const entry of entries) await index.put(trx, entry.entityType, entry.entityId, entry.document)
    return
  }
  const words: { entity_type: string; entity_id: number; terms: string }[] = []
  const keys: { entity_type: string; entity_id: number; kind: string; key: string }[] = []
  for (const { entityType, entityId, document } of entries) {
    const text = document.words
      .map(toSearchKey)
      .filter((word) => word.length > 0)
      .join(' ')
    if (text !== '') words.push({ entity_type: entityType, entity_id: entityId, terms: text })
    const seen = new Set<string>()
    for (const key of document.keys) {
      const value = toKeyToken(key.value)
      if (value === '') continue
      const variants = REVERSIBLE.has(key.kind) ? [value, REVERSED_MARK + [...value].reverse().join('')] : [value]
      for (const variant of variants) {
        const id = `${key.kind}:${variant}`
        if (seen.has(id)) continue
        seen.add(id)
        keys.push({ entity_type: entityType, entity_id: entityId, kind: key.kind, key: variant })
      }
    }
  }
  for (let i = 0; i < words.length; i += CHUNK) {
    const json = JSON.stringify(words.slice(i, i + CHUNK).map((w) => [w.entity_type, w.entity_id, w.terms]))
    await sql`insert into search_index (entity_type, entity_id, terms)
      select value ->> 0, value ->> 1, value ->> 2 from json_each(${json})`.execute(trx)
  }
  for (let i = 0; i < keys.length; i += CHUNK) {
    const json = JSON.stringify(keys.slice(i, i + CHUNK).map((k) => [k.entity_type, k.entity_id, k.kind, k.key]))
    await sql`insert into search_keys (entity_type, entity_id, kind, key)
      select value ->> 0, value ->> 1, value ->> 2, value ->> 3 from json_each(${json})`.execute(trx)
  }
}
