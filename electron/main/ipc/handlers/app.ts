import type { Handlers } from '../router'
import type { AppServices } from '../../services/app-services'

export const appHandlers = {
  'app.status': async (_input, services) => services.status,
} satisfies Partial<Handlers<AppServices>>
