import type { ReactNode } from 'react'
import './notice.css'

interface Props {
  readonly tone: 'info' | 'success' | 'warning' | 'error'
  readonly title?: string
  readonly children: ReactNode
  readonly className?: string
  readonly testId?: string
}

/** A message box. Errors are announced at once (role=alert); the others politely. */
export function Notice({ tone, title, children, className, testId }: Props) {
  return (
    <div
      className={`notice notice--${tone}${className ? ` ${className}` : ''}`}
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid={testId}
    >
      {title ? <p className="notice__title">{title}</p> : null}
      <div className="notice__body">{children}</div>
    </div>
  )
}
