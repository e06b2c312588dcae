import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * This machine's id for audit rows and per-workstation printer settings.
 *
 * Kept in the data folder, not the database, because a future shop server
 * holds one database for several workstations.
 */
export function readOrCreateWorkstationIdSync(file: string): string {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { id?: unknown }
    if (typeof parsed.id === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(parsed.id)) return parsed.id
  } catch {
    // Missing or unreadable: make a new id below.
  }
  const id = randomUUID()
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, JSON.stringify({ id }, null, 2) + '\n', { mode: 0o600 })
  return id
}
