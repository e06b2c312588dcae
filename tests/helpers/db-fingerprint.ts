import { createHash } from 'node:crypto'
import BetterSqlite3 from 'better-sqlite3'

/*
 * "Nothing was written", checked from outside the app: a second, read-only
 * connection to the database file (WAL mode lets it read beside the app's).
 */

export interface TableFingerprint {
  readonly rows: number
  /** sha256 of the table's rows (each row as JSON, blobs as hex, sorted). */
  readonly sha256: string
}

/** Every table (FTS shadow tables included) → row count and content hash. */
export type DatabaseFingerprint = Readonly<Record<string, TableFingerprint>>

function rowText(row: Record<string, unknown>): string {
  return JSON.stringify(row, (_key, value: unknown) =>
    Buffer.isBuffer(value) ? `blob:${value.toString('hex')}` : typeof value === 'bigint' ? `bigint:${value}` : value,
  )
}

export function fingerprintDatabase(file: string): DatabaseFingerprint {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    const tables = sqlite
      .prepare("select name from sqlite_schema where type = 'table' and name not like 'sqlite_%' order by name")
      .pluck()
      .all() as string[]
    const out: Record<string, TableFingerprint> = {}
    for (const table of tables) {
      const rows = (sqlite.prepare(`select * from "${table.replace(/"/g, '""')}"`).all() as Record<string, unknown>[]).map(rowText).sort()
      out[table] = { rows: rows.length, sha256: createHash('sha256').update(rows.join('\n')).digest('hex') }
    }
    return out
  } finally {
    sqlite.close()
  }
}

/** Tables whose rows differ between two fingerprints, with their counts ("audit_log 12→13"). */
export function changedTables(before: DatabaseFingerprint, after: DatabaseFingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...names]
    .filter((name) => before[name]?.sha256 !== after[name]?.sha256)
    .map((name) => `${name} ${before[name]?.rows ?? '-'}→${after[name]?.rows ?? '-'}`)
    .sort()
}

/**
 * SQLite's own "did another connection commit?" counter: PRAGMA data_version
 * on a connection kept open changes whenever any other connection commits.
 */
export function watchCommits(file: string): { committedSinceStart(): boolean; close(): void } {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  const read = () => sqlite.pragma('data_version', { simple: true }) as number
  const start = read()
  return {
    committedSinceStart: () => read() !== start,
    close: () => sqlite.close(),
  }
}
