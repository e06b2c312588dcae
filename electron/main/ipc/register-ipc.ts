import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { IPC_CHANNEL } from '../../../shared/api/transport'
import type { ApiRouter } from './router'

/** Carries contract calls from the preload to the router; the only ipcMain user. */
export function registerIpc(router: ApiRouter): void {
  ipcMain.handle(IPC_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, input: unknown) =>
    router({ url: event.senderFrame?.url ?? null, transport: 'electron-ipc', webContentsId: event.sender.id }, method, input),
  )
}
