import { Notice } from './Notice'

/*
 * What a page shows before its record is there: "Loading…" while it comes,
 * or why it did not come with a way to try again. `className` places the
 * message the way the page lays out its own content.
 */

export function Loading({ className }: { readonly className: string }) {
  return (
    <p className={className} role="status">
      Loading…
    </p>
  )
}

interface LoadFailedProps {
  readonly className: string
  /** What could not be done, e.g. "This vehicle could not be shown". */
  readonly title: string
  readonly message: string
  readonly onRetry: () => void
}

export function LoadFailed({ className, title, message, onRetry }: LoadFailedProps) {
  return (
    <div className={className}>
      <Notice tone="error" title={title}>
        <p>{message}</p>
      </Notice>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  )
}
