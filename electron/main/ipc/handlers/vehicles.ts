import type { Handlers } from '../router'
import type { AppServices } from '../../services/app-services'
import { listVehicleSummaries } from '../../../db/repositories/vehicles'
import { addRadio, updateRadio } from '../../services/radios'
import {
  createVehicle,
  findVehicleWithVin,
  getVehicleDetail,
  transferVehicle,
  updateVehicle,
} from '../../services/vehicles'

export const vehicleHandlers = {
  'vehicles.create': (input, services) => createVehicle(services, input),
  'vehicles.update': (input, services) => updateVehicle(services, input),
  'vehicles.get': (input, services) => getVehicleDetail(services, input.id),
  'vehicles.list': (input, services) => listVehicleSummaries(services.requireDb(), input.limit),
  'vehicles.findByVin': (input, services) => findVehicleWithVin(services, input.vin),
  'vehicles.transfer': (input, services) => transferVehicle(services, input),
  'vehicles.decodeVin': (input, services) => services.vinDecoder.decode(input.vin),
  'radios.add': (input, services) => addRadio(services, input),
  'radios.update': (input, services) => updateRadio(services, input),
} satisfies Partial<Handlers<AppServices>>
