import type { Handlers } from '../router'
import type { AppServices } from '../../services/app-services'
import { releaseCode } from '../../services/code-release'

export const codeReleaseHandlers = {
  'codes.release': (input, services) => releaseCode(services, input),
} satisfies Partial<Handlers<AppServices>>
