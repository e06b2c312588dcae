import type { ReactNode } from 'react'
import './security.css'

interface Props {
  readonly title: string
  /** What this step is for, in one or two sentences. */
  readonly lead?: ReactNode
  readonly children: ReactNode
  /** The sign-in picker needs room for a grid of names. */
  readonly wide?: boolean
}

/** The full-window card of the start-up and sign-in steps (no navigation: nothing else works yet). */
export function GateLayout({ title, lead, children, wide = false }: Props) {
  return (
    <main className="gate" aria-labelledby="gate-title">
      <div className={`gate__card${wide ? ' gate__card--wide' : ''}`}>
        <p className="gate__product">
          <svg className="gate__logo" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <rect x="2" y="7" width="20" height="13" rx="2" />
            <circle cx="8" cy="13.5" r="3" />
            <path d="M14 11.5h5M14 15.5h5M6 7l10-4" />
          </svg>
          Radio Code Desk
        </p>
        <h1 id="gate-title" className="gate__title" tabIndex={-1}>
          {title}
        </h1>
        {lead ? <div className="gate__lead">{lead}</div> : null}
        {children}
      </div>
    </main>
  )
}
