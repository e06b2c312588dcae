import type { Handlers } from '../router'
import type { AppServices } from '../../services/app-services'
import {
  getRetrievalRequest,
  listRetrievalRequestsForVehicle,
  openRetrievalRequest,
  receiveRetrievalCode,
  retrievalChannelsForVehicle,
  retrievalRequestsDueForFollowUp,
  updateRetrievalRequestFields,
} from '../../services/retrieval'

export const retrievalHandlers = {
  'retrieval.channelsForVehicle': (input, services) => retrievalChannelsForVehicle(services, input.vehicleId),
  'retrieval.open': (input, services) => openRetrievalRequest(services, input),
  'retrieval.get': (input, services) => getRetrievalRequest(services, input.id),
  'retrieval.listForVehicle': (input, services) => listRetrievalRequestsForVehicle(services, input.vehicleId),
  'retrieval.update': (input, services) => updateRetrievalRequestFields(services, input),
  'retrieval.receiveCode': (input, services) => receiveRetrievalCode(services, input),
  'retrieval.dueForFollowUp': (input, services) => retrievalRequestsDueForFollowUp(services, input.onOrBefore, input.limit),
} satisfies Partial<Handlers<AppServices>>
