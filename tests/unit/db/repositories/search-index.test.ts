import { describe, expect, it } from 'vitest'
import type { SearchDocument } from '../../../../electron/db/search/search-index'
import { recordOfRowid, recordRowid, sqliteSearchIndex as search, toFtsPrefixQuery } from '../../../../electron/db/search/sqlite-search-index'
import { useTestDatabase } from '../../../helpers/db'

const database = useTestDatabase()
const db = () => database.current.db

async function ids(query: string, limit = 50): Promise<string[]> {
  return (await search.find(db(), query, limit)).map((hit) => `${hit.entityType}:${hit.entityId}`).sort()
}

const doc = (words: string[], keys: SearchDocument['keys'] = []): SearchDocument => ({ words, keys })

async function seed(): Promise<void> {
  await search.put(db(), 'customer', 1, doc(['Ana María López'], [{ kind: 'phone', value: '5550102030' }]))
  await search.put(db(), 'customer', 2, doc(['Bob Smith'], [{ kind: 'phone', value: '5559998888' }]))
  await search.put(db(), 'customer', 3, doc(['Zoë Lopez-Ortiz']))
  await search.put(
    db(),
    'vehicle',
    1,
    doc(['2003', 'Honda', 'Accord'], [
      { kind: 'vin', value: '1HGCM82633A004352' },
      { kind: 'plate', value: '7ABC123' },
    ]),
  )
  await search.put(db(), 'radio', 1, doc(['Alpine'], [{ kind: 'serial', value: 'U1234567' }]))
  await search.put(db(), 'job', 1, doc([], [{ kind: 'ro', value: 'RO-48213' }]))
}

