import type { StaffMember } from '../../../shared/domain/staff'
import { Kbd } from '../components/Kbd'
import { ROLE_LABELS } from '../features/security/role-words'

interface Props {
  readonly member: StaffMember
  readonly onSwitchPerson: () => void
  readonly onShowShortcuts: () => void
}

/** Product name on the left; who is at the desk, "Switch person" and keyboard help on the right. */
export function AppHeader({ member, onSwitchPerson, onShowShortcuts }: Props) {
  return (
    <header className="app-header">
      <p className="app-header__product">
        <svg className="app-header__logo" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <rect x="2" y="7" width="20" height="13" rx="2" />
          <circle cx="8" cy="13.5" r="3" />
          <path d="M14 11.5h5M14 15.5h5M6 7l10-4" />
        </svg>
        Radio Code Desk
      </p>
      <div className="app-header__end">
        <p className="app-header__person" data-testid="desk-person">
          <span className="app-header__person-label">At the desk:</span> <strong>{member.name}</strong>{' '}
          <span className="app-header__role">{ROLE_LABELS[member.role]}</span>
        </p>
        <button type="button" className="button app-header__switch" onClick={onSwitchPerson} aria-keyshortcuts="Control+L">
          Switch person <Kbd keys="Ctrl+L" />
        </button>
        <button type="button" className="button button--quiet app-header__help" onClick={onShowShortcuts}>
          Keyboard shortcuts <Kbd keys="?" />
        </button>
      </div>
    </header>
  )
}
