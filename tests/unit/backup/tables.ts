import { createHash } from 'node:crypto'
import BetterSqlite3 from 'better-sqlite3'

/** The tables a shop would miss; a restore must bring every row of them back byte for byte. */
export const KEY_TABLES = [
  'staff',
  'customers',
  'customer_phones',
  'vehicles',
  'vehicle_ownerships',
  'radios',
  'radio_codes',
  'vault_keys',
  'battery_jobs',
  'shop_settings',
  'audit_log',
] as const

export interface TableDigest {
  readonly rows: number
  readonly sha256: string
}

/**
 * Row count and sha256 of every row (in rowid order) of each key table.
 * `auditUpTo` limits audit_log to ids ≤ it (a restore adds its own audit row).
 */
export function digestTables(file: string, options: { auditUpTo?: number } = {}): Record<string, TableDigest> {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    const result: Record<string, TableDigest> = {}
    for (const table of KEY_TABLES) {
      const where = table === 'audit_log' && options.auditUpTo !== undefined ? ` where id <= ${options.auditUpTo}` : ''
      const rows = sqlite.prepare(`select * from "${table}"${where} order by rowid`).raw().all()
      const hash = createHash('sha256')
      for (const row of rows) hash.update(JSON.stringify(row)).update('\n')
      result[table] = { rows: rows.length, sha256: hash.digest('hex') }
    }
    return result
  } finally {
    sqlite.close()
  }
}
