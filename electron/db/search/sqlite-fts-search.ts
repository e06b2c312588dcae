import { sql } from 'kysely'
import { toSearchKey } from '../../../shared/domain/normalize'
import type { SearchEntityType, SearchHit, SearchIndex } from './search-index'

/** Turns typed text into an FTS5 query of quoted prefix terms, so no user input is parsed as FTS syntax. */
export function toFtsPrefixQuery(query: string): string | null {
  const words = toSearchKey(query).split(' ').filter((word) => word.length > 0)
  if (words.length === 0) return null
  return words.map((word) => `"${word}"*`).join(' ')
}

/** FTS5-backed search index (SQLite dialect module). */
export const sqliteFtsSearchIndex: SearchIndex = {
  async put(db, entityType, entityId, terms) {
    await this.remove(db, entityType, entityId)
    const text = terms.map(toSearchKey).filter((term) => term.length > 0).join(' ')
    if (text === '') return
    await db.insertInto('search_index').values({ entity_type: entityType, entity_id: entityId, terms: text }).execute()
  },

  async remove(db, entityType, entityId) {
    await db
      .deleteFrom('search_index')
      .where('entity_type', '=', entityType)
      .where('entity_id', '=', entityId)
      .execute()
  },

  async find(db, query, limit) {
    const match = toFtsPrefixQuery(query)
    if (match === null) return []
    const rows = await db
      .selectFrom('search_index')
      .select(['entity_type', 'entity_id'])
      .where(sql<boolean>`search_index match ${match}`)
      .limit(limit)
      .execute()
    return rows.map((row): SearchHit => ({ entityType: row.entity_type as SearchEntityType, entityId: Number(row.entity_id) }))
  },
}
