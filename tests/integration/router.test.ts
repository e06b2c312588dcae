import fs from 'node:fs'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { LATEST_MIGRATION } from '../../electron/db/migrations'
import { verifyAuditChain } from '../../electron/db/repositories/audit'
import type { ApiRouter } from '../../electron/main/ipc/router'
import { dataPaths } from '../../electron/main/paths'
import type { ApiResult } from '../../shared/api/errors'
import type { AppStatus } from '../../shared/domain/app-status'
import type { Customer, CustomerSummary } from '../../shared/domain/customer'
import type { PrintOutcome } from '../../shared/domain/printing'
import type { ShopSettings } from '../../shared/domain/shop'
import { writeDatabaseFromNewerVersion } from '../helpers/db'
import { fingerprint } from '../helpers/files'
import { createTestRouter, startTestServices, TRUSTED_SENDER, type TestServices } from '../helpers/services'
import { makeTempDir, removeTempDir } from '../helpers/temp-dir'
import { valueOf } from '../helpers/results'

const NOW = new Date('2026-11-24T06:00:00.000Z')

let dataDir: string | null = null
let started: TestServices | null = null

afterEach(async () => {
  await started?.services.close()
  if (dataDir) removeTempDir(dataDir)
  started = null
  dataDir = null
})

async function start(): Promise<{ call: <T>(method: string, input: unknown) => Promise<ApiResult<T>>; router: ApiRouter } & TestServices> {
  dataDir ??= makeTempDir()
  started = await startTestServices(dataDir, { now: () => NOW })
  const router = createTestRouter(started.services)
  const call = <T>(method: string, input: unknown) => router(TRUSTED_SENDER, method, input) as Promise<ApiResult<T>>
  return { ...started, router, call }
}


function countRows(table: string): number {
  const sqlite = new BetterSqlite3(dataPaths(dataDir!).dbFile, { readonly: true })
  try {
    return sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number
  } finally {
    sqlite.close()
  }
}

