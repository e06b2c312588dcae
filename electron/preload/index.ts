import { contextBridge, ipcRenderer } from 'electron'
import { buildApiBridge } from '../../shared/api/bridge'
import { IPC_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/api/transport'

/*
 * Exposes exactly the contract: one named async function per method and a
 * filtered on(). No ipcRenderer, no Node, no event objects (they carry sender).
 */
contextBridge.exposeInMainWorld(
  'api',
  buildApiBridge(
    (method, input) => ipcRenderer.invoke(IPC_CHANNEL, method, input),
    (event, listener) => {
      const channel = `${IPC_EVENT_CHANNEL}:${event}`
      const handler = (_event: unknown, payload: unknown) => listener(payload)
      ipcRenderer.on(channel, handler)
      return () => {
        ipcRenderer.removeListener(channel, handler)
      }
    },
  ),
)