describe('sqliteSearchIndex', () => {
  it('finds records by name prefixes in any order', async () => {
    await seed()
    expect(await ids('lop an')).toEqual(['customer:1'])
    expect(await ids('ana lopez')).toEqual(['customer:1'])
    expect(await ids('lop')).toEqual(['customer:1', 'customer:3'])
    expect(await ids('smi')).toEqual(['customer:2'])
    expect(await ids('ana smith')).toEqual([])
    expect(await ids('honda acc')).toEqual(['vehicle:1'])
  })

  it('finds phones by any prefix of their digits, typed in any format', async () => {
    await seed()
    expect(await ids('555010')).toEqual(['customer:1'])
    expect(await ids('(555) 010-2030')).toEqual(['customer:1'])
    expect(await ids('555.999.88')).toEqual(['customer:2'])
  })

  it('a US phone stored with and without the leading 1 keeps one reversed row, and is found every way', async () => {
    const phones = [{ kind: 'phone' as const, value: '5550102030' }, { kind: 'phone' as const, value: '15550102030' }]
    await search.put(db(), 'customer', 7, doc(['Put Person'], phones))
    await search.addNew(db(), [{ entityType: 'customer', entityId: 8, document: doc(['Batch Person'], [...phones].reverse()) }])
    for (const id of [7, 8]) {
      const rows = await db().selectFrom('search_keys').select('key').where('entity_id', '=', id).orderBy('key').execute()
      expect(rows.map((row) => row.key)).toEqual(['15550102030', '5550102030', '~0302010555'])
    }
    for (const typed of ['2030', '0102030', '5550102030', '15550102030', '+1 (555) 010-2030', '1555']) {
      expect(await ids(typed)).toEqual(['customer:7', 'customer:8'])
    }
    // Another kind's key, or a key two characters longer, still gets its reversed row.
    await search.put(db(), 'customer', 9, doc(['Long'], [{ kind: 'phone', value: '5550102030' }, { kind: 'phone', value: '445550102030' }]))
    const longRows = await db().selectFrom('search_keys').select('key').where('entity_id', '=', 9).execute()
    expect(longRows.map((row) => row.key).sort()).toEqual(['445550102030', '5550102030', '~0302010555', '~030201055544'])
  })

  it('finds VINs whole, by prefix, and by their last digits', async () => {
    await seed()
    expect(await ids('1HGCM82633A004352')).toEqual(['vehicle:1'])
    expect(await ids('1hgcm8')).toEqual(['vehicle:1'])
    expect(await ids('004352')).toEqual(['vehicle:1'])
    expect(await ids('A004352')).toEqual(['vehicle:1'])
    // Fewer than four characters never searches by ending (too many hits to be useful).
    expect(await ids('352')).toEqual([])
  })

  it('finds plates, radio serials and repair-order numbers whatever the separators', async () => {
    await seed()
    expect(await ids('7abc 123')).toEqual(['vehicle:1'])
    expect(await ids('7-ABC')).toEqual(['vehicle:1'])
    expect(await ids('u123')).toEqual(['radio:1'])
    expect(await ids('4567')).toEqual(['radio:1'])
    expect(await ids('ro48213')).toEqual(['job:1'])
  })

  it('says which field matched, and puts whole-key matches first', async () => {
    await seed()
    await search.put(db(), 'customer', 4, doc(['Phone Prefix'], [{ kind: 'phone', value: '55501020301' }]))
    const hits = await search.find(db(), '5550102030', 10)
    expect(hits[0]).toEqual({ entityType: 'customer', entityId: 1, matchedBy: 'phone', exact: true })
    expect(hits.map((h) => h.entityId)).toContain(4)
    expect((await search.find(db(), 'accord', 10))[0]).toMatchObject({ entityType: 'vehicle', matchedBy: 'name', exact: false })
  })

  it('folds diacritics and case on both sides', async () => {
    await seed()
    expect(await ids('MARIA')).toEqual(['customer:1'])
    expect(await ids('maría')).toEqual(['customer:1'])
    expect(await ids('zöé')).toEqual(['customer:3'])
  })

  it('replaces what a record contributes on put, and remove() drops it all', async () => {
    await seed()
    await search.put(db(), 'customer', 2, doc(['Robert Smythe'], [{ kind: 'phone', value: '5551112222' }]))
    expect(await ids('bob')).toEqual([])
    expect(await ids('5559998888')).toEqual([])
    expect(await ids('robert')).toEqual(['customer:2'])
    expect(await ids('5551112222')).toEqual(['customer:2'])
    await search.remove(db(), 'customer', 2)
    expect(await ids('robert')).toEqual([])
    expect(await ids('55511')).toEqual([])
    const left = database.current.sqlite
      .prepare("select count(*) from search_keys where entity_type = 'customer' and entity_id = 2")
      .pluck()
      .get()
    expect(left).toBe(0)
  })

  it('honours the limit on a short prefix shared by many records', async () => {
    for (let id = 1; id <= 40; id++) await search.put(db(), 'customer', id, doc([`Garcia ${id}`], [{ kind: 'phone', value: `55500000${String(id).padStart(2, '0')}` }]))
    expect((await search.find(db(), 'ga', 5)).length).toBeLessThanOrEqual(15)
    expect((await search.find(db(), '55', 5)).length).toBeLessThanOrEqual(15)
  })

  it('never throws on FTS5 syntax or odd characters in the query', async () => {
    await seed()
    const hostile = ['"', 'ana"', '*ana', 'ana OR bob', 'NEAR(ana bob)', 'NEAR(', 'ana -bob', '^ana', 'terms:ana', "ana' or 1=1 --", 'a\u0000b', '~', '~2530', '\u007f', '%', '_']
    for (const query of hostile) await expect(search.find(db(), query, 10), query).resolves.toBeInstanceOf(Array)
    expect(await ids('ana OR bob')).toEqual([])
    expect(await ids('terms:ana')).toEqual([])
    expect(await ids('%')).toEqual([])
  })

  it('stores a record’s words under one rowid per record, distinct for every kind and id', () => {
    const records = [
      { entityType: 'customer' as const, entityId: 1 },
      { entityType: 'vehicle' as const, entityId: 1 },
      { entityType: 'radio' as const, entityId: 1 },
      { entityType: 'job' as const, entityId: 1 },
      { entityType: 'vehicle' as const, entityId: 2_000_000_123 },
    ]
    const rowids = records.map((record) => recordRowid(record.entityType, record.entityId))
    expect(new Set(rowids).size).toBe(records.length)
    expect(rowids.map(recordOfRowid)).toEqual(records)
    // Frozen by migration 2026-11-24T1030_search-words-by-record.
    expect(rowids.slice(0, 4)).toEqual([4, 5, 6, 7])
  })

  it('builds quoted prefix terms from typed text', () => {
    expect(toFtsPrefixQuery('  Ana "López" OR ')).toBe('"ANA"* "LOPEZ"* "OR"*')
    expect(toFtsPrefixQuery(' -*"() ')).toBeNull()
  })
})
