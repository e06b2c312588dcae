import type { ReactNode } from 'react'
import './notice.css'

interface Props {
  readonly tone: 'info' | 'success' | 'error'
  readonly title?: string
  readonly children: ReactNode
}

/** A message box. Errors are announced at once (role=alert); the others politely. */
export function Notice({ tone, title, children }: Props) {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title ? <p className="notice__title">{title}</p> : null}
      <div className="notice__body">{children}</div>
    </div>
  )
}
