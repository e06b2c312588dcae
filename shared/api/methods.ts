/**
 * The names of every renderer-to-main call, as a plain list.
 *
 * The preload bundles this file and nothing heavier (no zod). `contract.ts`
 * proves at compile time that this list and the contract hold the same names.
 */
export const API_METHODS = [
  'app.status',
  'customers.create',
  'customers.update',
  'customers.get',
  'customers.list',
  'customers.findByPhone',
  'vehicles.create',
  'vehicles.update',
  'vehicles.get',
  'vehicles.list',
  'vehicles.findByVin',
  'vehicles.transfer',
  'vehicles.decodeVin',
  'radios.add',
  'radios.update',
  'search.query',
  'security.status',
  'vault.setUp',
  'vault.unlock',
  'staff.createFirstManager',
  'staff.list',
  'staff.add',
  'staff.setPermissions',
  'staff.setActive',
  'staff.resetPin',
  'session.signIn',
  'session.signOut',
  'codes.add',
  'codes.checkFormat',
  'codes.verify',
  'codes.history',
  'codes.reveal',
  'settings.getShop',
  'settings.updateShop',
  'printing.listPrinters',
  'printing.printTestPage',
  'retrieval.channelsForVehicle',
  'retrieval.open',
  'retrieval.get',
  'retrieval.listForVehicle',
  'retrieval.update',
  'retrieval.receiveCode',
  'retrieval.dueForFollowUp',
  'codes.release',
  'audit.list',
  'audit.verify',
  'settings.getIdleLock',
  'settings.setIdleLock',
] as const

export type ApiMethodName = (typeof API_METHODS)[number]

/** Main-to-renderer event names; the preload's `on()` accepts only these. */
export const API_EVENTS = ['data.changed', 'session.changed'] as const
export type ApiEventName = (typeof API_EVENTS)[number]
