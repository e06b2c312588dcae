import { useRef, type ReactNode } from 'react'
import { useArrivalFocus } from '../app/arrival-focus'
import './screen.css'

interface Props {
  readonly title: string
  /** One line under the title saying what this screen is for. */
  readonly lead?: ReactNode
  /** Buttons on the right of the title. */
  readonly actions?: ReactNode
  /** False when the screen puts arrival focus somewhere else (e.g. its search box). */
  readonly takeArrivalFocus?: boolean
}

/** The screen's h1; takes focus when the user arrives from another section. */
export function ScreenHeader({ title, lead, actions, takeArrivalFocus = true }: Props) {
  const ref = useRef<HTMLHeadingElement>(null)
  useArrivalFocus(ref, takeArrivalFocus)
  return (
    <header className="screen-header">
      <div className="screen-header__text">
        <h1 id="screen-title" className="screen-header__title" ref={ref} tabIndex={-1}>
          {title}
        </h1>
        {lead ? <p className="screen-header__lead">{lead}</p> : null}
      </div>
      {actions ? <div className="screen-header__actions">{actions}</div> : null}
    </header>
  )
}
