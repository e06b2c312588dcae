import { beforeEach, describe, expect, it, vi } from 'vitest'

/*
 * The Electron shell's security hooks, driven with a fake `electron` module
 * (the real one cannot run here). Proves navigation, new windows, webviews
 * and permissions are denied, and links go out only through the validator.
 */

const electron = vi.hoisted(() => {
  const appListeners = new Map<string, (...args: unknown[]) => void>()
  const state = {
    appListeners,
    opened: [] as string[],
    permissionRequestHandler: null as null | ((...args: unknown[]) => void),
    permissionCheckHandler: null as null | ((...args: unknown[]) => boolean),
  }
  const mod = {
    app: {
      on: (event: string, listener: (...args: unknown[]) => void) => appListeners.set(event, listener),
      whenReady: () => Promise.resolve(),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: (...args: unknown[]) => void) => (state.permissionRequestHandler = handler),
        setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => (state.permissionCheckHandler = handler),
      },
    },
    shell: {
      openExternal: async (url: string) => {
        state.opened.push(url)
      },
    },
  }
  return { state, mod }
})
vi.mock('electron', () => electron.mod)

import { installSecurityHooks } from '../../../electron/main/security'

class FakeContents {
  listeners = new Map<string, (event: { preventDefault: () => void }, url?: string) => void>()
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  on(event: string, listener: (event: { preventDefault: () => void }, url?: string) => void) {
    this.listeners.set(event, listener)
    return this
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler
  }
  fire(event: string, url?: string): boolean {
    let prevented = false
    this.listeners.get(event)!({ preventDefault: () => (prevented = true) }, url)
    return prevented
  }
}

const APP_URL = 'file:///opt/Radio%20Code%20Desk/resources/app.asar/out/renderer/index.html'

function newContents(): FakeContents {
  const contents = new FakeContents()
  electron.state.appListeners.get('web-contents-created')!({}, contents)
  return contents
}

describe('installSecurityHooks', () => {
  beforeEach(async () => {
    electron.state.appListeners.clear()
    electron.state.opened.length = 0
    installSecurityHooks((url) => url.startsWith(APP_URL))
    await Promise.resolve()
  })

  it('denies navigation and redirects away from the app, allows the app itself', () => {
    const contents = newContents()
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true)
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(contents.fire('will-redirect', 'https://evil.example/')).toBe(true)
    expect(contents.fire('will-navigate', `${APP_URL}#/customers`)).toBe(false)
  })

  it('denies every new window and opens only validated https links in the OS browser', async () => {
    const contents = newContents()
    expect(contents.windowOpenHandler!({ url: 'https://owners.honda.com/radio-nav-code' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler!({ url: 'file:///C:/Windows/System32/calc.exe' })).toEqual({ action: 'deny' })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(electron.state.opened).toEqual(['https://owners.honda.com/radio-nav-code'])
  })

  it('refuses to attach webviews', () => {
    expect(newContents().fire('will-attach-webview')).toBe(true)
  })

  it('denies every permission request and check', () => {
    const decisions: boolean[] = []
    electron.state.permissionRequestHandler!({}, 'media', (granted: boolean) => decisions.push(granted))
    electron.state.permissionRequestHandler!({}, 'geolocation', (granted: boolean) => decisions.push(granted))
    expect(decisions).toEqual([false, false])
    expect(electron.state.permissionCheckHandler!({}, 'clipboard-read')).toBe(false)
  })
})
