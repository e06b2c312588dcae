import { Kbd } from '../components/Kbd'

interface Props {
  readonly onShowShortcuts: () => void
}

/** Product name on the left; keyboard help on the right. */
export function AppHeader({ onShowShortcuts }: Props) {
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
      <button type="button" className="button button--quiet app-header__help" onClick={onShowShortcuts}>
        Keyboard shortcuts <Kbd keys="?" />
      </button>
    </header>
  )
}
