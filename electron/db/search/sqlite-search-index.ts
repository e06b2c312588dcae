import { sql } from 'kysely'
import { toSearchKey } from '../../../shared/domain/normalize'
import { toKeyToken, type MatchedBy, type SearchDocument, type SearchEntityType, type SearchHit, type SearchIndex, type SearchKeyKind } from './search-index'

/*
 * SQLite dialect module: the only place that knows search is FTS5 plus a key
 * table. Keys whose end people type ("last six of the VIN", "last four of the
 * phone") are also stored reversed behind a '~', so a suffix search is a
 * prefix range scan on the same index. Words live in `search_words`, one FTS5
 * row per record whose rowid is the record (recordRowid), so replacing a
 * record's words is a lookup by rowid and a search reads rowids only.
 */

/** The rowid encoding of migration 2026-11-24T1030_search-words-by-record; never change it. */
const TYPE_CODES: Readonly<Record<SearchEntityType, number>> = { customer: 0, vehicle: 1, radio: 2, job: 3 }
const TYPES_BY_CODE: readonly SearchEntityType[] = ['customer', 'vehicle', 'radio', 'job']

export function recordRowid(entityType: SearchEntityType, entityId: number): number {
  return entityId * 4 + TYPE_CODES[entityType]
}

export function recordOfRowid(rowid: number): { entityType: SearchEntityType; entityId: number } {
  return { entityType: TYPES_BY_CODE[rowid % 4] as SearchEntityType, entityId: Math.floor(rowid / 4) }
}

const REVERSIBLE: ReadonlySet<SearchKeyKind> = new Set(['vin', 'phone', 'serial'])
const REVERSED_MARK = '~'
/** Above every character a key can hold ([A-Z0-9~]): the exclusive end of a prefix range. */
const RANGE_END = '\u007f'
const MIN_SUFFIX_LENGTH = 4
/** Entries per addNew statement: each binds one JSON array (json_each), a few MB at most. */
const ADD_NEW_ROWS = 10_000

function reverse(text: string): string {
  return [...text].reverse().join('')
}

/** Typed words as an FTS5 query of quoted prefix terms, so nothing typed is parsed as FTS syntax. */
export function toFtsPrefixQuery(query: string): string | null {
  const words = toSearchKey(query)
    .split(' ')
    .filter((word) => word.length > 0)
  if (words.length === 0) return null
  return words.map((word) => `"${word}"*`).join(' ')
}

/**
 * Whether `value` is another key of the same kind with one character in
 * front ("15550102030" next to "5550102030", a phone typed with and without
 * the US 1). Its reversed row is not needed: every suffix shorter than it is
 * a suffix of the other key, and the whole of it is a forward match. One row
 * fewer per such phone (an import writes tens of thousands).
 */
function endsLikeAnother(kind: SearchKeyKind, value: string, keys: readonly { kind: SearchKeyKind; value: string }[]): boolean {
  return keys.some((other) => other.kind === kind && other.value !== '' && other.value.length === value.length - 1 && value.endsWith(other.value))
}

/** What one record writes: its words (one FTS row, or none) and its key rows (forward, and reversed for the reversible kinds). */
function documentRows(document: SearchDocument): { terms: string; keys: { kind: SearchKeyKind; key: string }[] } {
  const terms = document.words
    .map(toSearchKey)
    .filter((word) => word.length > 0)
    .join(' ')
  const keys: { kind: SearchKeyKind; key: string }[] = []
  const seen = new Set<string>()
  const tokens = document.keys.map((key) => ({ kind: key.kind, value: toKeyToken(key.value) }))
  for (const { kind, value } of tokens) {
    if (value === '') continue
    const variants = REVERSIBLE.has(kind) && !endsLikeAnother(kind, value, tokens) ? [value, REVERSED_MARK + reverse(value)] : [value]
    for (const variant of variants) {
      const id = `${kind}:${variant}`
      if (seen.has(id)) continue
      seen.add(id)
      keys.push({ kind, key: variant })
    }
  }
  return { terms, keys }
}

