import { describe, expect, it, vi, type Mock } from 'vitest'
import { createApiRouter, type CallSender, type Handlers } from '../../../electron/main/ipc/router'
import { createMemoryLogger } from '../../../electron/main/log'
import type { ApiMethod } from '../../../shared/api/contract'
import { AppError } from '../../../shared/api/errors'
import { API_METHODS } from '../../../shared/api/methods'

const TRUSTED: CallSender = { transport: 'electron-ipc', url: 'file:///app/index.html', webContentsId: 1 }
const UNTRUSTED: CallSender = { transport: 'electron-ipc', url: 'https://evil.example/', webContentsId: 2 }
const CONTEXT = { marker: 'context' }
const SECRET = 'SECRET-RADIO-CODE-4711'

type StubHandlers = Handlers<typeof CONTEXT> & Record<ApiMethod, Mock>

function setup(options: { mapError?: (error: unknown) => AppError | null } = {}) {
  const handlers = Object.fromEntries(API_METHODS.map((method) => [method, vi.fn(async () => ({ from: method }))])) as unknown as StubHandlers
  const log = createMemoryLogger()
  const router = createApiRouter({
    handlers,
    context: CONTEXT,
    isTrustedSender: (sender) => sender.url === TRUSTED.url && sender.webContentsId === TRUSTED.webContentsId,
    log,
    ...(options.mapError ? { mapError: options.mapError } : {}),
  })
  const noHandlerCalled = () => {
    for (const method of API_METHODS) expect(handlers[method], method).not.toHaveBeenCalled()
  }
  return { router, handlers, log, noHandlerCalled }
}

