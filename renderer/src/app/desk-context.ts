import { createContext, useContext } from 'react'
import type { StaffMember } from '../../../shared/domain/staff'

/** Who is signed in at the desk, and the actions every screen may need. */
export interface Desk {
  readonly member: StaffMember
  readonly isManager: boolean
  /** Signs out to the name picker (forms keep their drafts). */
  switchPerson(): void
  /** Asks main again who is at the desk (after changing one's own account, say). */
  recheck(): void
}

export const DeskContext = createContext<Desk | null>(null)

/** The desk; only inside the signed-in app (AppShell). */
export function useDesk(): Desk {
  const desk = useContext(DeskContext)
  if (!desk) throw new Error('useDesk() outside the signed-in app')
  return desk
}
