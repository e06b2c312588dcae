import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../schema'

export type SearchEntityType = 'customer' | 'vehicle' | 'radio'

export interface SearchHit {
  readonly entityType: SearchEntityType
  readonly entityId: number
}

type Executor = Kysely<Database> | Transaction<Database>

/**
 * The one search interface. SQLite implements it with FTS5; a PostgreSQL
 * dialect would implement it with tsvector/pg_trgm. Feature code never sees
 * MATCH, rank or any other engine-specific search syntax.
 */
export interface SearchIndex {
  /** Replaces the searchable terms of one record. */
  put(db: Executor, entityType: SearchEntityType, entityId: number, terms: readonly string[]): Promise<void>
  remove(db: Executor, entityType: SearchEntityType, entityId: number): Promise<void>
  /** Records whose terms start with every word of `query`, any order. */
  find(db: Executor, query: string, limit: number): Promise<readonly SearchHit[]>
}
