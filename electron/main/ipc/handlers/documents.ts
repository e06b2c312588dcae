import type { Handlers } from '../router'
import type { AppServices } from '../../services/app-services'
import { previewDocument, printDocument } from '../../services/print-documents'

export const documentHandlers = {
  'documents.preview': (input, services) => previewDocument(services, input),
  'documents.print': (input, services) => printDocument(services, input),
} satisfies Partial<Handlers<AppServices>>
