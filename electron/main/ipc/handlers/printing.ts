import type { Handlers } from '../router'
import type { AppServices } from '../../services/app-services'
import { printTestPage } from '../../services/printing'
import { getPrintSetups, savePrintSetup } from '../../services/print-setup'

export const printingHandlers = {
  'printing.listPrinters': (_input, services) => services.printer.listPrinters(),
  'printing.printTestPage': (input, services) => printTestPage(services, input),
  'printing.getSetup': (_input, services) => getPrintSetups(services),
  'printing.saveSetup': (input, services) => savePrintSetup(services, input),
} satisfies Partial<Handlers<AppServices>>
