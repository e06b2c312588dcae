import type { Kysely } from 'kysely'
import { AppError } from '../../../shared/api/errors'
import {
  RADIO_CODE_MASK,
  newRadioCodeSchema,
  normalizeRadioCode,
  revealCodeSchema,
  type RadioCodeHistoryEntry,
  type RevealedCode,
} from '../../../shared/domain/radio-code'
import { mayPrintCodes, mayRevealCodes } from '../../../shared/domain/staff'
import { appendAudit, type AuditEntry } from '../../db/repositories/audit'
import {
  findRadioCodeSecret,
  insertRadioCode,
  listRadioCodeHistory,
  markRadioCodeVerified,
  radioExists,
  supersedeCurrentCodes,
  type RadioCodeHistoryRow,
} from '../../db/repositories/radio-codes'
import type { Database } from '../../db/schema'
import { parseInput } from '../staff/parse-input'
import type { DeskSession } from '../staff/session'
import type { StaffService } from '../staff/staff-service'
import { CodeCipherError } from './code-cipher'
import type { Vault } from './vault'

/*
 * Radio codes: entered, corrected (a new row supersedes the old, nothing is
 * overwritten), verified, listed masked, and revealed or released for
 * printing only to someone allowed to, after a PIN (or a PIN typed in the
 * last couple of minutes). Every change, reveal and print writes its audit
 * row in the same transaction. No audit row, log line or error message ever
 * carries a code.
 */

export interface RadioCodeServiceOptions {
  readonly db: Kysely<Database>
  readonly vault: Vault
  readonly staff: StaffService
  /** Who is at the desk; reveal and print act for that member. */
  readonly session: DeskSession
  readonly workstationId: string
  readonly now: () => Date
  /**
   * Problems with the code's format for this radio (e.g. from the radio
   * knowledge base's checkCodeFormat); empty when it looks right or cannot be
   * checked. A code with problems is kept only with a format override reason.
   */
  readonly checkFormat?: (radioId: number, code: string) => Promise<readonly string[]>
}

export interface RadioCodeService {
  /** Stores a new code for a radio (any active staff member). The previous current code is superseded, never changed. */
  addCode(actorId: number, input: unknown): Promise<RadioCodeHistoryEntry>
  /** Records that the code worked in the radio (any active staff member), once. */
  markVerified(actorId: number, codeId: number): Promise<RadioCodeHistoryEntry>
  /** A radio's codes, newest first, masked. */
  listHistory(radioId: number): Promise<RadioCodeHistoryEntry[]>
  /** Format problems of a code for this radio (knowledge base), checked while the desk types; nothing is stored. */
  checkFormat(radioId: number, code: string): Promise<readonly string[]>
  /** The code in clear text for the member at the desk: needs reveal permission and a PIN (or a recent one). Audited. */
  reveal(input: unknown): Promise<RevealedCode>
  /** The code in clear text for printing a code card: needs print permission and a PIN (or a recent one). Audited. */
  releaseForPrint(input: unknown): Promise<RevealedCode>
}

function toEntry(row: RadioCodeHistoryRow): RadioCodeHistoryEntry {
  return {
    id: row.id,
    radioId: row.radioId,
    masked: RADIO_CODE_MASK,
    current: row.supersededBy === null,
    source: row.source,
    sourceDetail: row.sourceDetail,
    formatOverrideReason: row.formatOverrideReason,
    enteredBy: { id: row.enteredById, name: row.enteredByName },
    enteredAt: row.enteredAt,
    verifiedBy: row.verifiedById === null ? null : { id: row.verifiedById, name: row.verifiedByName ?? '' },
    verifiedAt: row.verifiedAt,
    supersededBy: row.supersededBy,
    supersededAt: row.supersededAt,
  }
}

/**
 * True when a note contains the code: as a word of its own (dashes inside
 * ignored, so "555-1357" is a phone number, not code 1357) or split over
 * neighbouring words ("605 1973", "605 - 1973").
 */
function noteContainsCode(note: string | null, code: string): boolean {
  if (!note) return false
  const words = note.split(/\s+/).map((word) => normalizeRadioCode(word.replace(/^[^0-9A-Za-z]+|[^0-9A-Za-z]+$/g, '')))
  for (let start = 0; start < words.length; start += 1) {
    let joined = ''
    for (let end = start; end < words.length && joined.length < code.length; end += 1) {
      joined += words[end]
      if (joined === code) return true
    }
  }
  return false
}

type Disclosure = 'reveal' | 'print'

const DISCLOSURE_WORDS: Readonly<Record<Disclosure, { action: string; verb: string; setting: string }>> = {
  reveal: { action: 'code.reveal', verb: 'reveal', setting: 'reveal codes' },
  print: { action: 'code.print', verb: 'print', setting: 'print code cards' },
}

