import type { Handlers } from '../router'
import type { AppServices } from '../../services/app-services'
import { listAuditLog, verifyAuditLog } from '../../services/audit-viewer'

export const auditHandlers = {
  'audit.list': (input, services) => listAuditLog(services, input),
  'audit.verify': (_input, services) => verifyAuditLog(services),
} satisfies Partial<Handlers<AppServices>>
