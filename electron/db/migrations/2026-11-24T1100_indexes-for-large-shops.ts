import { sql, type Kysely } from 'kysely'

/*
 * Frozen in time: this file imports only kysely and uses Kysely<any>.
 * Never edit it once released; add a new migration instead.
 *
 * Indexes for three screens that read a whole table without them, found by
 * the benchmark at a million vehicles (820,000 battery jobs):
 *
 * - a vehicle's page lists its owners by vehicle_id; the only vehicle_id
 *   index covered current owners (ended_at is null), so the history read
 *   every ownership: up to 460 ms;
 * - the Vehicles list shows the most recently changed vehicles first
 *   (updated_at, id), which sorted every vehicle: 530 to 1,500 ms;
 * - the Today board takes jobs checked in, handed over or declined today
 *   besides the ones still on the board; with nothing to look those days up
 *   by, it read every job: 350 to 3,000 ms;
 * - the audit log filtered by one action or one person walked the whole log
 *   back from the newest row when the action or person is rare: 850 ms for
 *   "vault.unlock" in 4.9 million rows. (action, id) and (staff_id, id) give
 *   those rows newest first without a sort.
 *
 * Only indexes: nothing is rewritten, and the down migration drops them.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('vehicle_ownerships_vehicle').on('vehicle_ownerships').columns(['vehicle_id', 'started_at']).execute()
  await db.schema
    .createIndex('vehicles_recently_changed')
    .on('vehicles')
    .columns(['updated_at', 'id'])
    .where(sql.ref('archived_at'), 'is', null)
    .execute()
  await db.schema.createIndex('battery_jobs_checked_in_at').on('battery_jobs').column('checked_in_at').execute()
  await db.schema
    .createIndex('battery_jobs_card_handed_over_at')
    .on('battery_jobs')
    .column('card_handed_over_at')
    .where(sql.ref('card_handed_over_at'), 'is not', null)
    .execute()
  await db.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'id']).execute()
  await db.schema.createIndex('audit_log_staff').on('audit_log').columns(['staff_id', 'id']).execute()
  await db.schema
    .createIndex('battery_jobs_card_declined_at')
    .on('battery_jobs')
    .column('card_declined_at')
    .where(sql.ref('card_declined_at'), 'is not', null)
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    'battery_jobs_card_declined_at',
    'audit_log_staff',
    'audit_log_action',
    'battery_jobs_card_handed_over_at',
    'battery_jobs_checked_in_at',
    'vehicles_recently_changed',
    'vehicle_ownerships_vehicle',
  ]) {
    await db.schema.dropIndex(name).execute()
  }
}
