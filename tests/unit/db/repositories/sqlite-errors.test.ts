import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { mapSqliteError } from '../../../../electron/db/sqlite-errors'
import { AppError } from '../../../../shared/api/errors'
import { useTestDatabase } from '../../../helpers/db'

const database = useTestDatabase()
const AT = '2026-11-24T06:00:00.000Z'

/** Runs a statement that must fail and returns what it threw. */
function thrownBy(statement: string, ...params: unknown[]): unknown {
  try {
    database.current.sqlite.prepare(statement).run(...params)
  } catch (error) {
    return error
  }
  throw new Error(`expected to fail: ${statement}`)
}

describe('mapSqliteError with real constraint failures', () => {
  it('maps a duplicate unique value to DUPLICATE', () => {
    const insertVin = "insert into vehicles (vin, created_at, updated_at) values ('1HGCM82633A004352', ?, ?)"
    database.current.sqlite.prepare(insertVin).run(AT, AT)
    const mapped = mapSqliteError(thrownBy(insertVin, AT, AT))
    expect(mapped).toBeInstanceOf(AppError)
    expect(mapped?.code).toBe('DUPLICATE')
  })

  it('maps a duplicate primary key to DUPLICATE', () => {
    const insert = "insert into shop_settings (key, value_json, updated_at) values ('shop', '{}', ?)"
    database.current.sqlite.prepare(insert).run(AT)
    expect(mapSqliteError(thrownBy(insert, AT))?.code).toBe('DUPLICATE')
  })

  it('maps a missing referenced row to CONFLICT', () => {
    const error = thrownBy("insert into customer_phones (customer_id, number, digits, created_at) values (999, '5550102030', '5550102030', ?)", AT)
    expect(mapSqliteError(error)?.code).toBe('CONFLICT')
  })

  it('maps CHECK and NOT NULL failures to VALIDATION', () => {
    const check = thrownBy("insert into staff (name, role, created_at, updated_at) values ('X', 'owner', ?, ?)", AT, AT)
    const notNull = thrownBy("insert into customers (search_key, created_at, updated_at) values ('X', ?, ?)", AT, AT)
    expect(mapSqliteError(check)?.code).toBe('VALIDATION')
    expect(mapSqliteError(notNull)?.code).toBe('VALIDATION')
  })

  it('maps a write blocked by another connection to CONFLICT', () => {
    const other = new BetterSqlite3(database.current.file)
    try {
      other.pragma('busy_timeout = 0')
      database.current.sqlite.exec('begin immediate')
      let error: unknown = null
      try {
        other.prepare("insert into shop_settings (key, value_json, updated_at) values ('x', '1', 'now')").run()
      } catch (e) {
        error = e
      }
      expect((error as { code?: string }).code).toBe('SQLITE_BUSY')
      expect(mapSqliteError(error)?.code).toBe('CONFLICT')
    } finally {
      database.current.sqlite.exec('rollback')
      other.close()
    }
  })

  it('keeps domain messages free of SQL and table names', () => {
    const error = thrownBy("insert into staff (name, role, created_at, updated_at) values ('X', 'owner', ?, ?)", AT, AT)
    expect((error as Error).message).toContain('role')
    expect(mapSqliteError(error)?.message).not.toMatch(/role|staff|CHECK|constraint/i)
  })

  it('maps the audit log append-only trigger to CONFLICT', () => {
    database.current.sqlite
      .prepare("insert into audit_log (at, workstation_id, action, prev_hash, hash) values (?, 'w', 'a', 'p', 'h')")
      .run(AT)
    expect(mapSqliteError(thrownBy("update audit_log set action = 'b'"))?.code).toBe('CONFLICT')
    expect(mapSqliteError(thrownBy('delete from audit_log'))?.message).toMatch(/permanent history/)
  })

  it('returns null for errors it does not know', () => {
    for (const unknown of [new Error('boom'), null, undefined, 'SQLITE_CONSTRAINT_UNIQUE', { code: 42 }, { code: 'ENOENT' }, { code: 'SQLITE_ERROR' }]) {
      expect(mapSqliteError(unknown), String(unknown)).toBeNull()
    }
  })
})
