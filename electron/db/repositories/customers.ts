import type { ExpressionBuilder, Kysely, Transaction } from 'kysely'
import type { Customer, CustomerPhone, CustomerSummary, NewCustomer } from '../../../shared/domain/customer'
import { phoneDigits, toSearchKey } from '../../../shared/domain/normalize'
import type { CustomerPhoneRow, CustomerRow, Database } from '../schema'

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
export async function insertCustomer(trx: Transaction<Database>, input: NewCustomer, now: string): Promise<Customer> {
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
    const phones = await insertPhones(trx, row.id, input.phones, now)
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

/** A customer's first phone number, as a subquery for lists and search results. */
export function primaryPhoneOf(eb: ExpressionBuilder<Database, 'customers'>) {
  return eb
    .selectFrom('customer_phones')
    .select('customer_phones.number')
    .whereRef('customer_phones.customer_id', '=', 'customers.id')
    .orderBy('customer_phones.position')
    .limit(1)
}

/** Active customers by name, with their first phone. */
export async function listCustomerSummaries(db: Kysely<Database>, limit: number): Promise<CustomerSummary[]> {
  const rows = await db
    .selectFrom('customers')
    .select((eb) => [
      'customers.id',
      'customers.name',
      primaryPhoneOf(eb).as('primary_phone'),
    ])
    .where('customers.archived_at', 'is', null)
    .orderBy('customers.search_key')
    .orderBy('customers.id')
    .limit(limit)
    .execute()
  return rows.map((row) => ({ id: row.id, name: row.name, primaryPhone: row.primary_phone ?? null }))
}

async function insertPhones(
  trx: Transaction<Database>,
  customerId: number,
  phones: NewCustomer['phones'],
  now: string,
): Promise<CustomerPhoneRow[]> {
  const rows: CustomerPhoneRow[] = []
  for (const [position, phone] of phones.entries()) {
    rows.push(
      await trx
        .insertInto('customer_phones')
        .values({
          customer_id: customerId,
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
  return rows
}

/** Replaces a customer's details and phone list; call inside the caller's transaction. Returns false when the customer does not exist. */
export async function updateCustomerRow(
  trx: Transaction<Database>,
  id: number,
  input: NewCustomer,
  now: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('customers')
    .set({
      name: input.name,
      email: input.email,
      preferred_language: input.preferredLanguage,
      notes: input.notes,
      search_key: toSearchKey(input.name),
      updated_at: now,
    })
    .where('id', '=', id)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) === 0) return false
  await trx.deleteFrom('customer_phones').where('customer_id', '=', id).execute()
  await insertPhones(trx, id, input.phones, now)
  return true
}

/**
 * Customers who have any of these phone numbers (compared by digits, and
 * without a leading US country code), for the duplicate check.
 */
export async function findCustomersByPhoneDigits(
  db: Kysely<Database> | Transaction<Database>,
  digits: readonly string[],
): Promise<{ id: number; name: string; number: string }[]> {
  const keys = new Set<string>()
  for (const d of digits) {
    if (d.length < 7) continue
    keys.add(d)
    if (d.length === 11 && d.startsWith('1')) keys.add(d.slice(1))
    if (d.length === 10) keys.add(`1${d}`)
  }
  if (keys.size === 0) return []
  return db
    .selectFrom('customer_phones')
    .innerJoin('customers', 'customers.id', 'customer_phones.customer_id')
    .select(['customers.id', 'customers.name', 'customer_phones.number'])
    .where('customer_phones.digits', 'in', [...keys])
    .where('customers.archived_at', 'is', null)
    .orderBy('customers.id')
    .limit(20)
    .execute()
}
