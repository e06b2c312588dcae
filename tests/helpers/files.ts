import { createHash } from 'node:crypto'
import fs from 'node:fs'

/** sha256 of a file's bytes, or null when the file does not exist. */
export function sha256OfFile(file: string): string | null {
  if (!fs.existsSync(file)) return null
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex')
}

/** What "the file was not touched" means in tests: same bytes, same mtime. */
export function fingerprint(file: string): { sha256: string | null; mtimeMs: number | null; size: number | null } {
  if (!fs.existsSync(file)) return { sha256: null, mtimeMs: null, size: null }
  const stat = fs.statSync(file)
  return { sha256: sha256OfFile(file), mtimeMs: stat.mtimeMs, size: stat.size }
}
