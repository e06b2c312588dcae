import { describe, expect, it, vi } from 'vitest'
import { IPC_CHANNEL } from '../../../shared/api/transport'

const electron = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>()
  return { handlers, mod: { ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn) } } }
})
vi.mock('electron', () => electron.mod)

import { registerIpc } from '../../../electron/main/ipc/register-ipc'
import type { CallSender } from '../../../electron/main/ipc/router'

describe('registerIpc', () => {
  it('hands the router the sending frame URL and webContents id, never the event object', async () => {
    const calls: [CallSender, unknown, unknown][] = []
    registerIpc(async (sender, method, input) => {
      calls.push([sender, method, input])
      return { ok: true, value: null }
    })
    const handler = electron.handlers.get(IPC_CHANNEL)!
    await handler({ senderFrame: { url: 'file:///app/index.html' }, sender: { id: 4 } }, 'app.status', {})
    await handler({ senderFrame: null, sender: { id: 9 } }, 'customers.list', { limit: 1 })
    expect(calls).toEqual([
      [{ url: 'file:///app/index.html', transport: 'electron-ipc', webContentsId: 4 }, 'app.status', {}],
      [{ url: null, transport: 'electron-ipc', webContentsId: 9 }, 'customers.list', { limit: 1 }],
    ])
  })
})
