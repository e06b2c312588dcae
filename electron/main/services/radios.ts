import { AppError } from '../../../shared/api/errors'
import type { NewRadio, UpdateRadio } from '../../../shared/domain/radio'
import type { VehicleDetail } from '../../../shared/domain/vehicle'
import { appendAudit } from '../../db/repositories/audit'
import { findRadioVehicleId, insertRadio, updateRadioDetails } from '../../db/repositories/radios'
import { findVehicleById } from '../../db/repositories/vehicles'
import type { AppServices } from './app-services'
import { radioSearchDocument } from './search-documents'
import { getVehicleDetail } from './vehicles'

/** Records the vehicle's radio. A radio already installed becomes history (removed), never deleted. */
export async function addRadio(services: AppServices, input: NewRadio): Promise<VehicleDetail> {
  const db = services.requireDb()
  const now = services.now().toISOString()
  if (!(await findVehicleById(db, input.vehicleId))) throw new AppError('NOT_FOUND', 'That vehicle was not found.')
  await db.transaction().execute(async (trx) => {
    const radioId = await insertRadio(
      trx,
      { vehicleId: input.vehicleId, serial: input.serial, headUnit: input.headUnit, installedAt: null },
      now,
      services.actorId(),
      input.replacesReason === '' ? 'replaced' : input.replacesReason,
    )
    await services.search.put(trx, 'radio', radioId, radioSearchDocument(input))
    await appendAudit(trx, {
      at: now,
      workstationId: services.workstationId,
      staffId: services.actorId(),
      action: 'radio.add',
      entityType: 'radio',
      entityId: radioId,
      details: { vehicleId: input.vehicleId },
    })
  })
  services.events.emit('data.changed', { entity: 'vehicle', id: input.vehicleId })
  return getVehicleDetail(services, input.vehicleId)
}

/** Corrects a radio's serial or description (a different radio is addRadio instead). */
export async function updateRadio(services: AppServices, input: UpdateRadio): Promise<VehicleDetail> {
  const db = services.requireDb()
  const now = services.now().toISOString()
  const vehicleId = await findRadioVehicleId(db, input.id)
  if (vehicleId === null) throw new AppError('NOT_FOUND', 'That radio was not found.')
  await db.transaction().execute(async (trx) => {
    await updateRadioDetails(trx, input.id, input.serial, input.headUnit, now)
    await services.search.put(trx, 'radio', input.id, radioSearchDocument(input))
    await appendAudit(trx, {
      at: now,
      workstationId: services.workstationId,
      staffId: services.actorId(),
      action: 'radio.update',
      entityType: 'radio',
      entityId: input.id,
      details: { vehicleId },
    })
  })
  services.events.emit('data.changed', { entity: 'vehicle', id: vehicleId })
  return getVehicleDetail(services, vehicleId)
}