export const sqliteSearchIndex: SearchIndex = {
  async put(db, entityType, entityId, document) {
    await this.remove(db, entityType, entityId)
    const { terms, keys } = documentRows(document)
    if (terms !== '') {
      await db.insertInto('search_words').values({ rowid: recordRowid(entityType, entityId), terms }).execute()
    }
    if (keys.length > 0) {
      await db
        .insertInto('search_keys')
        .values(keys.map(({ kind, key }) => ({ entity_type: entityType, entity_id: entityId, kind, key })))
        .execute()
    }
  },

  async addNew(db, entries) {
    // Rows as JSON arrays, one bound parameter per statement (see import-batch.ts for why).
    const words: [number, string][] = []
    const keys: [string, number, string, string][] = []
    for (const { entityType, entityId, document } of entries) {
      const rows = documentRows(document)
      if (rows.terms !== '') words.push([recordRowid(entityType, entityId), rows.terms])
      for (const { kind, key } of rows.keys) keys.push([entityType, entityId, kind, key])
    }
    // By rising rowid: FTS5 writes out its pending terms each time a rowid is
    // not above the one before, and customers, vehicles and radios interleave.
    words.sort((a, b) => a[0] - b[0])
    for (let i = 0; i < words.length; i += ADD_NEW_ROWS) {
      const json = JSON.stringify(words.slice(i, i + ADD_NEW_ROWS))
      await sql`insert into search_words (rowid, terms) select value ->> 0, value ->> 1 from json_each(${json})`.execute(db)
    }
    for (let i = 0; i < keys.length; i += ADD_NEW_ROWS) {
      const json = JSON.stringify(keys.slice(i, i + ADD_NEW_ROWS))
      await sql`insert into search_keys (entity_type, entity_id, kind, key)
        select value ->> 0, value ->> 1, value ->> 2, value ->> 3 from json_each(${json})`.execute(db)
    }
  },

  async remove(db, entityType, entityId) {
    await db.deleteFrom('search_words').where('rowid', '=', recordRowid(entityType, entityId)).execute()
    await db.deleteFrom('search_keys').where('entity_type', '=', entityType).where('entity_id', '=', entityId).execute()
  },

  async find(db, query, limit) {
    const hits: SearchHit[] = []
    const seen = new Set<string>()
    const add = (entityType: string, entityId: number, matchedBy: MatchedBy, exact: boolean) => {
      const id = `${entityType}:${entityId}`
      if (seen.has(id)) return
      seen.add(id)
      hits.push({ entityType: entityType as SearchHit['entityType'], entityId: Number(entityId), matchedBy, exact })
    }

    const token = toKeyToken(query)
    if (token.length >= 2) {
      const forward = await db
        .selectFrom('search_keys')
        .select(['entity_type', 'entity_id', 'kind', 'key'])
        .where('key', '>=', token)
        .where('key', '<', token + RANGE_END)
        .limit(limit * 2)
        .execute()
      const exact = forward.filter((row) => row.key === token)
      for (const row of exact) add(row.entity_type, row.entity_id, row.kind as SearchKeyKind, true)
      for (const row of forward) add(row.entity_type, row.entity_id, row.kind as SearchKeyKind, false)
    }
    if (token.length >= MIN_SUFFIX_LENGTH) {
      const reversed = REVERSED_MARK + reverse(token)
      const backward = await db
        .selectFrom('search_keys')
        .select(['entity_type', 'entity_id', 'kind'])
        .where('key', '>=', reversed)
        .where('key', '<', reversed + RANGE_END)
        .limit(limit)
        .execute()
      for (const row of backward) add(row.entity_type, row.entity_id, row.kind as SearchKeyKind, false)
    }
    const match = toFtsPrefixQuery(query)
    if (match !== null && hits.length < limit * 3) {
      const words = await db
        .selectFrom('search_words')
        .select('rowid')
        .where(sql<boolean>`search_words match ${match}`)
        .limit(limit * 3)
        .execute()
      for (const row of words) {
        const record = recordOfRowid(Number(row.rowid))
        add(record.entityType, record.entityId, 'name', false)
      }
    }
    return hits
  },
}
