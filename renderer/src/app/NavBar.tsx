import { Kbd } from '../components/Kbd'
import { hrefFor, SECTIONS, type SectionId } from './routes'

interface Props {
  readonly current: SectionId
}

/** The six sections; plain links, so Tab and Enter just work. */
export function NavBar({ current }: Props) {
  return (
    <nav className="nav" aria-label="Sections">
      <ul className="nav__list">
        {SECTIONS.map((section, index) => (
          <li key={section.id}>
            <a
              className="nav__link"
              href={hrefFor(section.id)}
              aria-current={section.id === current ? 'page' : undefined}
              aria-keyshortcuts={`Alt+${index + 1}`}
            >
              <span className="nav__label">{section.label}</span>
              <Kbd keys={`Alt+${index + 1}`} />
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
