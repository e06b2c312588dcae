import fs from 'node:fs'
import path from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openTestDatabase } from '../../../helpers/db'
import { useTempDirs } from '../../../helpers/temp-dir'

/*
 * Full-chain schema guard: runs every migration on a new file and compares
 * the resulting schema with schema-snapshot.json. A migration that drops or
 * changes a column, index or trigger shows up as a diff in review.
 *
 * After a deliberate schema change, regenerate the snapshot with
 *   UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run tests/unit/db/migrations/schema-snapshot.test.ts
 * and commit the JSON together with the migration.
 */

const SNAPSHOT_FILE = path.join(import.meta.dirname, 'schema-snapshot.json')
const tempDirs = useTempDirs()

interface SchemaSnapshot {
  readonly tables: Record<string, unknown>
  readonly triggers: readonly { name: string; table: string }[]
}

function readSchema(sqlite: BetterSqlite3.Database): SchemaSnapshot {
  // FTS5 shadow tables belong to SQLite, not to our migrations: pragma_table_list marks them 'shadow'.
  const tables = sqlite
    .prepare(
      "select name, type from pragma_table_list where schema = 'main' and type in ('table', 'virtual') and name not like 'sqlite_%' order by name",
    )
    .all() as { name: string; type: string }[]
  const snapshot: Record<string, unknown> = {}
  for (const { name, type } of tables) {
    const indexes = sqlite
      .prepare('select name, "unique", origin, partial from pragma_index_list(?) order by name')
      .all(name) as { name: string }[]
    snapshot[name] = {
      type,
      columns: sqlite.prepare('select cid, name, type, "notnull", dflt_value, pk from pragma_table_info(?) order by cid').all(name),
      indexes: indexes.map((index) => ({
        ...index,
        columns: sqlite.prepare('select name from pragma_index_info(?) order by seqno').pluck().all(index.name),
      })),
      foreignKeys: sqlite
        .prepare('select "from", "table", "to", on_update, on_delete from pragma_foreign_key_list(?) order by id, seq')
        .all(name),
    }
  }
  const triggers = sqlite
    .prepare("select name, tbl_name as \"table\" from sqlite_master where type = 'trigger' order by name")
    .all() as { name: string; table: string }[]
  return { tables: snapshot, triggers }
}

describe('schema after every migration', () => {
  it('matches schema-snapshot.json', async () => {
    const opened = await openTestDatabase(tempDirs.make())
    let actual: SchemaSnapshot
    try {
      actual = readSchema(opened.sqlite)
    } finally {
      await opened.close()
    }

    if (process.env['UPDATE_SCHEMA_SNAPSHOT'] === '1') {
      fs.writeFileSync(SNAPSHOT_FILE, JSON.stringify(actual, null, 2) + '\n')
      return
    }
    const hint =
      'The schema differs from tests/unit/db/migrations/schema-snapshot.json. If the change is deliberate, regenerate it with ' +
      'UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run tests/unit/db/migrations/schema-snapshot.test.ts and review the diff.'
    expect(fs.existsSync(SNAPSHOT_FILE), hint).toBe(true)
    const expected = JSON.parse(fs.readFileSync(SNAPSHOT_FILE, 'utf8')) as SchemaSnapshot
    expect(actual, hint).toEqual(expected)
  })
})
