import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { beforeAll, describe, expect, it } from 'vitest'
import { API_METHODS } from '../../../shared/api/methods'
import { IPC_CHANNEL, IPC_EVENT_CHANNEL } from '../../../shared/api/transport'

/*
 * Loads the BUILT preload bundle (what Electron actually runs) in a VM with a
 * fake `electron` module, and checks what it puts on window.
 */

const PRELOAD = path.resolve(__dirname, '../../../out/preload/index.js')

interface Loaded {
  exposed: Map<string, unknown>
  invokes: unknown[][]
  listeners: Map<string, (...args: unknown[]) => void>
  requires: string[]
}

function loadPreload(): Loaded {
  const loaded: Loaded = { exposed: new Map(), invokes: [], listeners: new Map(), requires: [] }
  const fakeElectron = {
    contextBridge: {
      exposeInMainWorld: (key: string, value: unknown) => loaded.exposed.set(key, value),
    },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        loaded.invokes.push(args)
        return Promise.resolve({ ok: true, value: 'from-main' })
      },
      on: (channel: string, handler: (...args: unknown[]) => void) => loaded.listeners.set(channel, handler),
      removeListener: (channel: string) => loaded.listeners.delete(channel),
    },
  }
  const module = { exports: {} }
  const sandbox = {
    module,
    exports: module.exports,
    require: (name: string) => {
      loaded.requires.push(name)
      if (name === 'electron') return fakeElectron
      throw new Error(`the sandboxed preload may not require ${name}`)
    },
  }
  vm.runInNewContext(fs.readFileSync(PRELOAD, 'utf8'), sandbox, { filename: PRELOAD })
  return loaded
}

describe('preload bundle', () => {
  beforeAll(() => {
    if (!fs.existsSync(PRELOAD)) throw new Error(`${PRELOAD} is missing: run "npm run build" before the unit tests`)
  })

  it('requires nothing but electron (a sandboxed preload cannot)', () => {
    expect(loadPreload().requires).toEqual(['electron'])
  })

  it('exposes one object, window.api, with exactly the contract methods and on()', () => {
    const { exposed } = loadPreload()
    expect([...exposed.keys()]).toEqual(['api'])
    const api = exposed.get('api') as Record<string, Record<string, unknown> | unknown>
    const exposedMethods: string[] = []
    for (const [namespace, table] of Object.entries(api)) {
      if (namespace === 'on') continue
      for (const [name, fn] of Object.entries(table as Record<string, unknown>)) {
        expect(typeof fn).toBe('function')
        exposedMethods.push(`${namespace}.${name}`)
      }
    }
    expect(exposedMethods.sort()).toEqual([...API_METHODS].sort())
    expect(typeof api.on).toBe('function')
    expect(Object.keys(api).sort()).toEqual([...new Set(API_METHODS.map((m) => m.split('.')[0]))].concat('on').sort())
    // Nothing that leaks Electron or Node to the page.
    const json = JSON.stringify(Object.keys(api))
    for (const leaked of ['ipcRenderer', 'invoke', 'send', 'require', 'process', 'shell']) expect(json).not.toContain(leaked)
  })

  it('sends each call on the one channel with its method name and input', async () => {
    const { exposed, invokes } = loadPreload()
    const api = exposed.get('api') as { customers: { get: (input: unknown) => Promise<unknown> } }
    await expect(api.customers.get({ id: 7 })).resolves.toEqual({ ok: true, value: 'from-main' })
    expect(invokes).toEqual([[IPC_CHANNEL, 'customers.get', { id: 7 }]])
  })

  it('on() accepts only declared events and passes the payload without the IPC event object', () => {
    const { exposed, listeners } = loadPreload()
    const api = exposed.get('api') as { on: (event: string, listener: (payload: unknown) => void) => () => void }
    expect(() => api.on('ipc-internal', () => undefined)).toThrow(/Unknown event/)
    const received: unknown[] = []
    const unsubscribe = api.on('data.changed', (...args: unknown[]) => received.push(args))
    const channel = `${IPC_EVENT_CHANNEL}:data.changed`
    listeners.get(channel)!({ sender: 'secret-ipc-event' }, { entity: 'customer', id: 3 })
    expect(received).toEqual([[{ entity: 'customer', id: 3 }]])
    unsubscribe()
    expect(listeners.has(channel)).toBe(false)
  })
})
