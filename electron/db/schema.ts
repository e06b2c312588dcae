import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/*
 * Row types as the SQLite dialect returns them: dates are ISO-8601 text,
 * booleans are 0 | 1. Repositories convert at the edge, so a PostgreSQL
 * dialect can supply its own mapping without touching callers.
 */

export type Flag = 0 | 1

export interface StaffTable {
  id: Generated<number>
  name: string
  role: 'desk' | 'technician' | 'manager'
  pin_hash: string | null
  can_reveal_codes: Generated<Flag>
  can_print_codes: Generated<Flag>
  failed_pin_attempts: Generated<number>
  locked_until: string | null
  pin_changed_at: string | null
  active: Generated<Flag>
  created_at: string
  updated_at: string
}

export interface CustomersTable {
  id: Generated<number>
  name: string
  email: Generated<string>
  preferred_language: Generated<'en' | 'es'>
  notes: Generated<string>
  search_key: string
  created_at: string
  updated_at: string
  archived_at: string | null
}

export interface CustomerPhonesTable {
  id: Generated<number>
  customer_id: number
  label: Generated<string>
  number: string
  digits: string
  position: Generated<number>
  created_at: string
}

export interface VehiclesTable {
  id: Generated<number>
  vin: string | null
  year: number | null
  make: Generated<string>
  model: Generated<string>
  trim: Generated<string>
  engine: Generated<string>
  plate: Generated<string>
  plate_state: Generated<string>
  plate_key: Generated<string>
  colour: Generated<string>
  notes: Generated<string>
  search_key: Generated<string>
  created_at: string
  updated_at: string
  archived_at: string | null
}

export interface VehicleOwnershipsTable {
  id: Generated<number>
  vehicle_id: number
  customer_id: number
  started_at: string
  ended_at: string | null
  recorded_by: number | null
  notes: Generated<string>
}

export interface RadiosTable {
  id: Generated<number>
  vehicle_id: number
  serial: Generated<string>
  serial_key: Generated<string>
  head_unit: Generated<string>
  installed_at: string | null
  removed_at: string | null
  removed_reason: Generated<string>
  created_by: number | null
  created_at: string
  updated_at: string
}

export type RadioCodeSource =
  | 'owner-card'
  | 'sticker'
  | 'owners-manual'
  | 'customer'
  | 'dealer'
  | 'manufacturer-website'
  | 'previous-visit'
  | 'other'

export interface RadioCodesTable {
  id: Generated<number>
  radio_id: number
  code_ciphertext: string
  key_id: number
  source: RadioCodeSource
  source_detail: Generated<string>
  format_override_reason: string | null
  entered_by: number
  entered_at: string
  verified_by: number | null
  verified_at: string | null
  superseded_by: number | null
  superseded_at: string | null
}

export interface CodeRetrievalRequestsTable {
  id: Generated<number>
  vehicle_id: number
  radio_id: number | null
  customer_id: number | null
  channel: string
  status: 'needed' | 'requested' | 'received' | 'verified' | 'failed' | 'cancelled'
  checklist_json: Generated<string>
  follow_up_on: string | null
  cost_cents: number | null
  notes: Generated<string>
  opened_by: number | null
  opened_at: string
  updated_at: string
  closed_at: string | null
}

export interface BatteryJobsTable {
  id: Generated<number>
  ro_number: Generated<string>
  ro_key: Generated<string>
  vehicle_id: number
  customer_id: number
  radio_id: number | null
  retrieval_request_id: number | null
  status: 'checked-in' | 'code-check' | 'in-service' | 'done' | 'handed-over' | 'card-declined' | 'cancelled'
  checked_in_by: number | null
  checked_in_at: string
  code_check_at: string | null
  service_started_at: string | null
  completed_at: string | null
  gate_decision: 'code-on-file' | 'no-code-needed' | 'memory-saver' | 'risk-accepted' | null
  gate_detail_json: Generated<string>
  gate_decided_by: number | null
  gate_decided_at: string | null
  battery_disconnected_at: string | null
  checklist_json: Generated<string>
  card_printed_at: string | null
  card_handed_over_at: string | null
  card_handed_over_by: number | null
  card_declined_at: string | null
  card_declined_by: number | null
  notes: Generated<string>
  updated_at: string
}

export interface PrintJobsTable {
  id: Generated<number>
  document_type: string
  battery_job_id: number | null
  printer_name: Generated<string>
  options_json: Generated<string>
  status: 'queued' | 'printing' | 'printed' | 'saved' | 'failed' | 'cancelled'
  error: Generated<string>
  requested_by: number | null
  workstation_id: string
  requested_at: string
  finished_at: string | null
}

export interface ShopSettingsTable {
  key: string
  value_json: string
  updated_at: string
  updated_by: number | null
}

export interface WorkstationSettingsTable {
  workstation_id: string
  key: string
  value_json: string
  updated_at: string
}

export interface VaultKeysTable {
  id: Generated<number>
  purpose: 'data-key' | 'pin-pepper'
  wrap_method: 'safe-storage' | 'passphrase' | 'test' | 'recovery-key'
  wrapped_key: string
  kdf_params_json: Generated<string>
  key_check: string
  created_at: string
  retired_at: string | null
}

export interface AuditLogTable {
  id: Generated<number>
  at: string
  workstation_id: string
  staff_id: number | null
  action: string
  entity_type: Generated<string>
  entity_id: number | null
  details_json: Generated<string>
  prev_hash: string
  hash: string
}

export interface SearchKeysTable {
  id: Generated<number>
  entity_type: string
  entity_id: number
  kind: string
  key: string
}

/** FTS5 table: one row per record, its rowid the record (see sqlite-search-index.ts). */
export interface SearchWordsTable {
  rowid: number
  terms: string
}

export interface Database {
  staff: StaffTable
  customers: CustomersTable
  customer_phones: CustomerPhonesTable
  vehicles: VehiclesTable
  vehicle_ownerships: VehicleOwnershipsTable
  radios: RadiosTable
  radio_codes: RadioCodesTable
  code_retrieval_requests: CodeRetrievalRequestsTable
  battery_jobs: BatteryJobsTable
  print_jobs: PrintJobsTable
  shop_settings: ShopSettingsTable
  workstation_settings: WorkstationSettingsTable
  vault_keys: VaultKeysTable
  audit_log: AuditLogTable
  search_keys: SearchKeysTable
  search_words: SearchWordsTable
}

export type CustomerRow = Selectable<CustomersTable>
export type NewCustomerRow = Insertable<CustomersTable>
export type CustomerUpdate = Updateable<CustomersTable>
export type CustomerPhoneRow = Selectable<CustomerPhonesTable>
export type AuditRow = Selectable<AuditLogTable>
