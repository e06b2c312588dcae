import { sql, type Kysely } from 'kysely'

/*
 * Frozen in time: this file imports only kysely and uses Kysely<any>.
 * Never edit it once released; add a new migration instead.
 *
 * The words part of search moves from `search_index` to `search_words`, an
 * FTS5 table whose rowid says which record a row belongs to:
 *
 *   rowid = entity_id * 4 + (customer 0, vehicle 1, radio 2, job 3)
 *
 * `search_index` kept the record in two UNINDEXED columns, and FTS5 cannot
 * index those, so replacing one record's words (every save of a customer,
 * vehicle or radio) read the whole table: 30 ms at 30,000 vehicles, 375 ms
 * at a million. By rowid it is one B-tree lookup, and a search reads rowids
 * only, never the stored text. columnsize=0 drops the per-row size table,
 * which only relevance ranking reads (search does not rank).
 *
 * Every row is copied (one per record; if a record somehow had two, the last
 * written wins), then the old table is dropped. Rows go in by rising rowid:
 * FTS5 writes out its pending terms whenever a rowid is not above the one
 * before, so the old table's order (record kinds mixed) would make thousands
 * of tiny segments and take six times as long.
 */

const TYPE_CODE = sql`case entity_type when 'customer' then 0 when 'vehicle' then 1 when 'radio' then 2 when 'job' then 3 end`

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create virtual table search_words using fts5(
    terms,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4', columnsize = 0
  )`.execute(db)
  await sql`insert into search_words (rowid, terms)
    select entity_id * 4 + ${TYPE_CODE}, terms from search_index
    where rowid in (select max(rowid) from search_index where ${TYPE_CODE} is not null group by entity_type, entity_id)
    order by 1`.execute(db)
  await sql`drop table search_index`.execute(db)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`create virtual table search_index using fts5(
    entity_type unindexed, entity_id unindexed, terms,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4'
  )`.execute(db)
  await sql`insert into search_index (entity_type, entity_id, terms)
    select case rowid % 4 when 0 then 'customer' when 1 then 'vehicle' when 2 then 'radio' else 'job' end, rowid / 4, terms
    from search_words order by rowid`.execute(db)
  await sql`drop table search_words`.execute(db)
}
