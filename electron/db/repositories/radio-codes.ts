import type { Kysely, Transaction } from 'kysely'
import type { Database, RadioCodeSource } from '../schema'

type Executor = Kysely<Database> | Transaction<Database>

/*
 * Radio codes: ciphertext only. Rows are never overwritten or deleted: a
 * corrected code is a new row, and the old one gets superseded_by/_at. The
 * only updates here set those two columns or the verified pair, each only
 * while still empty.
 */

export interface NewRadioCodeRow {
  readonly radioId: number
  readonly ciphertext: string
  readonly keyId: number
  readonly source: RadioCodeSource
  readonly sourceDetail: string
  readonly formatOverrideReason: string | null
  readonly enteredBy: number
}

/** A code row with its ciphertext, for decrypting in the vault only. */
export interface RadioCodeSecretRow {
  readonly id: number
  readonly radioId: number
  readonly ciphertext: string
  readonly keyId: number
  readonly supersededBy: number | null
  readonly verifiedAt: string | null
}

/** A code row as history shows it: everything except the ciphertext, with staff names. */
export interface RadioCodeHistoryRow {
  readonly id: number
  readonly radioId: number
  readonly source: RadioCodeSource
  readonly sourceDetail: string
  readonly formatOverrideReason: string | null
  readonly enteredById: number
  readonly enteredByName: string
  readonly enteredAt: string
  readonly verifiedById: number | null
  readonly verifiedByName: string | null
  readonly verifiedAt: string | null
  readonly supersededBy: number | null
  readonly supersededAt: string | null
}

export async function radioExists(db: Executor, radioId: number): Promise<boolean> {
  return (await db.selectFrom('radios').select('id').where('id', '=', radioId).executeTakeFirst()) !== undefined
}

/** The radio's current codes (normally one; the newest first). */
export async function findCurrentCodeIds(db: Executor, radioId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('radio_codes')
    .select('id')
    .where('radio_id', '=', radioId)
    .where('superseded_by', 'is', null)
    .orderBy('id', 'desc')
    .execute()
  return rows.map((row) => row.id)
}

export async function insertRadioCode(trx: Transaction<Database>, code: NewRadioCodeRow, now: string): Promise<number> {
  const row = await trx
    .insertInto('radio_codes')
    .values({
      radio_id: code.radioId,
      code_ciphertext: code.ciphertext,
      key_id: code.keyId,
      source: code.source,
      source_detail: code.sourceDetail,
      format_override_reason: code.formatOverrideReason,
      entered_by: code.enteredBy,
      entered_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Marks the radio's other current codes as superseded by `newCodeId`. Returns the ids superseded. */
export async function supersedeCurrentCodes(
  trx: Transaction<Database>,
  radioId: number,
  newCodeId: number,
  now: string,
): Promise<number[]> {
  const rows = await trx
    .updateTable('radio_codes')
    .set({ superseded_by: newCodeId, superseded_at: now })
    .where('radio_id', '=', radioId)
    .where('superseded_by', 'is', null)
    .where('id', '!=', newCodeId)
    .returning('id')
    .execute()
  return rows.map((row) => row.id)
}

/** Records that the code worked in the radio. Only once per code; false when it was already verified or does not exist. */
export async function markRadioCodeVerified(
  trx: Transaction<Database>,
  codeId: number,
  staffId: number,
  now: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('radio_codes')
    .set({ verified_by: staffId, verified_at: now })
    .where('id', '=', codeId)
    .where('verified_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

export async function findRadioCodeSecret(db: Executor, codeId: number): Promise<RadioCodeSecretRow | undefined> {
  const row = await db
    .selectFrom('radio_codes')
    .select(['id', 'radio_id', 'code_ciphertext', 'key_id', 'superseded_by', 'verified_at'])
    .where('id', '=', codeId)
    .executeTakeFirst()
  return row
    ? {
        id: row.id,
        radioId: row.radio_id,
        ciphertext: row.code_ciphertext,
        keyId: row.key_id,
        supersededBy: row.superseded_by,
        verifiedAt: row.verified_at,
      }
    : undefined
}

/** A radio's code history, newest first, without ciphertext. */
export async function listRadioCodeHistory(db: Executor, radioId: number): Promise<RadioCodeHistoryRow[]> {
  const rows = await db
    .selectFrom('radio_codes')
    .innerJoin('staff as entered', 'entered.id', 'radio_codes.entered_by')
    .leftJoin('staff as verifier', 'verifier.id', 'radio_codes.verified_by')
    .select([
      'radio_codes.id',
      'radio_codes.radio_id',
      'radio_codes.source',
      'radio_codes.source_detail',
      'radio_codes.format_override_reason',
      'radio_codes.entered_by',
      'entered.name as entered_by_name',
      'radio_codes.entered_at',
      'radio_codes.verified_by',
      'verifier.name as verified_by_name',
      'radio_codes.verified_at',
      'radio_codes.superseded_by',
      'radio_codes.superseded_at',
    ])
    .where('radio_codes.radio_id', '=', radioId)
    .orderBy('radio_codes.id', 'desc')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    radioId: row.radio_id,
    source: row.source,
    sourceDetail: row.source_detail,
    formatOverrideReason: row.format_override_reason,
    enteredById: row.entered_by,
    enteredByName: row.entered_by_name,
    enteredAt: row.entered_at,
    verifiedById: row.verified_by,
    verifiedByName: row.verified_by_name ?? null,
    verifiedAt: row.verified_at,
    supersededBy: row.superseded_by,
    supersededAt: row.superseded_at,
  }))
}
