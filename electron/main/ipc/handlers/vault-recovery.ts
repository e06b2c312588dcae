import type { RecoverySheetOutcome } from '../../../../shared/domain/security'
import { explainPrintFailure } from '../../../../shared/print/print-problems'
import { renderRecoverySheet } from '../../../../shared/print/recovery-sheet'
import { appendAudit } from '../../../db/repositories/audit'
import type { AppServices } from '../../services/app-services'
import { getShopSettings } from '../../services/shop-settings'
import type { Handlers } from '../router'

/*
 * The vault recovery key. These calls are public (the start-up screens use
 * them before anyone can sign in); each checks who may use it itself: see
 * vault/recovery-service.ts.
 */

/**
 * Prints the waiting key's sheet through the app's printer, with the system
 * dialog. Deliberately not a print job: print_jobs keeps documents for
 * reprints, and this one must exist only on paper. The audit row says it was
 * printed, never what it said.
 */
async function printRecoverySheet(services: AppServices): Promise<RecoverySheetOutcome> {
  const security = services.requireSecurity()
  const { recoveryKey, madeBy } = await security.recovery.waitingKeyToPrint()
  const shop = await getShopSettings(services)
  const document = renderRecoverySheet({
    shopName: shop.shopName,
    recoveryKey,
    madeAt: services.now().toLocaleDateString('en-US', { dateStyle: 'long' }),
  })
  let outcome: RecoverySheetOutcome
  try {
    const result = await services.printer.print({ document, printerName: null, silent: false, copies: 1 })
    outcome = { status: 'printed', savedTo: result.savedTo, message: 'The recovery sheet was sent to the printer. Check that it printed in full.' }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    const explained = explainPrintFailure(reason, null)
    outcome = { status: explained.problem === 'cancelled' ? 'cancelled' : 'failed', savedTo: null, message: explained.message }
    if (outcome.status === 'failed') services.log.error('recovery sheet failed to print', error)
  }
  const at = services.now().toISOString()
  await services
    .requireDb()
    .transaction()
    .execute((trx) =>
      appendAudit(trx, {
        at,
        workstationId: services.workstationId,
        staffId: madeBy,
        action: 'vault.recovery-sheet.print',
        entityType: 'vault',
        entityId: null,
        details: { result: outcome.status },
      }),
    )
  return outcome
}

export const vaultRecoveryHandlers = {
  'vault.recover': (input, services) => services.requireSecurity().recoverVault(input.recoveryKey, input.newPassphrase),
  'vault.newRecoveryKey': (input, services) => services.requireSecurity().recovery.newRecoveryKey(input.pin),
  'vault.confirmRecoveryKey': async (input, services) => {
    const security = services.requireSecurity()
    await security.recovery.confirmRecoveryKey(input.lastGroup)
    return security.status()
  },
  'vault.printRecoverySheet': (_input, services) => printRecoverySheet(services),
} satisfies Partial<Handlers<AppServices>>
