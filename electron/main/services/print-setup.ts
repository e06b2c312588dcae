import { NO_PLACEMENT, type Placement } from '../../../shared/print/placement'
import {
  orientationApplies,
  printSetupSchema,
  SETUP_DOCUMENTS,
  storedPrintSetup,
  type PrintSetup,
  type PrintSetups,
  type SetupDocument,
} from '../../../shared/print/print-setup'
import { appendAudit } from '../../db/repositories/audit'
import { readWorkstationSettings, writeWorkstationSetting } from '../../db/repositories/workstation-settings'
import { parseInput } from '../staff/parse-input'
import type { AppServices } from './app-services'

/*
 * This computer's printer setup for each document type (workstation_settings,
 * key "print-setup.<document>"). Another front-desk computer has its own.
 */

const KEY_PREFIX = 'print-setup.'

function keyOf(document: SetupDocument): string {
  return `${KEY_PREFIX}${document}`
}

export async function getPrintSetups(services: AppServices): Promise<PrintSetups> {
  const stored = await readWorkstationSettings(services.requireDb(), services.workstationId, KEY_PREFIX)
  const setups = {} as Record<SetupDocument, PrintSetup>
  for (const document of SETUP_DOCUMENTS) setups[document] = storedPrintSetup(document, stored.get(keyOf(document)))
  return setups as unknown as PrintSetups
}

export async function getPrintSetup<D extends SetupDocument>(services: AppServices, document: D): Promise<PrintSetups[D]> {
  return (await getPrintSetups(services))[document]
}

/** Saves one document type's setup on this computer (audited); returns all of them. */
export async function savePrintSetup(services: AppServices, input: unknown): Promise<PrintSetups> {
  const setup = parseInput(printSetupSchema, input)
  const { document, ...value } = setup
  const db = services.requireDb()
  const now = services.now().toISOString()
  await db.transaction().execute(async (trx) => {
    await writeWorkstationSetting(trx, services.workstationId, keyOf(document), value, now)
    await appendAudit(trx, {
      at: now,
      workstationId: services.workstationId,
      staffId: services.actorId(),
      action: 'settings.print-setup.update',
      entityType: 'workstation_settings',
      entityId: null,
      details: {
        document,
        printerName: setup.printerName,
        format: setup.format,
        orientation: setup.orientation,
        copies: setup.copies,
        silent: setup.silent,
        offsetXmm: setup.offsetXmm,
        offsetYmm: setup.offsetYmm,
      },
    })
  })
  services.events.emit('data.changed', { entity: 'print-setup', id: null })
  return getPrintSetups(services)
}

/**
 * True when a print goes to the printer this setup calibrates (the same
 * name, or both "this computer's default printer").
 */
export function isSetupPrinter(setup: PrintSetup, printerName: string | null): boolean {
  return (setup.printerName ?? null) === (printerName ?? null)
}

/**
 * Where the page lands for this print: the setup's offset and orientation
 * belong to its printer, so a print to any other printer (or a PDF) goes
 * without them.
 */
export function placementFor(setup: PrintSetup, printerName: string | null, format: string): Placement {
  if (!isSetupPrinter(setup, printerName)) return NO_PLACEMENT
  return {
    offsetXmm: setup.offsetXmm,
    offsetYmm: setup.offsetYmm,
    // The wallet card is designed landscape; portrait means the printer takes it turned.
    turned: orientationApplies(setup.document, format) && setup.orientation === 'portrait',
  }
}
