import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

/*
 * Initial renderer JavaScript: the entry script of out/renderer/index.html
 * and every chunk it imports statically (transitively), gzip level 9. Chunks
 * reached only through import() load on demand and are listed separately.
 */

export interface RendererSize {
  readonly initialGzipBytes: number
  readonly initialRawBytes: number
  readonly initialChunks: readonly string[]
  readonly lazyChunks: readonly { readonly file: string; readonly gzipBytes: number }[]
}

const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[\w$*{},\s]+?\s*from\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g
const DYNAMIC_IMPORT = /import\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g

export function measureRendererSize(rendererDir: string): RendererSize {
  const html = fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8')
  const entries = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => m[1]!)
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]!)
  if (entries.length === 0) throw new Error(`No entry script in ${rendererDir}/index.html`)
  const initial = new Set<string>()
  const lazy = new Set<string>()
  const visit = (file: string) => {
    const full = path.resolve(rendererDir, file)
    if (initial.has(full)) return
    initial.add(full)
    const code = fs.readFileSync(full, 'utf8')
    for (const m of code.matchAll(DYNAMIC_IMPORT)) lazy.add(path.resolve(path.dirname(full), m[1]!))
    for (const m of code.matchAll(STATIC_IMPORT)) visit(path.relative(rendererDir, path.resolve(path.dirname(full), m[1]!)))
  }
  for (const file of [...entries, ...preloads]) visit(file)
  let gz = 0
  let raw = 0
  for (const file of initial) {
    const bytes = fs.readFileSync(file)
    raw += bytes.length
    gz += gzipSync(bytes, { level: 9 }).length
  }
  return {
    initialGzipBytes: gz,
    initialRawBytes: raw,
    initialChunks: [...initial].map((f) => path.relative(rendererDir, f)),
    lazyChunks: [...lazy]
      .filter((f) => !initial.has(f))
      .map((f) => ({ file: path.relative(rendererDir, f), gzipBytes: gzipSync(fs.readFileSync(f), { level: 9 }).length })),
  }
}
