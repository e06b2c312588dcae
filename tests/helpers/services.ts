import type { PrinterInfo } from '../../shared/domain/printing'
import { createAppRouter } from '../../electron/main/create-router'
import type { ApiRouter, CallSender } from '../../electron/main/ipc/router'
import { createMemoryLogger } from '../../electron/main/log'
import type { Printer, PrintRequest, PrintResult } from '../../electron/main/printing/printer'
import { startAppServices, type AppServices } from '../../electron/main/services/app-services'
import { noSystemKeyStore, type KeyStoreAccess } from '../../electron/main/services/security'
import type { VinDecoder, VinDecodeSuggestion } from '../../electron/main/vin-decoder'

/** The only sender createTestRouter trusts. */
export const TRUSTED_SENDER: CallSender = Object.freeze({
  transport: 'electron-ipc',
  url: 'file:///app/index.html',
  webContentsId: 1,
})

export const FAKE_PRINTERS: readonly PrinterInfo[] = [
  { name: 'front-desk', displayName: 'Front desk printer', isDefault: true },
]

/** An in-memory Printer that records every request. Set `failWith` to make print() throw it. */
export interface FakePrinter extends Printer {
  readonly requests: PrintRequest[]
  failWith: Error | null
  /** What print() returns when it succeeds. */
  result: PrintResult
}

export function createFakePrinter(): FakePrinter {
  const printer: FakePrinter = {
    requests: [],
    failWith: null,
    result: { savedTo: null },
    async listPrinters() {
      return FAKE_PRINTERS
    },
    async print(request) {
      printer.requests.push(request)
      if (printer.failWith) throw printer.failWith
      return printer.result
    },
  }
  return printer
}

/**
 * A VIN decoder that answers from a table, so tests that do not exercise
 * decoding skip unpacking the real 75 MB vPIC database.
 */
export interface FakeVinDecoder extends VinDecoder {
  readonly decoded: string[]
  readonly answers: Map<string, VinDecodeSuggestion>
}

export function createFakeVinDecoder(): FakeVinDecoder {
  const decoder: FakeVinDecoder = {
    decoded: [],
    answers: new Map(),
    async decode(vin) {
      decoder.decoded.push(vin)
      return decoder.answers.get(vin) ?? null
    },
    async close() {},
  }
  return decoder
}

export interface TestServices {
  readonly services: AppServices
  readonly log: ReturnType<typeof createMemoryLogger>
  readonly printer: FakePrinter
  readonly vinDecoder: FakeVinDecoder
}

/**
 * Starts the real AppServices on `dataDir` (a temp dir), with a memory logger
 * and a fake printer. Call `services.close()` before removing the dir.
 */
export async function startTestServices(
  dataDir: string,
  options: {
    readonly now?: () => Date
    readonly appVersion?: string
    /** This computer's key store; the built-in test key unless given (see tests/helpers/fake-key-store.ts for another computer's). */
    readonly keyStore?: KeyStoreAccess
  } = {},
): Promise<TestServices> {
  const log = createMemoryLogger()
  const printer = createFakePrinter()
  const vinDecoder = createFakeVinDecoder()
  const services = await startAppServices({
    dataDir,
    appVersion: options.appVersion ?? '0.0.0-test',
    printer,
    log,
    vinDecoder,
    keyStore: options.keyStore ?? noSystemKeyStore({ testKey: true }),
    // Cheap PIN hashes: these tests are about behaviour, not hash strength (tests/unit/staff measures that).
    pinHashCost: { N: 2 ** 10, r: 8, p: 1 },
    ...(options.now ? { now: options.now } : {}),
  })
  return { services, log, printer, vinDecoder }
}

export function isTrustedTestSender(sender: CallSender): boolean {
  return (
    sender.transport === TRUSTED_SENDER.transport &&
    sender.url === TRUSTED_SENDER.url &&
    sender.webContentsId === TRUSTED_SENDER.webContentsId
  )
}

/**
 * The real router and handlers over `services`, trusting only TRUSTED_SENDER.
 * Access control (sign-in required) is off unless asked for: most integration
 * tests are about one feature, and tests/integration/access-control.test.ts
 * covers the guard itself.
 */
export function createTestRouter(services: AppServices, options: { accessControl?: boolean } = {}): ApiRouter {
  return createAppRouter(services, isTrustedTestSender, { accessControl: options.accessControl ?? false })
}
