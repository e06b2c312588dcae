import fs from 'node:fs'
import BetterSqlite3 from 'better-sqlite3'
import type { BackupCheck, BackupContents } from '../../shared/domain/backup'
import { MIGRATION_NAMES } from './migrations'

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

/** Tables a Radio Code Desk database always has; a SQLite file without them is someone else's. */
const REQUIRED_TABLES = ['kysely_migration', 'customers', 'vehicles', 'radios', 'radio_codes', 'audit_log', 'vault_keys']

export interface InspectOptions {
  /** integrity_check instead of quick_check (slower: O(N log N)); default quick_check. */
  readonly thorough?: boolean
  /**
   * Skip the page check and only read the schema and counts (listing many
   * backups: each was quick_check'ed when written, and restore re-checks).
   */
  readonly countsOnly?: boolean
}

/**
 * Reads a backup (or any candidate file) read-only and says whether it can be
 * restored and what it holds. Never writes to the file and never throws for a
 * bad file: garbage, truncated, damaged, foreign and newer-version files come
 * back as a refusal with a message for the screen.
 */
export function inspectBackupFileSync(file: string, options: InspectOptions = {}): BackupCheck {
  let header: Buffer
  try {
    const stat = fs.statSync(file)
    if (!stat.isFile()) return refuse('NOT_FOUND', `${file} is not a file.`)
    header = Buffer.alloc(SQLITE_HEADER.length)
    const fd = fs.openSync(file, 'r')
    try {
      fs.readSync(fd, header, 0, header.length, 0)
    } finally {
      fs.closeSync(fd)
    }
  } catch {
    return refuse('NOT_FOUND', `The backup file ${file} cannot be found or read.`)
  }
  if (!header.equals(SQLITE_HEADER)) {
    return refuse('NOT_SQLITE', `${file} is not a database file (it may be damaged, or some other kind of file).`)
  }

  let sqlite: BetterSqlite3.Database
  try {
    sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  } catch (error) {
    return refuse('DAMAGED', `${file} cannot be opened: ${messageOf(error)}`)
  }
  try {
    let check: unknown = 'ok'
    try {
      if (!options.countsOnly) check = sqlite.pragma(options.thorough ? 'integrity_check' : 'quick_check', { simple: true })
    } catch (error) {
      return refuse('DAMAGED', `${file} is damaged: ${messageOf(error)}`)
    }
    if (check !== 'ok') return refuse('DAMAGED', `${file} is damaged (${String(check)}).`)

    const tables = new Set(
      sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[],
    )
    const missing = REQUIRED_TABLES.filter((name) => !tables.has(name))
    if (missing.length > 0) {
      return refuse('NOT_RADIO_CODE_DESK', `${file} is not a Radio Code Desk database (it has no ${missing.join(', ')}).`)
    }
    const applied = sqlite.prepare('select name from kysely_migration order by name').pluck().all() as string[]
    const known = new Set(MIGRATION_NAMES)
    const unknown = applied.filter((name) => !known.has(name))
    if (unknown.length > 0) {
      return refuse(
        'FROM_NEWER_VERSION',
        `This backup was made by a newer version of Radio Code Desk (${unknown.join(', ')}). Install that version to restore it.`,
      )
    }
    if (applied.length === 0) {
      return refuse('NOT_RADIO_CODE_DESK', `${file} has no Radio Code Desk schema version.`)
    }
    const count = (table: string) => sqlite.prepare(`select count(*) from "${table}"`).pluck().get() as number
    const contents: BackupContents = {
      customers: count('customers'),
      vehicles: count('vehicles'),
      radioCodes: count('radio_codes'),
      batteryJobs: tables.has('battery_jobs') ? count('battery_jobs') : 0,
      auditRows: count('audit_log'),
      schemaVersion: applied[applied.length - 1] ?? '',
      needsMigration: MIGRATION_NAMES.some((name) => !applied.includes(name)),
    }
    return { ok: true, contents }
  } catch (error) {
    return refuse('DAMAGED', `${file} cannot be read: ${messageOf(error)}`)
  } finally {
    sqlite.close()
  }
}

function refuse(reason: Exclude<BackupCheck, { ok: true }>['reason'], message: string): BackupCheck {
  return { ok: false, reason, message }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
