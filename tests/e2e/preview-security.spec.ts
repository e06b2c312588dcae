import { API_METHODS } from '../../shared/api/methods'
import { expect, test } from './fixtures'

test.describe('browser preview security', () => {
  test('window.api exposes exactly the contract methods plus on(), frozen', async ({ app }) => {
    const surface = await app.page.evaluate(() => {
      const api = (window as unknown as { api: Record<string, unknown> }).api
      const methods: string[] = []
      const topLevel = Object.keys(api)
      for (const [namespace, table] of Object.entries(api)) {
        if (typeof table === 'object' && table !== null) {
          for (const [name, fn] of Object.entries(table)) if (typeof fn === 'function') methods.push(`${namespace}.${name}`)
        }
      }
      return {
        topLevel: topLevel.sort(),
        methods: methods.sort(),
        onIsFunction: typeof api['on'] === 'function',
        frozen: Object.isFrozen(api) && Object.values(api).every((value) => typeof value === 'function' || Object.isFrozen(value)),
        writable: Object.getOwnPropertyDescriptor(window, 'api')?.writable,
      }
    })
    const namespaces = [...new Set(API_METHODS.map((method) => method.split('.')[0]!))]
    expect(surface.methods).toEqual([...API_METHODS].sort())
    expect(surface.topLevel).toEqual([...namespaces, 'on'].sort())
    expect(surface.onIsFunction).toBe(true)
    expect(surface.frozen).toBe(true)
    expect(surface.writable).toBe(false)
  })

  test('the API endpoint refuses calls without the right token', async ({ app }) => {
    const { server } = app
    const endpoint = `${server.origin}/__preview__/api`
    const body = JSON.stringify({ method: 'customers.list', input: {} })
    const call = (headers: Record<string, string>) =>
      fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })

    expect((await call({})).status).toBe(403)
    expect((await call({ 'x-preview-token': 'not-the-token' })).status).toBe(403)
    const withToken = await call({ 'x-preview-token': server.token })
    expect(withToken.status).toBe(200)
    expect(await withToken.json()).toEqual({ ok: true, value: [] })
  })

  test('a CSV file of several megabytes reaches the import (the body limit fits the contract, not 1 MB)', async ({ app }) => {
    const { server } = app
    const rows = Array.from({ length: 60_000 }, (_, i) => `Customer ${i},555-01${String(i % 100).padStart(2, '0')}`)
    const csv = ['Name,Phone', ...rows].join('\r\n')
    expect(csv.length).toBeGreaterThan(1_400_000)
    const response = await fetch(`${server.origin}/__preview__/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-preview-token': server.token },
      body: JSON.stringify({ method: 'csv.preview', input: { fileBase64: Buffer.from(csv, 'utf8').toString('base64') } }),
    })
    expect(response.status).toBe(200)
    const result = (await response.json()) as { ok: boolean; value?: { headers?: readonly string[] } }
    expect(result.ok).toBe(true)
    expect(result.value?.headers).toEqual(['Name', 'Phone'])
  })

  test.describe('from inside the page', () => {
    // The refused call below is logged by the browser as a failed resource.
    test.use({ allowConsoleErrors: true })

    test('a same-origin call without the token is refused too', async ({ app }) => {
      const status = await app.page.evaluate(async () => {
        const response = await fetch('./__preview__/api', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ method: 'customers.list', input: {} }),
        })
        return response.status
      })
      expect(status).toBe(403)
    })
  })

  test('unknown methods and malformed input come back as UNKNOWN_METHOD and VALIDATION envelopes', async ({ app }) => {
    const { page, server } = app
    const results = await page.evaluate(async () => {
      const api = (window as unknown as { api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> }).api
      const token = sessionStorage.getItem('radio-code-desk-preview-token') ?? ''
      const raw = async (method: unknown, input: unknown) => {
        const response = await fetch('./__preview__/api', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-preview-token': token },
          body: JSON.stringify({ method, input }),
        })
        return response.json() as Promise<unknown>
      }
      return {
        noDeleteMethod: typeof api['customers']?.['delete'],
        nameNotAString: await api['customers']!['create']!({ name: 42 }),
        extraKey: await api['customers']!['create']!({ name: 'Dana', isAdmin: true }),
        badId: await api['customers']!['get']!({ id: -1 }),
        notAnObject: await api['customers']!['list']!('everything'),
        unknownMethod: await raw('customers.delete', { id: 1 }),
        prototypeKey: await raw('__proto__', {}),
        constructorKey: await raw('constructor', {}),
        notAString: await raw(['app.status'], {}),
      }
    })
    expect(results.noDeleteMethod).toBe('undefined')
    for (const key of ['nameNotAString', 'extraKey', 'badId', 'notAnObject'] as const) {
      expect(results[key], key).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    expect(results.nameNotAString).toMatchObject({ error: { fields: [{ path: 'name' }] } })
    expect(results.badId).toMatchObject({ error: { fields: [{ path: 'id' }] } })
    for (const key of ['unknownMethod', 'prototypeKey', 'constructorKey', 'notAString'] as const) {
      expect(results[key], key).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'That action does not exist.' } })
    }
    // None of it reached the database.
    expect(await server.services.requireDb().selectFrom('customers').selectAll().execute()).toEqual([])
  })
})
