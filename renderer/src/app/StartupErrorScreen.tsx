import './full-screen-message.css'

interface Props {
  readonly title: string
  readonly message: string
  readonly steps: readonly string[]
  readonly onRetry?: (() => void) | undefined
}

/** Shown when the app cannot even ask for its status (no bridge, or the call failed). */
export function StartupErrorScreen({ title, message, steps, onRetry }: Props) {
  return (
    <main className="full-screen-message" aria-labelledby="startup-error-title">
      <div className="full-screen-message__card">
        <p className="full-screen-message__product">Radio Code Desk</p>
        <h1 id="startup-error-title" className="full-screen-message__title">
          {title}
        </h1>
        <p className="full-screen-message__message">{message}</p>
        <h2 className="full-screen-message__subtitle">What to do next</h2>
        <ol className="full-screen-message__steps">
          {steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        {onRetry ? (
          <div className="full-screen-message__actions">
            <button type="button" className="button button--primary" onClick={onRetry}>
              Try again
            </button>
          </div>
        ) : null}
      </div>
    </main>
  )
}
