import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../schema'

export type SearchEntityType = 'customer' | 'vehicle' | 'radio' | 'job'

/** Identifiers a person types whole or in part: matched by prefix, and (for the reversible ones) by their last characters. */
export type SearchKeyKind = 'phone' | 'plate' | 'vin' | 'serial' | 'ro'

export interface SearchKey {
  readonly kind: SearchKeyKind
  /** Uppercase letters and digits only (see toKeyToken). */
  readonly value: string
}

/** What one record contributes to search: words (names, make, model) and keys (phone, plate, VIN…). */
export interface SearchDocument {
  readonly words: readonly string[]
  readonly keys: readonly SearchKey[]
}

export type MatchedBy = 'name' | SearchKeyKind

export interface SearchHit {
  readonly entityType: SearchEntityType
  readonly entityId: number
  readonly matchedBy: MatchedBy
  /** True when a key matched in full (a whole VIN, a whole phone number). */
  readonly exact: boolean
}

type Executor = Kysely<Database> | Transaction<Database>

/** One record's contribution to search, for writing many at once. */
export interface SearchEntry {
  readonly entityType: SearchEntityType
  readonly entityId: number
  readonly document: SearchDocument
}

/**
 * The one search interface. The SQLite implementation uses FTS5 for words and
 * a B-tree key table for identifiers; a PostgreSQL dialect would implement
 * the same interface with tsvector/pg_trgm. Feature code never sees MATCH,
 * rank or any other engine-specific search syntax.
 */
export interface SearchIndex {
  /** Replaces everything one record contributes to search. */
  put(db: Executor, entityType: SearchEntityType, entityId: number, document: SearchDocument): Promise<void>
  remove(db: Executor, entityType: SearchEntityType, entityId: number): Promise<void>
  /**
   * Adds what many new records contribute (records with no entry yet, such
   * as rows an import has just inserted): exactly what put() writes for each,
   * in a few statements instead of several per record.
   */
  addNew(db: Executor, entries: readonly SearchEntry[]): Promise<void>
  /**
   * Records matching what was typed: every word as a prefix of a name word (any
   * order), or the whole input as the start of a key, or (from 4 characters)
   * as the end of a VIN, phone or serial. Exact key matches come first; there
   * is no relevance sort (it is too slow on one- and two-letter prefixes).
   */
  find(db: Executor, query: string, limit: number): Promise<readonly SearchHit[]>
}

/** Letters and digits only, uppercase: how keys are stored and typed input is compared. */
export function toKeyToken(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '')
}
