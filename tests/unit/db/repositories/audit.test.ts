import { describe, expect, it } from 'vitest'
import {
  AUDIT_GENESIS_HASH,
  appendAudit,
  listAuditForEntity,
  verifyAuditChain,
  type AuditEntry,
} from '../../../../electron/db/repositories/audit'
import { openTestDatabase, useTestDatabase } from '../../../helpers/db'
import { makeTempDir, removeTempDir } from '../../../helpers/temp-dir'

const database = useTestDatabase()

function entry(n: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    at: `2026-11-24T06:00:0${n}.000Z`,
    workstationId: '6f1c0d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f',
    staffId: null,
    action: 'customer.create',
    entityType: 'customer',
    entityId: n,
    details: { n },
    ...overrides,
  }
}

async function appendThree(): Promise<number[]> {
  const ids: number[] = []
  for (const n of [1, 2, 3]) ids.push(await appendAudit(database.current.db, entry(n)))
  return ids
}

describe('audit log repository', () => {
  it('verifies an empty chain', async () => {
    expect(await verifyAuditChain(database.current.db)).toEqual({ ok: true, rows: 0 })
  })

  it('chains each row to the previous hash, starting from the genesis hash', async () => {
    await appendThree()
    const rows = database.current.sqlite.prepare('select prev_hash, hash from audit_log order by id').all() as {
      prev_hash: string
      hash: string
    }[]
    expect(rows[0]!.prev_hash).toBe(AUDIT_GENESIS_HASH)
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash)
    expect(rows[2]!.prev_hash).toBe(rows[1]!.hash)
    for (const row of rows) expect(row.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(await verifyAuditChain(database.current.db)).toEqual({ ok: true, rows: 3 })
  })

  it('detects a row whose details were edited behind the trigger’s back', async () => {
    const [, second] = await appendThree()
    const sqlite = database.current.sqlite
    sqlite.exec('drop trigger audit_log_no_update')
    sqlite.prepare('update audit_log set details_json = ? where id = ?').run('{"n":999}', second)
    expect(await verifyAuditChain(database.current.db)).toEqual({ ok: false, brokenAtId: second })
  })

  it('detects an edited row that carries a valid hash of its own, at the next row', async () => {
    const [, second, third] = await appendThree()
    // Build the forged row 2 with the real appendAudit in another database with the same row 1.
    const otherDir = makeTempDir()
    const other = await openTestDatabase(otherDir)
    let forged: { action: string; details_json: string; hash: string }
    try {
      await appendAudit(other.db, entry(1))
      const forgedId = await appendAudit(other.db, entry(2, { action: 'customer.delete', details: { n: 999 } }))
      forged = other.sqlite.prepare('select action, details_json, hash from audit_log where id = ?').get(forgedId) as typeof forged
    } finally {
      await other.close()
      removeTempDir(otherDir)
    }
    const sqlite = database.current.sqlite
    sqlite.exec('drop trigger audit_log_no_update')
    sqlite.prepare('update audit_log set action = ?, details_json = ?, hash = ? where id = ?').run(forged.action, forged.details_json, forged.hash, second)
    expect(await verifyAuditChain(database.current.db)).toEqual({ ok: false, brokenAtId: third })
  })

  it('detects a deleted row at the row after it', async () => {
    const [, second, third] = await appendThree()
    const sqlite = database.current.sqlite
    sqlite.exec('drop trigger audit_log_no_delete')
    sqlite.prepare('delete from audit_log where id = ?').run(second)
    expect(await verifyAuditChain(database.current.db)).toEqual({ ok: false, brokenAtId: third })
  })

  it('commits the audit row only with its transaction', async () => {
    await expect(
      database.current.db.transaction().execute(async (trx) => {
        await appendAudit(trx, entry(1))
        throw new Error('abort')
      }),
    ).rejects.toThrow('abort')
    expect(await verifyAuditChain(database.current.db)).toEqual({ ok: true, rows: 0 })
  })

  it('lists the rows of one entity in order', async () => {
    const a = await appendAudit(database.current.db, entry(1, { entityId: 7, action: 'customer.create' }))
    await appendAudit(database.current.db, entry(2, { entityId: 8 }))
    const b = await appendAudit(database.current.db, entry(3, { entityId: 7, action: 'customer.update' }))
    await appendAudit(database.current.db, entry(4, { entityType: 'vehicle', entityId: 7 }))
    const rows = await listAuditForEntity(database.current.db, 'customer', 7)
    expect(rows.map((row) => [row.id, row.action])).toEqual([
      [a, 'customer.create'],
      [b, 'customer.update'],
    ])
  })
})
