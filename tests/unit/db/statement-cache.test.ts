import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { withStatementCache } from '../../../electron/db/statement-cache'

/*
 * The prepared-statement cache under the app's Kysely connection
 * (electron/db/open.ts): same SQL, same statement; bounded; queries, writes
 * with RETURNING and a schema change behave exactly as without it.
 */

describe('withStatementCache', () => {
  it('hands back the same prepared statement for the same SQL and keeps only `capacity` of them', () => {
    const sqlite = new BetterSqlite3(':memory:')
    let prepared = 0
    const original = sqlite.prepare.bind(sqlite)
    sqlite.prepare = ((text: string) => {
      prepared += 1
      return original(text)
    }) as typeof sqlite.prepare
    const cached = withStatementCache(sqlite, 2)
    const a = cached.prepare('select 1')
    expect(cached.prepare('select 1')).toBe(a)
    cached.prepare('select 2')
    cached.prepare('select 1') // most recently used again
    cached.prepare('select 3') // drops "select 2", the least recently used
    expect(prepared).toBe(3)
    expect(cached.prepare('select 1')).toBe(a)
    cached.prepare('select 2')
    expect(prepared).toBe(4)
    cached.close()
    expect(sqlite.open).toBe(false)
  })

  it('runs Kysely reads, writes with RETURNING, and queries again after the table changes shape', async () => {
    const sqlite = new BetterSqlite3(':memory:')
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })
    await sql`create table t (id integer primary key, name text not null)`.execute(db)
    for (const name of ['a', 'b', 'c']) {
      const row = await db.insertInto('t').values({ name }).returning('id').executeTakeFirstOrThrow()
      expect(row.id).toBeGreaterThan(0)
    }
    const select = () => db.selectFrom('t').selectAll().orderBy('id').execute()
    expect((await select()).map((r) => r.name)).toEqual(['a', 'b', 'c'])
    await sql`alter table t add column colour text not null default 'red'`.execute(db)
    expect(await select()).toEqual([
      { id: 1, name: 'a', colour: 'red' },
      { id: 2, name: 'b', colour: 'red' },
      { id: 3, name: 'c', colour: 'red' },
    ])
    const updated = await db.updateTable('t').set({ name: 'z' }).where('id', '=', 2).executeTakeFirst()
    expect(Number(updated.numUpdatedRows)).toBe(1)
    await db.destroy()
    expect(sqlite.open).toBe(false)
  })
})
