import { sql, type Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { migrateToLatest } from '../../../../electron/db/migrate'
import type { Database } from '../../../../electron/db/schema'
import { sqliteSearchIndex } from '../../../../electron/db/search/sqlite-search-index'
import { migrateTo, useRawDatabase } from '../../../helpers/migration-db'

const BEFORE = '2026-11-24T0850_vault-recovery-key'
const MIGRATION = '2026-11-24T1030_search-words-by-record'

const raw = useRawDatabase()

const OLD_ROWS: readonly [string, number, string][] = [
  ['customer', 1, 'ANA LOPEZ ANA L'],
  ['vehicle', 1, '2009 HONDA ACCORD BLUE'],
  ['radio', 7, 'ALPINE CDA 9887'],
  ['job', 3, 'BATTERY'],
  // Two rows for one record (never written by the app): the later one is kept.
  ['customer', 2, 'BOB SMITH OLD'],
  ['customer', 2, 'BOB SMITH'],
  // A kind of record search does not know: dropped.
  ['invoice', 9, 'NOT A RECORD'],
]

describe(`migration ${MIGRATION}`, () => {
  it('moves every record’s words to search_words under its record rowid and drops search_index', async () => {
    await migrateToLatest(raw.db, BEFORE)
    for (const [entityType, entityId, terms] of OLD_ROWS) {
      await sql`insert into search_index (entity_type, entity_id, terms) values (${entityType}, ${entityId}, ${terms})`.execute(raw.db)
    }

    await migrateToLatest(raw.db, MIGRATION)

    expect(raw.sqlite.prepare('select rowid, terms from search_words order by rowid').all()).toEqual([
      { rowid: 4, terms: 'ANA LOPEZ ANA L' },
      { rowid: 5, terms: '2009 HONDA ACCORD BLUE' },
      { rowid: 8, terms: 'BOB SMITH' },
      { rowid: 15, terms: 'BATTERY' },
      { rowid: 30, terms: 'ALPINE CDA 9887' },
    ])
    expect(raw.sqlite.prepare("select name from sqlite_master where name = 'search_index'").all()).toEqual([])
    expect(() => raw.sqlite.exec("insert into search_words (search_words) values ('integrity-check')")).not.toThrow()
    expect(raw.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')

    // The app's search reads the moved rows as the records they were.
    const found = async (query: string) =>
      (await sqliteSearchIndex.find(raw.db as unknown as Kysely<Database>, query, 10)).map((hit) => `${hit.entityType}:${hit.entityId}`).sort()
    expect(await found('ana lop')).toEqual(['customer:1'])
    expect(await found('accord')).toEqual(['vehicle:1'])
    expect(await found('alpine')).toEqual(['radio:7'])
    expect(await found('bob')).toEqual(['customer:2'])
    expect(await found('old')).toEqual([])
    expect(await found('invoice')).toEqual([])
  })

  it('replaces one record’s words by rowid instead of reading the whole table', async () => {
    await migrateToLatest(raw.db, MIGRATION)
    const plan = (text: string) => (raw.sqlite.prepare(`explain query plan ${text}`).all() as { detail: string }[]).map((row) => row.detail).join(' ')
    // FTS5 marks a rowid lookup with "=" after the index number; a full scan has nothing there.
    expect(plan('delete from search_words where rowid = 5')).toMatch(/VIRTUAL TABLE INDEX \d+:=/)
    await migrateTo(raw.db, BEFORE)
    expect(plan("delete from search_index where entity_type = 'vehicle' and entity_id = 1")).toMatch(/VIRTUAL TABLE INDEX \d+:$/)
  })

  it('works on an empty search table (first start of a new install)', async () => {
    await migrateToLatest(raw.db, MIGRATION)
    expect(raw.sqlite.prepare('select count(*) from search_words').pluck().get()).toBe(0)
    expect(raw.sqlite.prepare("select name from sqlite_master where name in ('search_words', 'search_index')").pluck().all()).toEqual(['search_words'])
  })

  it('down puts the words back in search_index with their record columns', async () => {
    await migrateToLatest(raw.db, MIGRATION)
    await sql`insert into search_words (rowid, terms) values (4, 'ANA LOPEZ'), (5, 'HONDA ACCORD'), (30, 'ALPINE'), (15, 'BATTERY')`.execute(raw.db)
    await migrateTo(raw.db, BEFORE)
    expect(raw.sqlite.prepare('select entity_type, entity_id, terms from search_index order by rowid').all()).toEqual([
      { entity_type: 'customer', entity_id: 1, terms: 'ANA LOPEZ' },
      { entity_type: 'vehicle', entity_id: 1, terms: 'HONDA ACCORD' },
      { entity_type: 'job', entity_id: 3, terms: 'BATTERY' },
      { entity_type: 'radio', entity_id: 7, terms: 'ALPINE' },
    ])
    expect(raw.sqlite.prepare("select entity_id from search_index where search_index match '\"hond\"*'").pluck().all()).toEqual([1])
    expect(raw.sqlite.prepare("select name from sqlite_master where name = 'search_words'").all()).toEqual([])
  })
})