describe('createApiRouter', () => {
  it('calls the handler with the parsed input (defaults filled) and the context, and wraps the value', async () => {
    const { router, handlers } = setup()
    const result = await router(TRUSTED, 'customers.list', {})
    expect(result).toEqual({ ok: true, value: { from: 'customers.list' } })
    expect(handlers['customers.list']).toHaveBeenCalledExactlyOnceWith({ limit: 100 }, CONTEXT)
  })

  it('refuses an untrusted sender before looking at the method or input', async () => {
    const { router, log, noHandlerCalled } = setup()
    for (const [method, input] of [
      ['customers.list', {}],
      ['no.such', {}],
      ['customers.create', { name: '' }],
    ] as const) {
      const result = await router(UNTRUSTED, method, input)
      expect(result).toEqual({ ok: false, error: { code: 'UNTRUSTED_SENDER', message: expect.any(String) } })
    }
    noHandlerCalled()
    expect(log.lines.some((line) => line.startsWith('WARN') && line.includes('evil.example'))).toBe(true)
  })

  it('refuses unknown methods, including prototype names and non-strings', async () => {
    const { router, noHandlerCalled } = setup()
    const unknown: unknown[] = [
      'customers.delete',
      'customers',
      '',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'customers.create ',
      'CUSTOMERS.CREATE',
      42,
      null,
      undefined,
      {},
      ['customers.list'],
      Symbol('customers.list'),
      { toString: () => 'customers.list' },
    ]
    for (const method of unknown) {
      const result = await router(TRUSTED, method, {})
      expect(result, String(typeof method === 'symbol' ? 'symbol' : method)).toEqual({
        ok: false,
        error: { code: 'UNKNOWN_METHOD', message: expect.any(String) },
      })
    }
    noHandlerCalled()
  })

  it('answers VALIDATION with each field path and message, without calling the handler', async () => {
    const { router, noHandlerCalled } = setup()
    const result = await router(TRUSTED, 'customers.create', {
      name: '  ',
      email: 'nope',
      phones: [{ number: '5550102030' }, { number: '12' }],
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('VALIDATION')
    expect(result.error.fields).toEqual([
      { path: 'name', message: 'Enter the customer’s name.' },
      { path: 'phones.1.number', message: 'A phone number needs at least 7 digits.' },
      { path: 'email', message: 'That email address does not look complete.' },
    ])
    expect(result.error.message).toBe('Enter the customer’s name.')
    noHandlerCalled()
  })

  it('answers VALIDATION for malformed input of any shape', async () => {
    const { router, noHandlerCalled } = setup()
    const cases: Array<[string, unknown, string]> = [
      ['customers.get', { id: '1' }, 'id'],
      ['customers.get', { id: -1 }, 'id'],
      ['customers.get', { id: 1.5 }, 'id'],
      ['customers.get', {}, 'id'],
      ['customers.list', { limit: 501 }, 'limit'],
      ['customers.list', undefined, ''],
      ['app.status', null, ''],
      ['app.status', [], ''],
      ['app.status', 'x', ''],
      ['printing.printTestPage', { printerName: 'x'.repeat(201) }, 'printerName'],
    ]
    for (const [method, input, path] of cases) {
      const result = await router(TRUSTED, method, input)
      expect(result.ok, `${method} ${JSON.stringify(input)}`).toBe(false)
      if (result.ok) continue
      expect(result.error.code).toBe('VALIDATION')
      expect(result.error.fields?.map((field) => field.path)).toContain(path)
    }
    noHandlerCalled()
  })

  it('refuses unknown extra keys (the schemas are strict)', async () => {
    const { router, noHandlerCalled } = setup()
    const cases: Array<[string, unknown]> = [
      ['app.status', { debug: true }],
      ['customers.create', { name: 'Ana', isAdmin: true }],
      ['customers.get', { id: 1, include: 'codes' }],
      ['customers.list', { limit: 10, where: '1=1' }],
      ['settings.updateShop', { shopName: 'A', shopPhone: '', shopAddress: '', logoUrl: 'x' }],
      ['printing.printTestPage', { printerName: null, silent: true }],
    ]
    for (const [method, input] of cases) {
      const result = await router(TRUSTED, method, input)
      expect(result, method).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    noHandlerCalled()
  })

  it('passes an AppError through as its code, message and fields', async () => {
    const { router, handlers, log } = setup()
    handlers['customers.get'].mockRejectedValueOnce(new AppError('NOT_FOUND', 'That customer was not found.'))
    expect(await router(TRUSTED, 'customers.get', { id: 7 })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'That customer was not found.' },
    })
    const fields = [{ path: 'shopName', message: 'Taken.' }]
    handlers['settings.updateShop'].mockRejectedValueOnce(new AppError('CONFLICT', 'Changed elsewhere.', fields))
    expect(await router(TRUSTED, 'settings.updateShop', { shopName: 'A', shopPhone: '', shopAddress: '' })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'Changed elsewhere.', fields },
    })
    expect(log.lines.filter((line) => line.startsWith('ERROR'))).toEqual([])
  })

  it('logs an AppError with code INTERNAL', async () => {
    const { router, handlers, log } = setup()
    handlers['app.status'].mockRejectedValueOnce(new AppError('INTERNAL', 'Disk full.'))
    expect(await router(TRUSTED, 'app.status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: 'Disk full.' } })
    expect(log.lines.some((line) => line.startsWith('ERROR call app.status failed'))).toBe(true)
  })

  it('uses mapError for errors it knows, and INTERNAL when mapError returns null', async () => {
    const known = Object.assign(new Error('UNIQUE constraint failed: vehicles.vin'), { code: 'DUPLICATE_FROM_ENGINE' })
    const mapError = vi.fn((error: unknown) => (error === known ? new AppError('DUPLICATE', 'Already exists.') : null))
    const { router, handlers } = setup({ mapError })
    handlers['customers.create'].mockRejectedValueOnce(known)
    expect(await router(TRUSTED, 'customers.create', { name: 'Ana' })).toEqual({
      ok: false,
      error: { code: 'DUPLICATE', message: 'Already exists.' },
    })
    handlers['customers.create'].mockRejectedValueOnce(new Error('other'))
    expect(await router(TRUSTED, 'customers.create', { name: 'Ana' })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(mapError).toHaveBeenCalledTimes(2)
  })

  it('reports an unexpected error as INTERNAL with a generic message; the stack goes only to the log', async () => {
    const { router, handlers, log } = setup()
    const boom = new Error('SQLITE_IOERR at /home/desk/radio-code-desk.sqlite')
    handlers['customers.list'].mockRejectedValueOnce(boom)
    const result = await router(TRUSTED, 'customers.list', {})
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Something went wrong and nothing was saved. The details are in the log.' },
    })
    const envelope = JSON.stringify(result)
    expect(envelope).not.toContain('SQLITE_IOERR')
    expect(envelope).not.toContain('radio-code-desk.sqlite')
    expect(envelope).not.toContain('router.test')
    const errorLine = log.lines.find((line) => line.startsWith('ERROR call customers.list failed'))
    expect(errorLine).toBeDefined()
    expect(errorLine).toContain(boom.stack!)
  })

  it('reports a thrown non-Error as INTERNAL', async () => {
    const { router, handlers } = setup()
    handlers['app.status'].mockRejectedValueOnce('a string')
    handlers['customers.list'].mockRejectedValueOnce(undefined)
    expect(await router(TRUSTED, 'app.status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(await router(TRUSTED, 'customers.list', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })

  it('never writes call inputs to the log, whatever happens to the call', async () => {
    const { router, handlers, log } = setup()
    const input = { name: 'Ana', notes: `code is ${SECRET}`, phones: [{ number: '5550102030', label: SECRET.slice(0, 20) }] }
    handlers['customers.create'].mockRejectedValueOnce(new Error('database exploded'))
    handlers['customers.create'].mockRejectedValueOnce(new AppError('INTERNAL', 'Disk full.'))
    handlers['customers.create'].mockRejectedValueOnce(new AppError('CONFLICT', 'Busy.'))

    await router(TRUSTED, 'customers.create', input) // unexpected error
    await router(TRUSTED, 'customers.create', input) // AppError INTERNAL
    await router(TRUSTED, 'customers.create', input) // AppError CONFLICT
    await router(TRUSTED, 'customers.create', input) // success
    await router(TRUSTED, 'customers.create', { ...input, email: SECRET }) // validation failure
    await router(TRUSTED, 'customers.create', { ...input, [SECRET]: 1 }) // unknown key
    await router(UNTRUSTED, 'customers.create', input) // untrusted sender
    await router(TRUSTED, 'customers.destroy', input) // unknown method

    expect(log.lines.length).toBeGreaterThanOrEqual(4)
    for (const line of log.lines) expect(line).not.toContain(SECRET.slice(0, 12))
  })
})
