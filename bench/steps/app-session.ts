import { createAppRouter } from '../../electron/main/create-router'
import type { CallSender } from '../../electron/main/ipc/router'
import { createMemoryLogger } from '../../electron/main/log'
import type { Printer } from '../../electron/main/printing/printer'
import { startAppServices, type AppServices } from '../../electron/main/services/app-services'
import { noSystemKeyStore } from '../../electron/main/services/security'
import type { ApiResult } from '../../shared/api/errors'
import { noVinDecoder } from '../generator/generate'

/*
 * The app as the benchmark drives it: the real services on a data folder,
 * the real router and handlers with access control on, and the manager
 * signed in. Only the IPC transport is missing. No backup timer and no exit
 * backup, so read-only benchmarks leave the cached database as it was.
 */

const BENCH_SENDER: CallSender = Object.freeze({ transport: 'electron-ipc', url: 'file:///app/index.html', webContentsId: 1 })

const noPrinter: Printer = {
  async listPrinters() {
    return []
  },
  async print() {
    throw new Error('No printer in this benchmark step.')
  },
}

export interface AppSession {
  readonly services: AppServices
  call<T>(method: string, input: unknown): Promise<T>
  close(): Promise<void>
}

export async function openAppSession(dataDir: string, managerId: number, printer: Printer = noPrinter): Promise<AppSession> {
  const log = createMemoryLogger()
  const services = await startAppServices({
    dataDir,
    appVersion: 'bench',
    printer,
    log,
    vinDecoder: noVinDecoder,
    keyStore: noSystemKeyStore({ testKey: true }),
    backupSchedule: false,
    exitBackupTimeoutMs: 0,
    // The benchmark may run longer than the desk's idle sign-out.
    idleTimeoutMs: 24 * 3600 * 1000,
  })
  if (services.status.state !== 'ready') throw new Error(`The app did not start: ${JSON.stringify(services.status)}`)
  services.requireSecurity().session.signIn(managerId)
  const router = createAppRouter(services, (sender) => sender === BENCH_SENDER)
  return {
    services,
    async call<T>(method: string, input: unknown): Promise<T> {
      const result = (await router(BENCH_SENDER, method, input)) as ApiResult<T>
      if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error).slice(0, 600)}\n${log.lines.slice(-3).join('\n')}`)
      return result.value
    },
    close: () => services.close(),
  }
}
