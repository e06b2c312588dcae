import { sql, type Kysely } from 'kysely'

/*
 * Frozen in time: this file imports only kysely and uses Kysely<any>.
 * Never edit it once released; add a new migration instead.
 *
 * The schema covers the whole product so later features add columns, not
 * tables. Conventions: snake_case columns, dates as ISO-8601 UTC text,
 * booleans as 0/1 integers, money as integer cents, ids below 2^53.
 * Records that people depend on are archived (archived_at), never deleted.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('desk', 'technician', 'manager')`))
    .addColumn('pin_hash', 'text')
    .addColumn('can_reveal_codes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('can_print_codes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_pin_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('pin_changed_at', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('customers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('preferred_language', 'text', (c) =>
      c.notNull().defaultTo('en').check(sql`preferred_language in ('en', 'es')`),
    )
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('search_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute()
  await db.schema.createIndex('customers_search_key').on('customers').column('search_key').execute()

  await db.schema
    .createTable('customer_phones')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('digits', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('customer_phones_customer').on('customer_phones').column('customer_id').execute()
  await db.schema.createIndex('customer_phones_digits').on('customer_phones').column('digits').execute()

  await db.schema
    .createTable('vehicles')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('vin', 'text')
    .addColumn('year', 'integer')
    .addColumn('make', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('model', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('trim', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('engine', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('plate', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('plate_state', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('plate_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('colour', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('search_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute()
  // One record per VIN; vehicles entered before the VIN is known have none.
  await db.schema
    .createIndex('vehicles_vin_unique')
    .on('vehicles')
    .column('vin')
    .unique()
    .where(sql.ref('vin'), 'is not', null)
    .execute()
  await db.schema.createIndex('vehicles_plate_key').on('vehicles').column('plate_key').execute()

  // A vehicle moves between customers and keeps its history: one row per owner spell.
  await db.schema
    .createTable('vehicle_ownerships')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('vehicle_id', 'integer', (c) => c.notNull().references('vehicles.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('recorded_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema.createIndex('vehicle_ownerships_customer').on('vehicle_ownerships').column('customer_id').execute()
  await db.schema
    .createIndex('vehicle_ownerships_one_current')
    .on('vehicle_ownerships')
    .column('vehicle_id')
    .unique()
    .where(sql.ref('ended_at'), 'is', null)
    .execute()

  // A replaced radio becomes a new row; the old one keeps removed_at.
  await db.schema
    .createTable('radios')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('vehicle_id', 'integer', (c) => c.notNull().references('vehicles.id'))
    .addColumn('serial', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('serial_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('head_unit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('installed_at', 'text')
    .addColumn('removed_at', 'text')
    .addColumn('removed_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('radios_vehicle').on('radios').column('vehicle_id').execute()
  await db.schema.createIndex('radios_serial_key').on('radios').column('serial_key').execute()

  // Codes are ciphertext only (AES-256-GCM, base64). A corrected code is a new
  // row that supersedes the old one; rows are never overwritten.
  await db.schema
    .createTable('radio_codes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('radio_id', 'integer', (c) => c.notNull().references('radios.id'))
    .addColumn('code_ciphertext', 'text', (c) => c.notNull())
    .addColumn('key_id', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`source in ('owner-card', 'sticker', 'owners-manual', 'customer', 'dealer', 'manufacturer-website', 'previous-visit', 'other')`,
        ),
    )
    .addColumn('source_detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('format_override_reason', 'text')
    .addColumn('entered_by', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('verified_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('verified_at', 'text')
    .addColumn('superseded_by', 'integer', (c) => c.references('radio_codes.id'))
    .addColumn('superseded_at', 'text')
    .execute()
  await db.schema.createIndex('radio_codes_radio').on('radio_codes').column('radio_id').execute()

  await db.schema
    .createTable('code_retrieval_requests')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('vehicle_id', 'integer', (c) => c.notNull().references('vehicles.id'))
    .addColumn('radio_id', 'integer', (c) => c.references('radios.id'))
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('needed', 'requested', 'received', 'verified', 'failed', 'cancelled')`),
    )
    .addColumn('checklist_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('follow_up_on', 'text')
    .addColumn('cost_cents', 'integer')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('opened_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute()
  await db.schema.createIndex('code_retrieval_requests_vehicle').on('code_retrieval_requests').column('vehicle_id').execute()
  await db.schema
    .createIndex('code_retrieval_requests_follow_up')
    .on('code_retrieval_requests')
    .columns(['status', 'follow_up_on'])
    .execute()

  await db.schema
    .createTable('battery_jobs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('ro_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ro_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('vehicle_id', 'integer', (c) => c.notNull().references('vehicles.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('radio_id', 'integer', (c) => c.references('radios.id'))
    .addColumn('retrieval_request_id', 'integer', (c) => c.references('code_retrieval_requests.id'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(sql`status in ('checked-in', 'code-check', 'in-service', 'done', 'handed-over', 'card-declined', 'cancelled')`),
    )
    .addColumn('checked_in_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('checked_in_at', 'text', (c) => c.notNull())
    .addColumn('code_check_at', 'text')
    .addColumn('service_started_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('gate_decision', 'text', (c) =>
      c.check(sql`gate_decision in ('code-on-file', 'no-code-needed', 'memory-saver', 'risk-accepted')`),
    )
    .addColumn('gate_detail_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('gate_decided_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('gate_decided_at', 'text')
    .addColumn('battery_disconnected_at', 'text')
    .addColumn('checklist_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('card_printed_at', 'text')
    .addColumn('card_handed_over_at', 'text')
    .addColumn('card_handed_over_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('card_declined_at', 'text')
    .addColumn('card_declined_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('battery_jobs_status').on('battery_jobs').columns(['status', 'checked_in_at']).execute()
  await db.schema.createIndex('battery_jobs_vehicle').on('battery_jobs').column('vehicle_id').execute()
  await db.schema.createIndex('battery_jobs_customer').on('battery_jobs').column('customer_id').execute()
  await db.schema.createIndex('battery_jobs_ro_key').on('battery_jobs').column('ro_key').execute()

  await db.schema
    .createTable('print_jobs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('document_type', 'text', (c) => c.notNull())
    .addColumn('battery_job_id', 'integer', (c) => c.references('battery_jobs.id'))
    .addColumn('printer_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('options_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('queued', 'printing', 'printed', 'saved', 'failed', 'cancelled')`),
    )
    .addColumn('error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('requested_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('workstation_id', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute()
  await db.schema.createIndex('print_jobs_battery_job').on('print_jobs').column('battery_job_id').execute()

  // Shop-wide settings as key → JSON value, so a new setting needs no migration.
  await db.schema
    .createTable('shop_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('staff.id'))
    .execute()

  // Printer choices differ per front-desk machine.
  await db.schema
    .createTable('workstation_settings')
    .addColumn('workstation_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('workstation_settings_pk', ['workstation_id', 'key'])
    .execute()

  // Wrapped keys (the data key for radio codes, the PIN pepper). Never the raw key.
  await db.schema
    .createTable('vault_keys')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('data-key', 'pin-pepper')`))
    .addColumn('wrap_method', 'text', (c) => c.notNull().check(sql`wrap_method in ('safe-storage', 'passphrase', 'test')`))
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    .addColumn('kdf_params_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('key_check', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute()

  // Append-only audit log. Each row carries the hash of the previous row, so a
  // deleted or edited row breaks the chain; the triggers below refuse edits.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('workstation_id', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('entity_id', 'integer')
    .addColumn('details_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity_type', 'entity_id']).execute()
  await sql`create trigger audit_log_no_update before update on audit_log
    begin select raise(abort, 'audit_log is append-only'); end`.execute(db)
  await sql`create trigger audit_log_no_delete before delete on audit_log
    begin select raise(abort, 'audit_log is append-only'); end`.execute(db)

  // Exact and prefix keys for search: phone digits, plate, VIN, radio serial,
  // repair-order number. Reversed keys (stored with a leading '~') let "the
  // last six of the VIN" or "the last four of the phone" use the same index.
  // A plain B-tree table: portable to PostgreSQL as it is.
  await db.schema
    .createTable('search_keys')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('search_keys_key').on('search_keys').column('key').execute()
  await db.schema.createIndex('search_keys_entity').on('search_keys').columns(['entity_type', 'entity_id']).execute()

  // Search index for customers, vehicles and radios. SQLite-specific (FTS5);
  // only the search repository touches it, behind the SearchIndex interface.
  await sql`create virtual table search_index using fts5(
    entity_type unindexed, entity_id unindexed, terms,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4'
  )`.execute(db)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'search_index',
    'search_keys',
    'audit_log',
    'vault_keys',
    'workstation_settings',
    'shop_settings',
    'print_jobs',
    'battery_jobs',
    'code_retrieval_requests',
    'radio_codes',
    'radios',
    'vehicle_ownerships',
    'vehicles',
    'customer_phones',
    'customers',
    'staff',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