describe('router + handlers + services on a real database', () => {
  it('app.status is ready with the schema version, data folder and workstation id', async () => {
    const { call, services } = await start()
    const status = valueOf(await call<AppStatus>('app.status', {}))
    expect(status).toEqual({
      state: 'ready',
      appVersion: '0.0.0-test',
      schemaVersion: LATEST_MIGRATION,
      dataDir,
      workstationId: services.workstationId,
    })
    expect(services.workstationId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('refuses a sender other than the trusted one', async () => {
    const { router } = await start()
    for (const sender of [
      { ...TRUSTED_SENDER, webContentsId: 2 },
      { ...TRUSTED_SENDER, url: 'file:///app/other.html' },
      { ...TRUSTED_SENDER, transport: 'web-preview' as const },
    ]) {
      expect(await router(sender, 'customers.list', {})).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
    }
  })

  it('customers.create → get → list round-trips', async () => {
    const { call } = await start()
    const created = valueOf(
      await call<Customer>('customers.create', {
        name: '  Ana  López ',
        email: 'ana@example.com',
        preferredLanguage: 'es',
        phones: [{ label: 'mobile', number: '(555) 010-2030' }],
      }),
    )
    expect(created).toMatchObject({ name: 'Ana López', preferredLanguage: 'es', createdAt: NOW.toISOString() })

    expect(valueOf(await call<Customer>('customers.get', { id: created.id }))).toEqual({
      ...created,
      vehicles: { current: [], previous: [] },
    })
    valueOf(await call<Customer>('customers.create', { name: 'Bob Smith' }))
    expect(valueOf(await call<CustomerSummary[]>('customers.list', {}))).toEqual([
      { id: created.id, name: 'Ana López', primaryPhone: '(555) 010-2030' },
      { id: created.id + 1, name: 'Bob Smith', primaryPhone: null },
    ])
  })

  it('customers.create writes one audit row in the same commit, and the chain verifies', async () => {
    const { call, services } = await start()
    const created = valueOf(await call<Customer>('customers.create', { name: 'Ana' }))
    valueOf(await call<Customer>('customers.create', { name: 'Bob' }))
    const rows = await services.requireDb().selectFrom('audit_log').selectAll().orderBy('id').execute()
    expect(rows.map((row) => [row.action, row.entity_type, row.entity_id, row.workstation_id, row.at])).toEqual([
      ['customer.create', 'customer', created.id, services.workstationId, NOW.toISOString()],
      ['customer.create', 'customer', created.id + 1, services.workstationId, NOW.toISOString()],
    ])
    expect(await verifyAuditChain(services.requireDb())).toEqual({ ok: true, rows: 2 })
  })

  it('customers.create tells open windows that data changed', async () => {
    const { call, services } = await start()
    const events: unknown[] = []
    services.events.subscribe((event, payload) => events.push([event, payload]))
    const created = valueOf(await call<Customer>('customers.create', { name: 'Ana' }))
    expect(events).toEqual([['data.changed', { entity: 'customer', id: created.id }]])
  })

  it('an empty name answers VALIDATION on "name" and writes nothing', async () => {
    const { call, services } = await start()
    const result = await call<Customer>('customers.create', { name: '   ', phones: [{ number: '5550102030' }] })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    if (!result.ok) expect(result.error.fields?.map((field) => field.path)).toEqual(['name'])
    await services.close()
    for (const table of ['customers', 'customer_phones', 'audit_log', 'search_words']) expect(countRows(table), table).toBe(0)
  })

  it('customers.get of a missing id answers NOT_FOUND', async () => {
    const { call } = await start()
    expect(await call('customers.get', { id: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('settings.updateShop then getShop returns the tidied settings and audits the change', async () => {
    const { call, services } = await start()
    expect(valueOf(await call<ShopSettings>('settings.getShop', {}))).toEqual({ shopName: '', shopPhone: '', shopAddress: '' })
    const saved = valueOf(
      await call<ShopSettings>('settings.updateShop', { shopName: ' Joe’s   Auto ', shopPhone: '555-0100', shopAddress: '1 Main St ' }),
    )
    expect(saved).toEqual({ shopName: 'Joe’s Auto', shopPhone: '555-0100', shopAddress: '1 Main St' })
    expect(valueOf(await call<ShopSettings>('settings.getShop', {}))).toEqual(saved)
    expect(await verifyAuditChain(services.requireDb())).toEqual({ ok: true, rows: 1 })
  })

  it('printing.listPrinters returns what the printer reports', async () => {
    const { call, printer } = await start()
    expect(valueOf(await call('printing.listPrinters', {}))).toEqual(await printer.listPrinters())
  })

  it('printing.printTestPage prints the escaped shop name and records the job', async () => {
    const { call, printer, services } = await start()
    valueOf(await call('settings.updateShop', { shopName: 'Joe <script>x()</script> & Co', shopPhone: '', shopAddress: '' }))
    const outcome = valueOf(await call<PrintOutcome>('printing.printTestPage', { printerName: 'front-desk' }))

    expect(outcome).toMatchObject({ status: 'printed', savedTo: null })
    expect(printer.requests).toHaveLength(1)
    const request = printer.requests[0]!
    expect(request.printerName).toBe('front-desk')
    expect(request.document.html).toContain('Joe &lt;script&gt;x()&lt;/script&gt; &amp; Co')
    expect(request.document.html).not.toContain('<script>')
    const row = await services.requireDb().selectFrom('print_jobs').selectAll().where('id', '=', outcome.printJobId).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ document_type: 'test-page', printer_name: 'front-desk', status: 'printed', error: '', workstation_id: services.workstationId })
    expect(row.finished_at).not.toBeNull()
  })

  it('printing.printTestPage records "saved" when the printer saves to a file', async () => {
    const { call, printer, services } = await start()
    printer.result = { savedTo: '/spool/test-page.pdf' }
    const outcome = valueOf(await call<PrintOutcome>('printing.printTestPage', {}))
    expect(outcome).toMatchObject({ status: 'printed', savedTo: '/spool/test-page.pdf' })
    expect(printer.requests[0]!.printerName).toBeNull()
    const row = await services.requireDb().selectFrom('print_jobs').selectAll().where('id', '=', outcome.printJobId).executeTakeFirstOrThrow()
    expect(row.status).toBe('saved')
  })

  it('a printer failure becomes a failed outcome and a failed print_jobs row with the message', async () => {
    const { call, printer, services, log } = await start()
    printer.failWith = new Error('Printer "front-desk" is offline')
    const outcome = valueOf(await call<PrintOutcome>('printing.printTestPage', { printerName: 'front-desk' }))
    expect(outcome).toMatchObject({ status: 'failed', savedTo: null })
    expect(outcome.message).toContain('Printer "front-desk" is offline')
    const row = await services.requireDb().selectFrom('print_jobs').selectAll().where('id', '=', outcome.printJobId).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'failed', error: 'Printer "front-desk" is offline' })
    expect(row.finished_at).not.toBeNull()
    expect(log.lines.some((line) => line.startsWith('ERROR test page failed to print'))).toBe(true)
  })
})

describe('a data folder holding a database from a newer version', () => {
  it('reports database-error DB_FROM_NEWER_VERSION, answers DB_UNAVAILABLE, and leaves the file untouched', async () => {
    dataDir = makeTempDir()
    const dbFile = dataPaths(dataDir).dbFile
    await writeDatabaseFromNewerVersion(dbFile)
    fs.rmSync(dataPaths(dataDir).backupsDir, { recursive: true, force: true })
    const before = fingerprint(dbFile)

    const { call, log } = await start()
    const status = valueOf(await call<AppStatus>('app.status', {}))
    expect(status).toMatchObject({ state: 'database-error', problem: 'DB_FROM_NEWER_VERSION', dataDir })
    for (const [method, input] of [
      ['customers.list', {}],
      ['customers.create', { name: 'Ana' }],
      ['customers.get', { id: 1 }],
      ['settings.getShop', {}],
      ['settings.updateShop', { shopName: 'A', shopPhone: '', shopAddress: '' }],
      ['printing.printTestPage', {}],
    ] as const) {
      expect(await call(method, input), method).toMatchObject({ ok: false, error: { code: 'DB_UNAVAILABLE' } })
    }
    expect(log.lines.some((line) => line.startsWith('ERROR database could not be opened'))).toBe(true)

    await started!.services.close()
    expect(fingerprint(dbFile)).toEqual(before)
    const wal = `${dbFile}-wal`
    if (fs.existsSync(wal)) expect(fs.statSync(wal).size).toBe(0)
    expect(fs.existsSync(dataPaths(dataDir).backupsDir)).toBe(false)
  })
})
