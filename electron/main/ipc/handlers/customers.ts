import type { Handlers } from '../router'
import type { AppServices } from '../../services/app-services'
import { createCustomer, getCustomer } from '../../services/customers'
import { listCustomerSummaries } from '../../../db/repositories/customers'

export const customerHandlers = {
  'customers.create': (input, services) => createCustomer(services, input),
  'customers.get': (input, services) => getCustomer(services, input.id),
  'customers.list': (input, services) => listCustomerSummaries(services.requireDb(), input.limit),
} satisfies Partial<Handlers<AppServices>>
