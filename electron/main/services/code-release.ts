import { AppError } from '../../../shared/api/errors'
import { textContainsCode } from '../../../shared/domain/code-in-text'
import { isOwnershipProof, type ReleaseCodeInput } from '../../../shared/domain/code-release'
import type { RevealedCode } from '../../../shared/domain/radio-code'
import { mayRevealCodes } from '../../../shared/domain/staff'
import { appendAudit, type AuditEntry } from '../../db/repositories/audit'
import { findRadioCodeSecret } from '../../db/repositories/radio-codes'
import { findRadioVehicleId } from '../../db/repositories/radios'
import { CodeCipherError } from '../vault/code-cipher'
import type { AppServices } from './app-services'

/*
 * Giving a code to someone at the counter or on the phone (rules:
 * shared/domain/code-release.ts). The permission and PIN check are the
 * reveal's: reveal permission, and a PIN now or one typed in the last couple
 * of minutes. The code is decrypted and the 'code.release' audit row written
 * in one transaction: proofs checked, recipient, how, by whom. Never the code.
 */

function entry(services: AppServices, now: string, staffId: number, action: string, codeId: number, details: AuditEntry['details']): AuditEntry {
  return { at: now, workstationId: services.workstationId, staffId, action, entityType: 'radio_code', entityId: codeId, details }
}

export async function releaseCode(services: AppServices, input: ReleaseCodeInput): Promise<RevealedCode> {
  const security = services.requireSecurity()
  const db = services.requireDb()
  const staffId = security.requireActor()
  const member = await security.staff.getStaff(staffId)

  const denied = async (reason: string, message: string): Promise<never> => {
    const now = services.now().toISOString()
    await db.transaction().execute(async (trx) => {
      await appendAudit(trx, entry(services, now, staffId, 'code.release.denied', input.codeId, { reason }))
    })
    throw new AppError('FORBIDDEN', message)
  }
  if (!mayRevealCodes(member)) {
    return denied('no-permission', 'Your account may not reveal codes, so it may not give them out either. A manager can allow it under Staff.')
  }
  const proofOverride = !input.proofs.some(isOwnershipProof)
  if (proofOverride && member.role !== 'manager') {
    return denied('no-proof', 'Only a manager can give out a code without a proof of ownership.')
  }

  let unlock: 'pin' | 'recent-unlock'
  if (input.pin !== null) {
    const check = await security.staff.verifyPin(staffId, input.pin)
    if (!check.ok) throw new AppError('FORBIDDEN', check.message)
    security.session.recordUnlock(staffId)
    unlock = 'pin'
  } else if (security.session.hasRecentUnlock(staffId)) {
    unlock = 'recent-unlock'
  } else {
    throw new AppError('FORBIDDEN', 'Enter your PIN to give out this code.')
  }

  const row = await findRadioCodeSecret(db, input.codeId)
  if (!row) throw new AppError('NOT_FOUND', 'That code was not found.')
  if (row.supersededBy !== null) {
    throw new AppError('CONFLICT', 'A newer code has replaced this one. Give out the current code instead.')
  }
  const vehicleId = await findRadioVehicleId(db, row.radioId)
  const now = services.now().toISOString()
  try {
    const result = await db.transaction().execute(async (trx) => {
      const code = security.vault.decryptCode(row.radioId, row.ciphertext, row.keyId)
      for (const [path, text] of [
        ['recipientName', input.recipientName],
        ['noProofReason', input.noProofReason],
      ] as const) {
        if (textContainsCode(text, code)) {
          const message = 'Leave the code itself out of names and reasons: they are kept in the audit log unencrypted.'
          throw new AppError('VALIDATION', message, [{ path, message }])
        }
      }
      const auditId = await appendAudit(
        trx,
        entry(services, now, staffId, 'code.release', row.id, {
          radioId: row.radioId,
          vehicleId,
          recipientName: input.recipientName,
          recipientRole: input.recipientRole,
          channel: input.via,
          proofs: input.proofs.join(','),
          proofOverride,
          noProofReason: input.noProofReason,
          unlock,
        }),
      )
      return { code, auditId }
    })
    security.session.touch()
    return {
      codeId: row.id,
      radioId: row.radioId,
      code: result.code,
      current: true,
      verifiedAt: row.verifiedAt,
      auditId: result.auditId,
    }
  } catch (error) {
    if (!(error instanceof CodeCipherError)) throw error
    await db.transaction().execute(async (trx) => {
      await appendAudit(trx, entry(services, now, staffId, 'code.integrity.failed', row.id, { radioId: row.radioId, during: 'release' }))
    })
    throw new AppError(
      'INTERNAL',
      'This stored code failed its integrity check (it was changed or moved in the database), so it is not shown. Restore a backup or enter the code again.',
    )
  }
}
