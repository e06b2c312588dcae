import { randomBytes, timingSafeEqual } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { build } from 'esbuild'
import { API_EVENTS } from '../../shared/api/methods'
import { createAppRouter } from '../main/create-router'
import type { Logger } from '../main/log'
import type { Printer } from '../main/printing/printer'
import { startAppServices, type AppServices } from '../main/services/app-services'
import { noSystemKeyStore } from '../main/services/security'
import type { VinDecoder } from '../main/vin-decoder'
import { MAX_IMPORT_BYTES } from '../../shared/domain/csv-import'

/*
 * The browser preview: the built renderer served on 127.0.0.1, with contract
 * calls carried over HTTP to the same router, handlers and services the
 * Electron main process uses. For development and end-to-end tests only;
 * electron-builder never packs this folder.
 */

export interface PreviewServerOptions {
  readonly dataDir: string
  readonly rendererDir: string
  readonly printer: Printer
  readonly log: Logger
  readonly appVersion: string
  readonly port?: number
  readonly now?: () => Date
  /**
   * Unlock the code vault with a built-in test key instead of asking for a
   * passphrase. For throwaway data and tests only: anyone with the data folder
   * can read codes stored this way.
   */
  readonly testKey?: boolean
  readonly vinDecoder?: VinDecoder
}

export interface PreviewServer {
  /** Open this URL; it carries the per-run token in its fragment. */
  readonly url: string
  readonly origin: string
  readonly token: string
  readonly services: AppServices
  close(): Promise<void>
}

/*
 * Room for the largest call the contract accepts: a CSV import sends up to
 * MAX_IMPORT_BYTES as base64 (4/3 larger) inside JSON. Bodies are read only
 * after the origin and token checks.
 */
const MAX_BODY_BYTES = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 1_000_000
const BRIDGE_PATH = '/__preview__/bridge.js'
const API_PATH = '/__preview__/api'
const EVENTS_PATH = '/__preview__/events'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

async function bundleBridge(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(__dirname, 'bridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  })
  const file = result.outputFiles[0]
  if (!file) throw new Error('bundling the preview bridge produced no output')
  return file.text
}

function tokensMatch(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
  })
  res.end(body)
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** Starts services and the loopback server. The caller closes it. */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const indexFile = path.join(options.rendererDir, 'index.html')
  if (!fs.existsSync(indexFile)) {
    throw new Error(`No built renderer at ${indexFile}. Run "npm run build" first (npm run preview:web does).`)
  }
  const bridgeJs = await bundleBridge()
  const indexHtml = fs
    .readFileSync(indexFile, 'utf8')
    .replace('<script', `<script src=".${BRIDGE_PATH}"></script>\n    <script`)
  const token = randomBytes(24).toString('base64url')
  const services = await startAppServices({
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    printer: options.printer,
    log: options.log,
    ...(options.now ? { now: options.now } : {}),
    ...(options.vinDecoder ? { vinDecoder: options.vinDecoder } : {}),
    keyStore: noSystemKeyStore({ testKey: options.testKey === true }),
  })

  let origin = ''
  const router = createAppRouter(services, (sender) => sender.transport === 'web-preview' && sender.url === origin)
  const eventClients = new Set<http.ServerResponse>()
  const unsubscribe = services.events.subscribe((event, payload) => {
    for (const client of eventClients) client.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)
  })

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      options.log.error('preview request failed', error)
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error')
    })
  })

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // DNS-rebinding guard: only requests addressed to our own loopback host.
    if (req.headers.host !== new URL(origin).host) return send(res, 421, 'text/plain', 'wrong host')
    const url = new URL(req.url ?? '/', origin)

    if (url.pathname === API_PATH) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only')
      if (req.headers.origin !== undefined && req.headers.origin !== origin) {
        return send(res, 403, 'text/plain', 'cross-origin call refused')
      }
      if (!tokensMatch(token, req.headers['x-preview-token'])) return send(res, 403, 'text/plain', 'bad token')
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 415, 'text/plain', 'JSON only')
      }
      let call: { method?: unknown; input?: unknown }
      try {
        call = JSON.parse(await readBody(req)) as { method?: unknown; input?: unknown }
      } catch {
        return send(res, 400, 'text/plain', 'malformed request')
      }
      const result = await router({ url: origin, transport: 'web-preview' }, call?.method, call?.input)
      return send(res, 200, 'application/json', JSON.stringify(result))
    }

    if (url.pathname === EVENTS_PATH) {
      if (!tokensMatch(token, url.searchParams.get('token'))) return send(res, 403, 'text/plain', 'bad token')
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
      res.write(`: events ${API_EVENTS.join(',')}\n\n`)
      eventClients.add(res)
      req.on('close', () => eventClients.delete(res))
      return
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'GET only')
    if (url.pathname === BRIDGE_PATH) return send(res, 200, CONTENT_TYPES['.js']!, bridgeJs)
    if (url.pathname === '/' || url.pathname === '/index.html') return send(res, 200, CONTENT_TYPES['.html']!, indexHtml)

    // Static files from the built renderer only; no path escapes it.
    const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '')
    const file = path.resolve(options.rendererDir, relative)
    if (!file.startsWith(path.resolve(options.rendererDir) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return send(res, 404, 'text/plain', 'not found')
    }
    return send(res, 200, CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file))
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    services,
    async close() {
      unsubscribe()
      for (const client of eventClients) client.end()
      // Start closing, then drop idle keep-alive sockets: a socket the browser
      // opened but never used would otherwise hold close() for minutes.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
      await services.close()
    },
  }
}
