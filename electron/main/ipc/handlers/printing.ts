import type { Handlers } from '../router'
import type { AppServices } from '../../services/app-services'
import { printTestPage } from '../../services/printing'

export const printingHandlers = {
  'printing.listPrinters': (_input, services) => services.printer.listPrinters(),
  'printing.printTestPage': (input, services) => printTestPage(services, input.printerName),
} satisfies Partial<Handlers<AppServices>>
