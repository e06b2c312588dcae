import type { KeyboardEvent } from 'react'

/**
 * Up/Down/Home/End move focus between the links matching `linkSelector`
 * inside the list; Enter opens one (they are links). For onKeyDown of a list.
 */
export function moveFocusAmongLinks(event: KeyboardEvent<HTMLElement>, linkSelector: string): void {
  const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>(linkSelector)]
  const index = links.findIndex((link) => link === document.activeElement)
  const next =
    event.key === 'ArrowDown'
      ? Math.min(index + 1, links.length - 1)
      : event.key === 'ArrowUp'
        ? Math.max(index - 1, 0)
        : event.key === 'Home'
          ? 0
          : event.key === 'End'
            ? links.length - 1
            : null
  if (next === null || links.length === 0) return
  event.preventDefault()
  links[next]?.focus()
}
