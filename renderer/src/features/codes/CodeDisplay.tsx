import { useEffect, useRef, useState } from 'react'
import { useDesk } from '../../app/desk-context'
import { api } from '../../lib/api'
import { codeGroups, REVEAL_SECONDS, spokenCode } from './code-text'

interface Props {
  readonly code: string
  readonly title: string
  readonly lead: string
  /** Called when the time is up, on "Hide now", when the window is hidden, and when someone else (or nobody) is at the desk. */
  readonly onHide: () => void
}

/**
 * A revealed code: large, character by character for reading aloud, for 30
 * seconds with a visible countdown and "Hide now". When it hides, the parent
 * drops the code, so it leaves the DOM and memory with this component.
 */
export function CodeDisplay({ code, title, lead, onHide }: Props) {
  const [remaining, setRemaining] = useState(REVEAL_SECONDS)
  const hideRef = useRef<HTMLButtonElement>(null)
  const onHideRef = useRef(onHide)
  // Who revealed it: the person at the desk now. Known at once, so an event that arrives first cannot find it unknown.
  const viewerRef = useRef(useDesk().member.id)

  useEffect(() => {
    onHideRef.current = onHide
  })

  useEffect(() => {
    const deadline = Date.now() + REVEAL_SECONDS * 1000
    const timer = window.setInterval(() => {
      const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000))
      setRemaining(left)
      if (left === 0) onHideRef.current()
    }, 250)
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onHideRef.current()
    }
    document.addEventListener('visibilitychange', onVisibility)
    // Someone else at the desk (or nobody): hide. The same person again (main re-announcing) is no reason to.
    const viewer = viewerRef.current
    const offSession = api.on('session.changed', (payload) => {
      const staffId = typeof payload === 'object' && payload !== null ? (payload as { staffId?: unknown }).staffId : null
      if (staffId !== viewer) onHideRef.current()
    })
    hideRef.current?.focus()
    return () => {
      window.clearInterval(timer)
      document.removeEventListener('visibilitychange', onVisibility)
      offSession()
    }
  }, [])

  return (
    <section className="code-display" aria-labelledby="code-display-title" data-testid="code-display">
      <div className="code-display__head">
        <h4 id="code-display-title" className="code-display__title">
          {title}
        </h4>
        <p className="code-display__lead">{lead}</p>
      </div>
      <p className="code-display__code">
        <span className="visually-hidden" data-testid="revealed-code-spoken">
          {spokenCode(code)}
        </span>
        <span className="code-display__chars" aria-hidden="true" data-testid="revealed-code">
          {codeGroups(code).map((group, groupIndex) => (
            <span key={groupIndex} className="code-display__group">
              {group.map((char, index) => (
                <span key={index} className="code-display__char">
                  {char}
                </span>
              ))}
            </span>
          ))}
        </span>
      </p>
      <div className="code-display__foot">
        <div
          className="code-display__timer"
          role="timer"
          aria-live="off"
          aria-label={`Hides in ${remaining} seconds`}
          data-testid="reveal-countdown"
        >
          <span className="code-display__seconds">Hides in {remaining} s</span>
          <span className="code-display__bar" aria-hidden="true">
            <span className="code-display__bar-fill" style={{ width: `${(remaining / REVEAL_SECONDS) * 100}%` }} />
          </span>
        </div>
        <button ref={hideRef} type="button" className="button button--primary" onClick={() => onHideRef.current()}>
          Hide now
        </button>
      </div>
    </section>
  )
}
