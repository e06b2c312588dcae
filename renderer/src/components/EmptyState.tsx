import type { ReactNode } from 'react'
import './empty-state.css'

interface Props {
  readonly title: string
  readonly children: ReactNode
}

/** An honest "nothing here (yet)" panel that says what will appear. */
export function EmptyState({ title, children }: Props) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2 className="empty-state__title">{title}</h2>
      <div className="empty-state__body">{children}</div>
    </section>
  )
}
