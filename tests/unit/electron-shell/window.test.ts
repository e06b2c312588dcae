import { describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => {
  const created: { options: Record<string, unknown>; once: Map<string, () => void>; shown: boolean }[] = []
  class BrowserWindow {
    record: (typeof created)[number]
    constructor(options: Record<string, unknown>) {
      this.record = { options, once: new Map(), shown: false }
      created.push(this.record)
    }
    once(event: string, listener: () => void) {
      this.record.once.set(event, listener)
    }
    show() {
      this.record.shown = true
    }
  }
  return { created, mod: { BrowserWindow } }
})
vi.mock('electron', () => electron.mod)

import { createMainWindow, SECURE_WEB_PREFERENCES } from '../../../electron/main/window'

describe('createMainWindow', () => {
  it('creates the window with context isolation and sandbox on, Node off, and the preload', async () => {
    const loads: unknown[] = []
    createMainWindow({ preloadFile: '/app/out/preload/index.js', load: async (win) => void loads.push(win) })
    const record = electron.created.at(-1)!
    const prefs = record.options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/out/preload/index.js',
    })
    expect(prefs).toMatchObject(SECURE_WEB_PREFERENCES)
    expect(record.options.title).toBe('Radio Code Desk')
    // Shown only when painted, so the desk never sees a white flash.
    expect(record.options.show).toBe(false)
    expect(record.shown).toBe(false)
    record.once.get('ready-to-show')!()
    expect(record.shown).toBe(true)
    expect(loads).toHaveLength(1)
  })
})
