import { AppError } from '../../../shared/api/errors'
import { toCsvRecord } from '../../../shared/domain/csv-escape'
import { exportFileName, type CsvExportFile } from '../../../shared/domain/csv-import'
import { formatPhoneList } from '../../../shared/domain/csv-rows'
import { appendAudit } from '../../db/repositories/audit'
import { findCurrentCodeSecrets, listCustomersForExport, listVehiclesForExport } from '../../db/repositories/import-batch'
import type { AppServices } from './app-services'

/*
 * Exporting customers and vehicles to CSV: one row per vehicle (its current
 * owner's details repeated), plus one row for each customer without a
 * vehicle. The "Customer ID" column ties a customer's rows together, so the
 * file imports back (csv-import) as the same records. Only the installed
 * radio is exported; removed radios, previous owners, code history and code
 * sources are not.
 *
 * Radio codes are left out unless a manager asks for them; that export is
 * audited as 'export.codes' with counts (never the codes), a refusal as
 * 'export.codes.denied'. Every cell is formula-escaped (see csv-escape.ts).
 * The file is UTF-8 with a BOM, so Excel reads accents right.
 */

export const EXPORT_HEADERS = [
  'Customer ID',
  'Name',
  'Phones',
  'Email',
  'Language',
  'Customer Notes',
  'VIN',
  'Year',
  'Make',
  'Model',
  'Trim',
  'Engine',
  'Plate',
  'State',
  'Color',
  'Vehicle Notes',
  'Radio Serial',
  'Head Unit',
] as const

const LANGUAGE_NAMES = { en: 'English', es: 'Spanish' } as const
const UTF8_BOM = '\uFEFF'

export interface CsvExport {
  /** UTF-8 with BOM. Sent over IPC as a Uint8Array. */
  readonly bytes: Uint8Array
  /** Data rows (not counting the header). */
  readonly rows: number
  readonly codesIncluded: number
}

export async function exportCsv(services: AppServices, input: { includeCodes: boolean; actorId: number | null }): Promise<CsvExport> {
  const db = services.requireDb()
  const now = services.now().toISOString()
  const includeCodes = input.includeCodes === true

  if (includeCodes) {
    const security = services.requireSecurity()
    const actor = input.actorId === null ? null : await security.staff.getStaff(input.actorId).catch(() => null)
    if (!actor || !actor.active || actor.role !== 'manager') {
      await db.transaction().execute(async (trx) => {
        await appendAudit(trx, {
          at: now,
          workstationId: services.workstationId,
          staffId: actor?.id ?? null,
          action: 'export.codes.denied',
          entityType: 'export',
          entityId: null,
          details: { reason: actor ? 'not-a-manager' : 'signed-out' },
        })
      })
      throw new AppError('FORBIDDEN', 'Only a manager can export radio codes. Export without codes, or ask a manager to sign in.')
    }
    if (!security.vault.isUnlocked()) {
      throw new AppError('VAULT_LOCKED', 'The code vault is locked. A manager must unlock it before codes can be exported.')
    }
  }

  const customers = await listCustomersForExport(db)
  const vehicles = await listVehiclesForExport(db)
  const secrets = includeCodes
    ? await findCurrentCodeSecrets(
        db,
        vehicles.flatMap((vehicle) => (vehicle.radio ? [vehicle.radio.id] : [])),
      )
    : new Map<number, { id: number; ciphertext: string; keyId: number }>()

  const byOwner = new Map<number, typeof vehicles>()
  for (const vehicle of vehicles) byOwner.set(vehicle.ownerId, [...(byOwner.get(vehicle.ownerId) ?? []), vehicle])

  const vault = includeCodes ? services.requireSecurity().vault : null
  let codesIncluded = 0
  let codesUnreadable = 0
  const parts: string[] = [UTF8_BOM, toCsvRecord(includeCodes ? [...EXPORT_HEADERS, 'Radio Code'] : [...EXPORT_HEADERS])]
  let rows = 0
  for (const customer of customers) {
    const customerCells = [
      String(customer.id),
      customer.name,
      formatPhoneList(customer.phones),
      customer.email,
      LANGUAGE_NAMES[customer.preferredLanguage],
      customer.notes,
    ]
    const owned = byOwner.get(customer.id) ?? []
    if (owned.length === 0) {
      parts.push(toCsvRecord([...customerCells, ...EXPORT_HEADERS.slice(customerCells.length).map(() => ''), ...(includeCodes ? [''] : [])]))
      rows += 1
      continue
    }
    for (const vehicle of owned) {
      const f = vehicle.fields
      const cells = [
        ...customerCells,
        f.vin,
        f.year === null ? '' : String(f.year),
        f.make,
        f.model,
        f.trim,
        f.engine,
        f.plate,
        f.plateState,
        f.colour,
        f.notes,
        vehicle.radio?.serial ?? '',
        vehicle.radio?.headUnit ?? '',
      ]
      if (includeCodes && vault) {
        const secret = vehicle.radio ? secrets.get(vehicle.radio.id) : undefined
        let code = ''
        if (secret && vehicle.radio) {
          try {
            code = vault.decryptCode(vehicle.radio.id, secret.ciphertext, secret.keyId)
            codesIncluded += 1
          } catch {
            codesUnreadable += 1
          }
        }
        cells.push(code)
      }
      parts.push(toCsvRecord(cells))
      rows += 1
    }
  }

  await db.transaction().execute(async (trx) => {
    await appendAudit(trx, {
      at: now,
      workstationId: services.workstationId,
      staffId: input.actorId,
      action: includeCodes ? 'export.codes' : 'export.csv',
      entityType: 'export',
      entityId: null,
      details: {
        rows,
        customers: customers.length,
        vehicles: vehicles.length,
        ...(includeCodes ? { codes: codesIncluded, codesUnreadable } : {}),
      },
    })
  })
  return { bytes: new Uint8Array(Buffer.from(parts.join(''), 'utf8')), rows, codesIncluded }
}

/** The export as the contract returns it: base64 bytes and a file name to suggest; codes only for the signed-in manager. */
export async function exportCsvFile(services: AppServices, input: { includeCodes: boolean }): Promise<CsvExportFile> {
  const out = await exportCsv(services, { includeCodes: input.includeCodes, actorId: services.actorId() })
  return {
    fileName: exportFileName(services.now(), input.includeCodes),
    contentBase64: Buffer.from(out.bytes).toString('base64'),
    rows: out.rows,
    codesIncluded: out.codesIncluded,
  }
}
