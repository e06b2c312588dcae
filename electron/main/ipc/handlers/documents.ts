import type { Handlers } from '../router'
import type { AppServices } from '../../services/app-services'
import { previewDocument, printDocument, saveDocumentPdf } from '../../services/print-documents'
import { printHistory } from '../../services/print-history'

export const documentHandlers = {
  'documents.preview': (input, services) => previewDocument(services, input),
  'documents.print': (input, services) => printDocument(services, input),
  'documents.savePdf': (input, services) => saveDocumentPdf(services, input),
  'documents.history': (input, services) => printHistory(services, input),
} satisfies Partial<Handlers<AppServices>>
