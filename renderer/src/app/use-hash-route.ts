import { useSyncExternalStore } from 'react'
import { flushSync } from 'react-dom'
import { requestArrivalFocus } from './arrival-focus'
import { parseHash, type Route } from './routes'

/*
 * The route lives in the address hash. navigate() updates the screen at once
 * (not on the later hashchange event), so keys typed right after a shortcut
 * such as Alt+N already land in the new screen's first field.
 */
let lastSection = parseHash(window.location.hash).section
const subscribers = new Set<() => void>()

function onHashChanged(): void {
  const next = parseHash(window.location.hash).section
  if (next !== lastSection) {
    lastSection = next
    requestArrivalFocus()
  }
  for (const subscriber of subscribers) subscriber()
}

function subscribe(onChange: () => void): () => void {
  if (subscribers.size === 0) window.addEventListener('hashchange', onHashChanged)
  subscribers.add(onChange)
  return () => {
    subscribers.delete(onChange)
    if (subscribers.size === 0) window.removeEventListener('hashchange', onHashChanged)
  }
}

const getHash = () => window.location.hash

/** The current route, from the address hash. */
export function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash)
  return parseHash(hash)
}

/**
 * Goes to `href` (a "#/..." string) and renders it before returning. With
 * `replace`, the current history entry is replaced (after a save, Back should
 * not return to the emptied form).
 */
export function navigate(href: string, options: { readonly replace?: boolean } = {}): void {
  if (window.location.hash === href) return
  if (options.replace) {
    window.history.replaceState(window.history.state, '', href)
  } else {
    window.location.hash = href
  }
  flushSync(onHashChanged)
}