export function createRadioCodeService(options: RadioCodeServiceOptions): RadioCodeService {
  const { db, vault, session } = options

  const entry = (
    now: string,
    staffId: number | null,
    action: string,
    codeId: number | null,
    details: AuditEntry['details'],
  ): AuditEntry => ({ at: now, workstationId: options.workstationId, staffId, action, entityType: 'radio_code', entityId: codeId, details })

  const historyEntry = async (radioId: number, codeId: number): Promise<RadioCodeHistoryEntry> => {
    const row = (await listRadioCodeHistory(db, radioId)).find((candidate) => candidate.id === codeId)
    if (!row) throw new AppError('NOT_FOUND', 'That code was not found.')
    return toEntry(row)
  }

  const disclose = async (kind: Disclosure, input: unknown): Promise<RevealedCode> => {
    const words = DISCLOSURE_WORDS[kind]
    const { codeId, pin } = parseInput(revealCodeSchema, input)
    const staffId = session.currentStaffId()
    if (staffId === null) throw new AppError('FORBIDDEN', `Sign in at the desk with your PIN to ${words.verb} a code.`)
    const member = await options.staff.getStaff(staffId)
    const allowed = kind === 'reveal' ? mayRevealCodes(member) : mayPrintCodes(member)
    if (!allowed) {
      const now = options.now().toISOString()
      await db.transaction().execute(async (trx) => {
        await appendAudit(trx, entry(now, staffId, `${words.action}.denied`, codeId, { reason: 'no-permission' }))
      })
      throw new AppError('FORBIDDEN', `Your account may not ${words.setting}. A manager can allow it under Staff.`)
    }
    let via: 'pin' | 'recent-unlock'
    if (pin !== null) {
      const check = await options.staff.verifyPin(staffId, pin)
      if (!check.ok) throw new AppError('FORBIDDEN', check.message)
      session.recordUnlock(staffId)
      via = 'pin'
    } else if (session.hasRecentUnlock(staffId)) {
      via = 'recent-unlock'
    } else {
      throw new AppError('FORBIDDEN', `Enter your PIN to ${words.verb} this code.`)
    }
    const row = await findRadioCodeSecret(db, codeId)
    if (!row) throw new AppError('NOT_FOUND', 'That code was not found.')
    const now = options.now().toISOString()
    try {
      const result = await db.transaction().execute(async (trx) => {
        const code = vault.decryptCode(row.radioId, row.ciphertext, row.keyId)
        const auditId = await appendAudit(
          trx,
          entry(now, staffId, words.action, row.id, { radioId: row.radioId, current: row.supersededBy === null, via }),
        )
        return { code, auditId }
      })
      session.touch()
      return {
        codeId: row.id,
        radioId: row.radioId,
        code: result.code,
        current: row.supersededBy === null,
        verifiedAt: row.verifiedAt,
        auditId: result.auditId,
      }
    } catch (error) {
      if (!(error instanceof CodeCipherError)) throw error
      await db.transaction().execute(async (trx) => {
        await appendAudit(trx, entry(now, staffId, 'code.integrity.failed', row.id, { radioId: row.radioId, during: kind }))
      })
      throw new AppError(
        'INTERNAL',
        'This stored code failed its integrity check (it was changed or moved in the database), so it is not shown. Restore a backup or enter the code again.',
      )
    }
  }

  return {
    async checkFormat(radioId, code) {
      return options.checkFormat ? options.checkFormat(radioId, code) : []
    },

    async addCode(actorId, input) {
      await options.staff.requireActive(actorId)
      const code = parseInput(newRadioCodeSchema, input)
      if (!(await radioExists(db, code.radioId))) throw new AppError('NOT_FOUND', 'That radio was not found.')
      for (const [path, note] of [
        ['sourceDetail', code.sourceDetail],
        ['formatOverrideReason', code.formatOverrideReason],
      ] as const) {
        if (noteContainsCode(note, code.code)) {
          throw new AppError('VALIDATION', 'Leave the code itself out of notes: notes are not encrypted.', [
            { path, message: 'Leave the code itself out of notes: notes are not encrypted.' },
          ])
        }
      }
      const problems = options.checkFormat ? await options.checkFormat(code.radioId, code.code) : []
      if (problems.length > 0 && code.formatOverrideReason === null) {
        throw new AppError(
          'VALIDATION',
          `${problems[0]} If the code is right anyway, say why (for example “confirmed by the dealer”).`,
          problems.map((message) => ({ path: 'code', message })),
        )
      }
      const encrypted = vault.encryptCode(code.radioId, code.code)
      const now = options.now().toISOString()
      const codeId = await db.transaction().execute(async (trx) => {
        const id = await insertRadioCode(
          trx,
          {
            radioId: code.radioId,
            ciphertext: encrypted.ciphertext,
            keyId: encrypted.keyId,
            source: code.source,
            sourceDetail: code.sourceDetail,
            formatOverrideReason: code.formatOverrideReason,
            enteredBy: actorId,
          },
          now,
        )
        const superseded = await supersedeCurrentCodes(trx, code.radioId, id, now)
        await appendAudit(
          trx,
          entry(now, actorId, 'code.enter', id, {
            radioId: code.radioId,
            source: code.source,
            supersedes: superseded[0] ?? null,
            supersededCount: superseded.length,
            formatOverride: code.formatOverrideReason !== null,
          }),
        )
        return id
      })
      return historyEntry(code.radioId, codeId)
    },

    async markVerified(actorId, codeId) {
      await options.staff.requireActive(actorId)
      const row = await findRadioCodeSecret(db, codeId)
      if (!row) throw new AppError('NOT_FOUND', 'That code was not found.')
      if (row.supersededBy !== null) {
        throw new AppError('CONFLICT', 'A newer code has replaced this one; verify the current code instead.')
      }
      const now = options.now().toISOString()
      await db.transaction().execute(async (trx) => {
        if (!(await markRadioCodeVerified(trx, codeId, actorId, now))) {
          throw new AppError('CONFLICT', 'This code is already marked as working.')
        }
        await appendAudit(trx, entry(now, actorId, 'code.verify', codeId, { radioId: row.radioId }))
      })
      return historyEntry(row.radioId, codeId)
    },

    async listHistory(radioId) {
      if (!(await radioExists(db, radioId))) throw new AppError('NOT_FOUND', 'That radio was not found.')
      return (await listRadioCodeHistory(db, radioId)).map(toEntry)
    },

    reveal: (input) => disclose('reveal', input),
    releaseForPrint: (input) => disclose('print', input),
  }
}
