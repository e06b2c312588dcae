import type { AuditDetailValue, AuditLogRow } from '../../../../shared/domain/audit'

/*
 * The audit log in words for a manager: what each action means, which record
 * it is about, and a short summary of its details. Main never writes a code
 * or PIN into details; keys that could only hold one are dropped here anyway.
 */

const ACTION_WORDS: Readonly<Record<string, string>> = {
  'staff.sign-in': 'Signed in',
  'staff.sign-out': 'Signed out',
  'staff.pin.failed': 'Typed a wrong PIN',
  'staff.locked': 'Locked out after wrong PINs',
  'staff.pin.reset': 'Reset a PIN',
  'staff.pin.change': 'Changed their own PIN',
  'staff.create': 'Added a staff member',
  'staff.permissions': 'Changed what someone may do with codes',
  'staff.deactivate': 'Deactivated a staff member',
  'staff.reactivate': 'Reactivated a staff member',
  'code.enter': 'Entered a radio code',
  'code.verify': 'Marked a code as working',
  'code.reveal': 'Revealed a code on screen',
  'code.reveal.denied': 'Was refused revealing a code',
  'code.print': 'Printed a code card',
  'code.print.denied': 'Was refused printing a code card',
  'code.release': 'Gave a code to a customer',
  'code.release.denied': 'Was refused giving out a code',
  'code.integrity.failed': 'A stored code failed its integrity check',
  'retrieval.open': 'Opened a code retrieval request',
  'retrieval.update': 'Updated a code retrieval request',
  'retrieval.receive': 'Received a code from a retrieval request',
  'customer.create': 'Added a customer',
  'customer.update': 'Changed a customer',
  'vehicle.create': 'Added a vehicle',
  'vehicle.update': 'Changed a vehicle',
  'vehicle.transfer': 'Transferred a vehicle to a new owner',
  'radio.add': 'Added a radio',
  'radio.update': 'Changed a radio',
  'settings.shop.update': 'Changed the shop details',
  'settings.idle-lock.update': 'Changed the idle sign-out time',
  'vault.initialize': 'Set up the code vault',
  'vault.unlock': 'Unlocked the code vault',
  'vault.unlock.failed': 'Failed to unlock the code vault',
  'vault.recover': 'Opened the code vault with the recovery key',
  'vault.recover.failed': 'Tried a recovery key that did not open the vault',
  'vault.recovery-key.create': 'Made a new vault recovery key',
  'vault.recovery-sheet.print': 'Printed the vault recovery sheet',
  'job.check-in': 'Checked in a battery job',
  'job.code-check': 'Checked the code for a job',
  'job.gate': 'Decided whether a job may go ahead',
  'job.service-start': 'Started work on a job',
  'job.battery-disconnect': 'Disconnected a battery',
  'job.checklist': 'Recorded a job checklist',
  'job.done': 'Finished a job',
  'job.card-handed-over': 'Handed over a code card',
  'job.card-declined': 'Customer declined the code card',
  'job.cancel': 'Cancelled a job',
  'job.retrieval-link': 'Linked a retrieval request to a job',
  'job.card-printed': 'Printed the documents for a job',
  'settings.print-setup.update': 'Changed this computer’s printer setup',
  'settings.csv-mapping.update': 'Changed the remembered CSV column mapping',
  'backup.manual': 'Took a backup',
  'backup.restore': 'Restored a backup',
  'backup.restore.refused': 'Was refused restoring a backup',
  'backup.second-folder.set': 'Changed the second backup folder',
  'import.csv': 'Imported customers and vehicles from CSV',
  'export.csv': 'Exported customers and vehicles to CSV',
  'export.codes': 'Exported customers and vehicles with radio codes',
  'export.codes.denied': 'Was refused exporting radio codes',
}

/** The action families the filter offers ("code.*" and so on), in the order shown. */
export const ACTION_FAMILIES: readonly { readonly value: string; readonly label: string }[] = [
  { value: 'code.*', label: 'Radio codes (entered, revealed, printed, given out)' },
  { value: 'staff.*', label: 'Staff and sign-in (PINs, lockouts, permissions)' },
  { value: 'retrieval.*', label: 'Code retrieval requests' },
  { value: 'job.*', label: 'Battery jobs' },
  { value: 'customer.*', label: 'Customers' },
  { value: 'vehicle.*', label: 'Vehicles' },
  { value: 'radio.*', label: 'Radios' },
  { value: 'settings.*', label: 'Settings' },
  { value: 'vault.*', label: 'Code vault' },
  { value: 'backup.*', label: 'Backups and restores' },
  { value: 'import.*', label: 'CSV imports' },
  { value: 'export.*', label: 'CSV exports' },
]

export function actionWords(action: string): string {
  const known = ACTION_WORDS[action]
  if (known) return known
  if (action.endsWith('.denied')) return `Was refused: ${action.slice(0, -'.denied'.length)}`
  return action
}

