import type { Customer, CustomerDetail, NewCustomer, PhoneMatch } from '../../../shared/domain/customer'
import { AppError } from '../../../shared/api/errors'
import { phoneDigits } from '../../../shared/domain/normalize'
import type { Transaction } from 'kysely'
import { appendAudit } from '../../db/repositories/audit'
import { findCustomerById, findCustomersByPhoneDigits, insertCustomer, updateCustomerRow } from '../../db/repositories/customers'
import { listVehiclesOfCustomer } from '../../db/repositories/vehicles'
import type { Database } from '../../db/schema'
import type { AppServices } from './app-services'
import { customerSearchDocument } from './search-documents'

/** Other customers who already have one of these phone numbers. */
export async function findPhoneMatches(
  services: AppServices,
  numbers: readonly string[],
  exceptCustomerId: number | null = null,
): Promise<PhoneMatch[]> {
  const rows = await findCustomersByPhoneDigits(services.requireDb(), numbers.map(phoneDigits))
  return rows
    .filter((row) => row.id !== exceptCustomerId)
    .map((row) => ({ customerId: row.id, name: row.name, number: row.number }))
}

/** A number's digits without a leading US country code: "+1 555 010 2030" and "555-010-2030" are one number. */
function phoneKey(number: string): string {
  const digits = phoneDigits(number)
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits
}

/**
 * Refuses numbers already on file for another customer. Numbers this customer
 * already has (`alreadyOnFile`) are not checked again: a shared number the desk
 * confirmed once must not block every later edit of the record.
 */
async function refuseSharedPhone(
  services: AppServices,
  input: NewCustomer,
  exceptId: number | null,
  alreadyOnFile: readonly string[] = [],
): Promise<void> {
  const kept = new Set(alreadyOnFile.map(phoneKey))
  const isNew = (p: { number: string }) => !kept.has(phoneKey(p.number))
  const matches = await findPhoneMatches(
    services,
    input.phones.filter(isNew).map((p) => p.number),
    exceptId,
  )
  const first = matches[0]
  if (!first) return
  const index = input.phones.findIndex((p) => isNew(p) && phoneDigits(p.number).endsWith(phoneDigits(first.number).slice(-10)))
  throw new AppError(
    'DUPLICATE',
    `${first.number} is already on file for ${first.name}. Open that customer, or confirm the number is shared.`,
    [{ path: `phones.${Math.max(index, 0)}.number`, message: `Already on file for ${first.name}.` }],
    { entity: 'customer', id: first.customerId },
  )
}

async function audit(trx: Transaction<Database>, services: AppServices, action: string, id: number, now: string) {
  await appendAudit(trx, {
    at: now,
    workstationId: services.workstationId,
    staffId: services.actorId(),
    action,
    entityType: 'customer',
    entityId: id,
    details: {},
  })
}

/** Creates a customer, their search entry and audit row in one transaction. */
export async function createCustomer(services: AppServices, input: NewCustomer & { allowSharedPhone?: boolean }): Promise<Customer> {
  const db = services.requireDb()
  const now = services.now().toISOString()
  if (!input.allowSharedPhone) await refuseSharedPhone(services, input, null)
  const created = await db.transaction().execute(async (trx) => {
    const customer = await insertCustomer(trx, input, now)
    await services.search.put(trx, 'customer', customer.id, customerSearchDocument(customer))
    await audit(trx, services, 'customer.create', customer.id, now)
    return customer
  })
  services.events.emit('data.changed', { entity: 'customer', id: created.id })
  return created
}

/**
 * Changes the fields given and keeps the rest; `phones`, when given, replaces
 * the list. The change is audited.
 */
export async function updateCustomer(
  services: AppServices,
  input: Partial<NewCustomer> & { id: number; allowSharedPhone?: boolean },
): Promise<CustomerDetail> {
  const db = services.requireDb()
  const now = services.now().toISOString()
  const current = await findCustomerById(db, input.id)
  if (!current) throw new AppError('NOT_FOUND', 'That customer was not found. They may have been merged or archived.')
  const merged: NewCustomer = {
    name: input.name ?? current.name,
    phones: input.phones ?? current.phones.map((p) => ({ label: p.label, number: p.number })),
    email: input.email ?? current.email,
    preferredLanguage: input.preferredLanguage ?? current.preferredLanguage,
    notes: input.notes ?? current.notes,
  }
  if (!input.allowSharedPhone) {
    await refuseSharedPhone(services, merged, input.id, current.phones.map((p) => p.number))
  }
  await db.transaction().execute(async (trx) => {
    if (!(await updateCustomerRow(trx, input.id, merged, now))) {
      throw new AppError('NOT_FOUND', 'That customer was not found. They may have been merged or archived.')
    }
    await services.search.put(trx, 'customer', input.id, customerSearchDocument(merged))
    await audit(trx, services, 'customer.update', input.id, now)
  })
  services.events.emit('data.changed', { entity: 'customer', id: input.id })
  return getCustomer(services, input.id)
}

/** A customer's page: their details and their vehicles, now and before. */
export async function getCustomer(services: AppServices, id: number): Promise<CustomerDetail> {
  const db = services.requireDb()
  const customer = await findCustomerById(db, id)
  if (!customer) throw new AppError('NOT_FOUND', 'That customer was not found. They may have been merged or archived.')
  return { ...customer, vehicles: await listVehiclesOfCustomer(db, id) }
}
