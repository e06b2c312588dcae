import type { Handlers } from '../router'
import type { AppServices } from '../../services/app-services'
import { createCustomer, findPhoneMatches, getCustomer, updateCustomer } from '../../services/customers'
import { listCustomerSummaries } from '../../../db/repositories/customers'

export const customerHandlers = {
  'customers.create': (input, services) => createCustomer(services, input),
  'customers.update': (input, services) => updateCustomer(services, input),
  'customers.get': (input, services) => getCustomer(services, input.id),
  'customers.list': (input, services) => listCustomerSummaries(services.requireDb(), input.limit),
  'customers.findByPhone': (input, services) => findPhoneMatches(services, input.numbers, input.exceptCustomerId),
} satisfies Partial<Handlers<AppServices>>