/** Kinds of record the "Record" filter offers. */
export const RECORD_TYPES: readonly { readonly value: string; readonly label: string }[] = [
  { value: 'vehicle', label: 'Vehicle' },
  { value: 'customer', label: 'Customer' },
  { value: 'radio', label: 'Radio' },
  { value: 'radio_code', label: 'Radio code record' },
  { value: 'code_retrieval_request', label: 'Retrieval request' },
  { value: 'battery_job', label: 'Battery job' },
  { value: 'staff', label: 'Staff member' },
]

const ENTITY_WORDS: Readonly<Record<string, string>> = {
  customer: 'Customer',
  vehicle: 'Vehicle',
  radio: 'Radio',
  radio_code: 'Radio code record',
  code_retrieval_request: 'Retrieval request',
  battery_job: 'Battery job',
  staff: 'Staff',
  shop_settings: 'Shop settings',
  workstation_settings: 'This computer’s settings',
  vault: 'Code vault',
  database: 'Database',
  import: 'CSV import',
  export: 'CSV export',
}

export function entityWords(row: Pick<AuditLogRow, 'entityType' | 'entityId'>, staffNames: ReadonlyMap<number, string>): string {
  if (row.entityType === 'staff' && row.entityId !== null) return staffNames.get(row.entityId) ?? `Staff member ${row.entityId}`
  const kind = ENTITY_WORDS[row.entityType] ?? row.entityType.replace(/_/g, ' ')
  return row.entityId === null ? kind : `${kind} ${row.entityId}`
}

const DETAIL_LABELS: Readonly<Record<string, string>> = {
  role: 'role',
  canRevealCodes: 'may reveal codes',
  canPrintCodes: 'may print cards',
  canRevealCodesBefore: 'could reveal before',
  canPrintCodesBefore: 'could print before',
  firstManager: 'first manager',
  reason: 'reason',
  counted: 'counted toward lockout',
  failedAttempts: 'wrong PINs in a row',
  failedAttemptsBefore: 'wrong PINs before',
  lockedUntil: 'locked until',
  lockMs: 'locked for',
  untilManagerReset: 'until a manager resets it',
  wasLocked: 'was locked',
  ownPin: 'own PIN',
  minutesBefore: 'minutes before',
  minutes: 'minutes',
  radioId: 'radio',
  vehicleId: 'vehicle',
  customerId: 'customer',
  recipientName: 'given to',
  recipientRole: 'as',
  channel: 'how',
  via: 'how',
  proofs: 'proof seen',
  proofOverride: 'without proof',
  noProofReason: 'why no proof',
  unlock: 'PIN',
  wrapMethod: 'protected by',
  during: 'during',
  from: 'from',
  to: 'to',
}

/** Values that read better in words ("reason: wrong-pin" → "reason: wrong PIN"). */
const VALUE_WORDS: Readonly<Record<string, string>> = {
  'reason:wrong-pin': 'wrong PIN',
  'reason:locked': 'tried while locked (not counted)',
  'reason:inactive': 'account deactivated',
  'reason:no-permission': 'not allowed for this account',
  'reason:wrong-passphrase': 'wrong passphrase',
  'wrapMethod:safe-storage': 'this computer’s key store',
  'wrapMethod:passphrase': 'passphrase',
  'wrapMethod:test': 'test key',
  'unlock:pin': 'typed',
  'unlock:recent-unlock': 'typed shortly before',
}

/** Keys that could only ever hold a secret; never shown even if one slipped in. */
const SECRET_KEYS = /^(code|codes|newcode|pin|newpin|passphrase|secret|plaintext)$/i

function humanKey(key: string): string {
  return DETAIL_LABELS[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]/g, ' ').toLowerCase()
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

function humanValue(key: string, value: Exclude<AuditDetailValue, null>): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (typeof value === 'number') {
    if (key === 'lockMs') return value >= 60_000 ? `${Math.round(value / 60_000)} min` : `${Math.round(value / 1000)} s`
    return String(value)
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const date = new Date(value)
    if (!Number.isNaN(date.getTime())) return dateTime.format(date)
  }
  const known = VALUE_WORDS[`${key}:${value}`]
  if (known) return known
  const text = value.replace(/_/g, ' ')
  return text.length > 80 ? `${text.slice(0, 79)}…` : text
}

export interface DetailPair {
  readonly key: string
  readonly label: string
  readonly value: string
}

/** The details worth showing, in words; empty values left out. */
export function detailPairs(details: AuditLogRow['details']): DetailPair[] {
  return Object.entries(details).flatMap(([key, value]) => {
    if (value === null || value === '' || SECRET_KEYS.test(key)) return []
    return [{ key, label: humanKey(key), value: humanValue(key, value) }]
  })
}
