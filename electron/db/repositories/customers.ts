import type { Kysely, Transaction } from 'kysely'
import type { Customer, CustomerPhone, CustomerSummary, NewCustomer } from '../../../shared/domain/customer'
import { phoneDigits, toSearchKey } from '../../../shared/domain/normalize'
import type { CustomerPhoneRow, CustomerRow, Database } from '../schema'
import type { SearchIndex } from '../search/search-index'

function toCustomer(row: CustomerRow, phones: readonly CustomerPhoneRow[]): Customer {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    preferredLanguage: row.preferred_language,
    notes: row.notes,
    phones: phones.map((phone): CustomerPhone => ({ id: phone.id, label: phone.label, number: phone.number })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** Creates a customer with their phones and search entry; call inside the caller's transaction. */
export async function insertCustomer(
  trx: Transaction<Database>,
  search: SearchIndex,
  input: NewCustomer,
  now: string,
): Promise<Customer> {
  {
    const row = await trx
      .insertInto('customers')
      .values({
        name: input.name,
        email: input.email,
        preferred_language: input.preferredLanguage,
        notes: input.notes,
        search_key: toSearchKey(input.name),
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    const phones: CustomerPhoneRow[] = []
    for (const [position, phone] of input.phones.entries()) {
      phones.push(
        await trx
          .insertInto('customer_phones')
          .values({
            customer_id: row.id,
            label: phone.label,
            number: phone.number,
            digits: phoneDigits(phone.number),
            position,
            created_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      )
    }
    await search.put(trx, 'customer', row.id, [input.name, ...input.phones.map((p) => phoneDigits(p.number))])
    return toCustomer(row, phones)
  }
}

export async function findCustomerById(db: Kysely<Database>, id: number): Promise<Customer | undefined> {
  const row = await db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return undefined
  const phones = await db
    .selectFrom('customer_phones')
    .selectAll()
    .where('customer_id', '=', id)
    .orderBy('position')
    .execute()
  return toCustomer(row, phones)
}

/** Active customers by name, with their first phone. */
export async function listCustomerSummaries(db: Kysely<Database>, limit: number): Promise<CustomerSummary[]> {
  const rows = await db
    .selectFrom('customers')
    .select((eb) => [
      'customers.id',
      'customers.name',
      eb
        .selectFrom('customer_phones')
        .select('customer_phones.number')
        .whereRef('customer_phones.customer_id', '=', 'customers.id')
        .orderBy('customer_phones.position')
        .limit(1)
        .as('primary_phone'),
    ])
    .where('customers.archived_at', 'is', null)
    .orderBy('customers.search_key')
    .orderBy('customers.id')
    .limit(limit)
    .execute()
  return rows.map((row) => ({ id: row.id, name: row.name, primaryPhone: row.primary_phone ?? null }))
}
