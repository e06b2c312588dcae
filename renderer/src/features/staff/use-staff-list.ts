import { useEffect, useState } from 'react'
import type { StaffMember } from '../../../../shared/domain/staff'
import { api, errorMessage } from '../../lib/api'

export type StaffListState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly staff: readonly StaffMember[] }
  | { readonly status: 'error'; readonly message: string }

/** Everyone on staff (active first, then by name). */
export function useStaffList(): {
  state: StaffListState
  reload: () => void
  /** Puts a member main just returned into the list. */
  replace: (member: StaffMember) => void
} {
  const [state, setState] = useState<StaffListState>({ status: 'loading' })
  const [version, setVersion] = useState(0)

  useEffect(() => {
    let cancelled = false
    api.staff.list({}).then(
      (staff) => {
        if (!cancelled) setState({ status: 'ready', staff: sortStaff(staff) })
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'error', message: errorMessage(error) })
      },
    )
    return () => {
      cancelled = true
    }
  }, [version])

  return {
    state,
    reload: () => setVersion((n) => n + 1),
    replace: (member) =>
      setState((current) =>
        current.status === 'ready'
          ? { status: 'ready', staff: sortStaff(current.staff.map((existing) => (existing.id === member.id ? member : existing))) }
          : current,
      ),
  }
}

export function sortStaff(staff: readonly StaffMember[]): StaffMember[] {
  return [...staff].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name))
}
