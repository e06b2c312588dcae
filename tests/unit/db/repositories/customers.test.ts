import { describe, expect, it } from 'vitest'
import { findCustomerById, insertCustomer, listCustomerSummaries } from '../../../../electron/db/repositories/customers'
import { newCustomerSchema, type NewCustomerInput } from '../../../../shared/domain/customer'
import { useTestDatabase } from '../../../helpers/db'

const database = useTestDatabase()
const NOW = '2026-11-24T06:00:00.000Z'

async function create(input: NewCustomerInput) {
  const parsed = newCustomerSchema.parse(input)
  return database.current.db.transaction().execute((trx) => insertCustomer(trx, parsed, NOW))
}

describe('customers repository', () => {
  it('inserts a customer with phones and reads the same customer back', async () => {
    const created = await create({
      name: '  Ana   López ',
      email: 'ana@example.com',
      preferredLanguage: 'es',
      notes: 'Prefers texts',
      phones: [
        { label: 'mobile', number: '(555) 010-2030' },
        { label: 'work', number: '555.010.9999' },
      ],
    })
    expect(created).toMatchObject({
      name: 'Ana López',
      email: 'ana@example.com',
      preferredLanguage: 'es',
      notes: 'Prefers texts',
      createdAt: NOW,
      updatedAt: NOW,
    })
    expect(created.phones.map((phone) => [phone.label, phone.number])).toEqual([
      ['mobile', '(555) 010-2030'],
      ['work', '555.010.9999'],
    ])
    expect(await findCustomerById(database.current.db, created.id)).toEqual(created)
  })

  it('stores the normalised search key and phone digits', async () => {
    const created = await create({ name: 'Zoë  O’Brien', phones: [{ number: '(555) 010-2030' }] })
    const sqlite = database.current.sqlite
    expect(sqlite.prepare('select search_key from customers where id = ?').pluck().get(created.id)).toBe('ZOE O BRIEN')
    expect(sqlite.prepare('select digits from customer_phones where customer_id = ?').pluck().get(created.id)).toBe('5550102030')
  })

  it('writes nothing when the surrounding transaction rolls back', async () => {
    const parsed = newCustomerSchema.parse({ name: 'Rolled Back', phones: [{ number: '5550102030' }] })
    await expect(
      database.current.db.transaction().execute(async (trx) => {
        await insertCustomer(trx, parsed, NOW)
        throw new Error('abort')
      }),
    ).rejects.toThrow('abort')
    const sqlite = database.current.sqlite
    for (const table of ['customers', 'customer_phones', 'search_words']) {
      expect(sqlite.prepare(`select count(*) from ${table}`).pluck().get(), table).toBe(0)
    }
  })

  it('returns undefined for an id that does not exist', async () => {
    expect(await findCustomerById(database.current.db, 12345)).toBeUndefined()
  })

  it('lists active customers by folded name, then id, with their first phone', async () => {
    const zoe = await create({ name: 'zoe adams', phones: [{ number: '555-000-1111' }, { number: '555-000-2222' }] })
    const alvaro = await create({ name: 'Álvaro Ruiz' })
    const bob1 = await create({ name: 'Bob Smith', phones: [{ number: '555-000-3333' }] })
    const bob2 = await create({ name: 'bob smith' })
    const list = await listCustomerSummaries(database.current.db, 100)
    expect(list).toEqual([
      { id: alvaro.id, name: 'Álvaro Ruiz', primaryPhone: null },
      { id: bob1.id, name: 'Bob Smith', primaryPhone: '555-000-3333' },
      { id: bob2.id, name: 'bob smith', primaryPhone: null },
      { id: zoe.id, name: 'zoe adams', primaryPhone: '555-000-1111' },
    ])
  })

  it('hides archived customers from the list and honours the limit', async () => {
    const kept = await create({ name: 'Ana' })
    const archived = await create({ name: 'Archie' })
    await create({ name: 'Zed' })
    await database.current.db.updateTable('customers').set({ archived_at: NOW }).where('id', '=', archived.id).execute()
    const all = await listCustomerSummaries(database.current.db, 100)
    expect(all.map((c) => c.name)).toEqual(['Ana', 'Zed'])
    expect(await listCustomerSummaries(database.current.db, 1)).toEqual([{ id: kept.id, name: 'Ana', primaryPhone: null }])
  })
})
