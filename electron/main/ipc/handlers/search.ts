import type { Handlers } from '../router'
import type { AppServices } from '../../services/app-services'
import { searchRecords } from '../../services/search'

export const searchHandlers = {
  'search.query': (input, services) => searchRecords(services, input.text, input.limitPerKind),
} satisfies Partial<Handlers<AppServices>>
