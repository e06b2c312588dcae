import type { StaffRole } from '../../../../shared/domain/staff'

export const ROLE_LABELS: Readonly<Record<StaffRole, string>> = {
  desk: 'Front desk',
  technician: 'Technician',
  manager: 'Manager',
}

export const ROLE_DESCRIPTIONS: Readonly<Record<StaffRole, string>> = {
  desk: 'Customers, vehicles and jobs; codes only if you allow it below.',
  technician: 'Works on the cars; codes only if you allow it below.',
  manager: 'Everything, including staff, the audit log and settings. Always may reveal and print codes.',
}
