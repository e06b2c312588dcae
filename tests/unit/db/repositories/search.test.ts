import { describe, expect, it } from 'vitest'
import { sqliteFtsSearchIndex as search, toFtsPrefixQuery } from '../../../../electron/db/search/sqlite-fts-search'
import { useTestDatabase } from '../../../helpers/db'

const database = useTestDatabase()
const db = () => database.current.db

async function ids(query: string, limit = 50): Promise<number[]> {
  return (await search.find(db(), query, limit)).map((hit) => hit.entityId).sort((a, b) => a - b)
}

async function seed(): Promise<void> {
  await search.put(db(), 'customer', 1, ['Ana María López', '5550102030'])
  await search.put(db(), 'customer', 2, ['Bob Smith', '5559998888'])
  await search.put(db(), 'customer', 3, ['Zoë Lopez-Ortiz'])
  await search.put(db(), 'vehicle', 1, ['Honda Accord', '7ABC123'])
}

describe('sqliteFtsSearchIndex', () => {
  it('finds records by name prefixes in any order', async () => {
    await seed()
    expect(await ids('lop an')).toEqual([1])
    expect(await ids('ana lopez')).toEqual([1])
    expect(await ids('lop')).toEqual([1, 3])
    expect(await ids('smi')).toEqual([2])
    expect(await ids('ana smith')).toEqual([])
  })

  it('finds by phone digit prefixes', async () => {
    await seed()
    expect(await ids('555010')).toEqual([1])
    expect(await ids('5559998888')).toEqual([2])
  })

  it('folds diacritics and case on both sides', async () => {
    await seed()
    expect(await ids('MARIA')).toEqual([1])
    expect(await ids('maría')).toEqual([1])
    expect(await ids('zoe')).toEqual([3])
    expect(await ids('zöé')).toEqual([3])
  })

  it('returns the entity type with each hit', async () => {
    await seed()
    expect(await search.find(db(), 'accord', 10)).toEqual([{ entityType: 'vehicle', entityId: 1 }])
  })

  it('replaces the terms of a record on put, and remove() drops it', async () => {
    await seed()
    await search.put(db(), 'customer', 2, ['Robert Smythe'])
    expect(await ids('bob')).toEqual([])
    expect(await ids('robert')).toEqual([2])
    expect(database.current.sqlite.prepare("select count(*) from search_index where entity_type = 'customer' and entity_id = 2").pluck().get()).toBe(1)
    await search.remove(db(), 'customer', 2)
    expect(await ids('robert')).toEqual([])
    expect(await ids('ana')).toEqual([1])
  })

  it('stores no entry when every term is blank or punctuation', async () => {
    await search.put(db(), 'customer', 9, ['', '   ', '--'])
    expect(database.current.sqlite.prepare('select count(*) from search_index').pluck().get()).toBe(0)
  })

  it('honours the limit', async () => {
    for (let id = 1; id <= 5; id++) await search.put(db(), 'customer', id, [`Garcia ${id}`])
    expect(await search.find(db(), 'garcia', 3)).toHaveLength(3)
  })

  it('returns nothing for an empty or punctuation-only query', async () => {
    await seed()
    for (const query of ['', '   ', '"', '*', '-', '()', '"*"']) expect(await ids(query), JSON.stringify(query)).toEqual([])
  })

  it('never throws on FTS5 syntax in the query, and treats operators as plain words', async () => {
    await seed()
    const hostile = [
      '"',
      'ana"',
      '"ana',
      'ana*',
      '*ana',
      'ana OR bob',
      'ana AND bob',
      'NOT ana',
      'ana NOT bob',
      'NEAR(ana bob)',
      'NEAR(',
      'ana -bob',
      '-',
      '^ana',
      'terms:ana',
      'entity_type:customer',
      '{terms}: ana',
      '(ana',
      "ana' or 1=1 --",
      'ana + bob',
      'a\u0000b',
    ]
    for (const query of hostile) {
      await expect(search.find(db(), query, 10), query).resolves.toBeInstanceOf(Array)
    }
    expect(await ids('ana OR bob')).toEqual([])
    expect(await ids('NEAR(ana')).toEqual([])
    expect(await ids('ana*')).toEqual([1])
    expect(await ids('terms:ana')).toEqual([])
  })

  it('builds quoted prefix terms from typed text', () => {
    expect(toFtsPrefixQuery('  Ana "López" OR ')).toBe('"ANA"* "LOPEZ"* "OR"*')
    expect(toFtsPrefixQuery(' -*"() ')).toBeNull()
  })
})
