import { useEffect, useRef } from 'react'
import { Kbd } from '../components/Kbd'
import { SHORTCUT_GROUPS } from './shortcuts'

interface Props {
  /** Opens the dialog each time it goes up (0: never asked). Closing is the dialog's own: Esc, Close, or another shortcut. */
  readonly openRequests: number
}

/** The "Keyboard shortcuts" help: a modal <dialog> (Esc closes it, focus returns where it was). */
export function ShortcutsDialog({ openRequests }: Props) {
  const ref = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const dialog = ref.current
    if (dialog && openRequests > 0 && !dialog.open) dialog.showModal()
  }, [openRequests])

  return (
    <dialog ref={ref} className="shortcuts-dialog" aria-labelledby="shortcuts-title">
      <div className="shortcuts-dialog__head">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button type="button" className="button button--quiet" onClick={() => ref.current?.close()} autoFocus>
          Close <Kbd keys="Esc" />
        </button>
      </div>
      <div className="shortcuts-dialog__groups">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title} className="shortcuts-dialog__group">
            <h3>{group.title}</h3>
            <dl>
              {group.items.map((item) => (
                <div key={item.does} className="shortcuts-dialog__row">
                  <dt>
                    {item.keys.map((keys, index) => (
                      <span key={keys}>
                        {index > 0 ? <span className="shortcuts-dialog__or"> or </span> : null}
                        <Kbd keys={keys} />
                      </span>
                    ))}
                  </dt>
                  <dd>{item.does}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <p className="shortcuts-dialog__note">
        <Kbd keys="/" />, <Kbd keys="?" /> and the one-letter page keys work when the cursor is not in a text box; the others work everywhere.
      </p>
    </dialog>
  )
}
