import type { Customer, NewCustomer } from '../../../shared/domain/customer'
import { AppError } from '../../../shared/api/errors'
import { appendAudit } from '../../db/repositories/audit'
import { findCustomerById, insertCustomer } from '../../db/repositories/customers'
import type { AppServices } from './app-services'

/** Creates a customer and its audit row in one transaction. */
export async function createCustomer(services: AppServices, input: NewCustomer): Promise<Customer> {
  const db = services.requireDb()
  const now = services.now().toISOString()
  const created = await db.transaction().execute(async (trx) => {
    const customer = await insertCustomer(trx, services.search, input, now)
    await appendAudit(trx, {
      at: now,
      workstationId: services.workstationId,
      staffId: null,
      action: 'customer.create',
      entityType: 'customer',
      entityId: customer.id,
      details: {},
    })
    return customer
  })
  services.events.emit('data.changed', { entity: 'customer', id: created.id })
  return created
}

export async function getCustomer(services: AppServices, id: number): Promise<Customer> {
  const customer = await findCustomerById(services.requireDb(), id)
  if (!customer) throw new AppError('NOT_FOUND', 'That customer was not found. They may have been merged or archived.')
  return customer
}
