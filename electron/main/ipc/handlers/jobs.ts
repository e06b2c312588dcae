import type { Handlers } from '../router'
import type { AppServices } from '../../services/app-services'
import {
  cancelJob,
  checkInBatteryJob,
  decideGate,
  declineCard,
  getBatteryJob,
  getCodeSituationForVehicle,
  handOverCard,
  linkRetrievalRequest,
  listEndOfDayUncollectedCards,
  listJobsForVehicle,
  listPendingCardsForCustomer,
  markBatteryDisconnected,
  markJobDone,
  recordChecklist,
  startCodeCheck,
  startService,
} from '../../services/battery-jobs'
import { getTodayBoard } from '../../services/today-board'

export const jobHandlers = {
  'jobs.codeSituation': (input, services) => getCodeSituationForVehicle(services, input.vehicleId),
  'jobs.checkIn': (input, services) => checkInBatteryJob(services, input),
  'jobs.get': (input, services) => getBatteryJob(services, input.jobId),
  'jobs.startCodeCheck': (input, services) => startCodeCheck(services, input),
  'jobs.decideGate': (input, services) => decideGate(services, input),
  'jobs.startService': (input, services) => startService(services, input),
  'jobs.markBatteryDisconnected': (input, services) => markBatteryDisconnected(services, input),
  'jobs.recordChecklist': (input, services) => recordChecklist(services, input),
  'jobs.markDone': (input, services) => markJobDone(services, input),
  'jobs.handOverCard': (input, services) => handOverCard(services, input),
  'jobs.declineCard': (input, services) => declineCard(services, input),
  'jobs.cancel': (input, services) => cancelJob(services, input),
  'jobs.linkRetrieval': (input, services) => linkRetrievalRequest(services, input),
  'jobs.listForVehicle': (input, services) => listJobsForVehicle(services, input.vehicleId),
  'jobs.pendingCardsForCustomer': (input, services) => listPendingCardsForCustomer(services, input.customerId),
  'jobs.endOfDay': (input, services) => listEndOfDayUncollectedCards(services, input.day),
  'jobs.todayBoard': (input, services) => getTodayBoard(services, input.day),
} satisfies Partial<Handlers<AppServices>>
