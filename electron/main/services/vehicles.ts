import { AppError } from '../../../shared/api/errors'
import type { NewVehicle, TransferVehicle, UpdateVehicle, Vehicle, VehicleDetail, VehicleFields } from '../../../shared/domain/vehicle'
import { appendAudit } from '../../db/repositories/audit'
import { findCustomerById } from '../../db/repositories/customers'
import { listRadiosOfVehicle } from '../../db/repositories/radios'
import {
  findVehicleById,
  findVehicleByVin,
  insertVehicle,
  listOwnershipHistory,
  transferOwnership,
  updateVehicleFields,
} from '../../db/repositories/vehicles'
import type { AppServices } from './app-services'
import { guidanceForVehicle } from './knowledge'
import { vehicleSearchDocument } from './search-documents'

function duplicateVin(existing: Vehicle): AppError {
  const owner = existing.currentOwner ? ` (owner: ${existing.currentOwner.name})` : ''
  return new AppError('DUPLICATE', `This VIN is already on file for vehicle ${existing.id}${owner}. Open that record instead.`, [
    { path: 'vin', message: 'This VIN is already on file.' },
  ], { entity: 'vehicle', id: existing.id })
}

/** Adds a vehicle to a customer. The same VIN twice points to the existing record instead. */
export async function createVehicle(services: AppServices, input: NewVehicle): Promise<Vehicle> {
  const db = services.requireDb()
  const now = services.now().toISOString()
  const existing = await findVehicleByVin(db, input.vin)
  if (existing) throw duplicateVin(existing)
  if (!(await findCustomerById(db, input.ownerId))) throw new AppError('NOT_FOUND', 'The owner was not found.')
  const id = await db.transaction().execute(async (trx) => {
    const vehicleId = await insertVehicle(trx, input, now, services.actorId())
    await services.search.put(trx, 'vehicle', vehicleId, vehicleSearchDocument(input))
    await appendAudit(trx, {
      at: now,
      workstationId: services.workstationId,
      staffId: services.actorId(),
      action: 'vehicle.create',
      entityType: 'vehicle',
      entityId: vehicleId,
      details: { ownerId: input.ownerId },
    })
    return vehicleId
  })
  services.events.emit('data.changed', { entity: 'vehicle', id })
  return requireVehicle(services, id)
}

/** Changes the fields given; the rest stay as they are. */
export async function updateVehicle(services: AppServices, input: UpdateVehicle): Promise<Vehicle> {
  const db = services.requireDb()
  const now = services.now().toISOString()
  const current = await requireVehicle(services, input.id)
  const merged: VehicleFields = {
    vin: input.vin ?? current.vin,
    year: input.year === undefined ? current.year : input.year,
    make: input.make ?? current.make,
    model: input.model ?? current.model,
    trim: input.trim ?? current.trim,
    engine: input.engine ?? current.engine,
    plate: input.plate ?? current.plate,
    plateState: input.plateState ?? current.plateState,
    colour: input.colour ?? current.colour,
    notes: input.notes ?? current.notes,
  }
  const sameVin = await findVehicleByVin(db, merged.vin)
  if (sameVin && sameVin.id !== input.id) throw duplicateVin(sameVin)
  await db.transaction().execute(async (trx) => {
    if (!(await updateVehicleFields(trx, input.id, merged, now))) throw new AppError('NOT_FOUND', 'That vehicle was not found.')
    await services.search.put(trx, 'vehicle', input.id, vehicleSearchDocument(merged))
    await appendAudit(trx, {
      at: now,
      workstationId: services.workstationId,
      staffId: services.actorId(),
      action: 'vehicle.update',
      entityType: 'vehicle',
      entityId: input.id,
      details: {},
    })
  })
  services.events.emit('data.changed', { entity: 'vehicle', id: input.id })
  return requireVehicle(services, input.id)
}

/** Moves a vehicle to a new owner; its radios, codes and jobs go with it. */
export async function transferVehicle(services: AppServices, input: TransferVehicle): Promise<VehicleDetail> {
  const db = services.requireDb()
  const now = services.now().toISOString()
  const vehicle = await requireVehicle(services, input.vehicleId)
  if (vehicle.currentOwner?.customerId === input.toCustomerId) {
    throw new AppError('CONFLICT', `${vehicle.currentOwner.name} already owns this vehicle.`)
  }
  if (!(await findCustomerById(db, input.toCustomerId))) throw new AppError('NOT_FOUND', 'The new owner was not found.')
  await db.transaction().execute(async (trx) => {
    const previousOwner = await transferOwnership(trx, input.vehicleId, input.toCustomerId, now, services.actorId(), input.notes)
    await appendAudit(trx, {
      at: now,
      workstationId: services.workstationId,
      staffId: services.actorId(),
      action: 'vehicle.transfer',
      entityType: 'vehicle',
      entityId: input.vehicleId,
      details: { from: previousOwner, to: input.toCustomerId },
    })
  })
  services.events.emit('data.changed', { entity: 'vehicle', id: input.vehicleId })
  return getVehicleDetail(services, input.vehicleId)
}

async function requireVehicle(services: AppServices, id: number): Promise<Vehicle> {
  const vehicle = await findVehicleById(services.requireDb(), id)
  if (!vehicle) throw new AppError('NOT_FOUND', 'That vehicle was not found.')
  return vehicle
}

/** A vehicle's page: the vehicle, its owners over time, its radios, and what to expect from its radio. */
export async function getVehicleDetail(services: AppServices, id: number): Promise<VehicleDetail> {
  const db = services.requireDb()
  const vehicle = await requireVehicle(services, id)
  const [owners, radios] = await Promise.all([listOwnershipHistory(db, id), listRadiosOfVehicle(db, id)])
  return { vehicle, owners, radios, guidance: guidanceForVehicle(vehicle) }
}

/** The duplicate check while typing: the vehicle that already has this VIN, or null. */
export async function findVehicleWithVin(services: AppServices, vin: string): Promise<Vehicle | null> {
  return (await findVehicleByVin(services.requireDb(), vin)) ?? null
}
