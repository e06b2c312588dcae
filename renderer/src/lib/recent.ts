import { useEffect, useSyncExternalStore } from 'react'

/*
 * Records opened in this window, newest first: the search screen offers them
 * when its box is empty. Memory only; nothing is stored.
 */
export interface RecentItem {
  readonly kind: 'customer' | 'vehicle'
  readonly id: number
  readonly title: string
  readonly detail: string
}

const MAX_RECENT = 8
let items: readonly RecentItem[] = []
const subscribers = new Set<() => void>()

export function rememberRecent(item: RecentItem): void {
  const rest = items.filter((other) => !(other.kind === item.kind && other.id === item.id))
  const next = [item, ...rest].slice(0, MAX_RECENT)
  const same = next.length === items.length && next.every((entry, index) => entry === items[index] || JSON.stringify(entry) === JSON.stringify(items[index]))
  if (same) return
  items = next
  for (const subscriber of subscribers) subscriber()
}

function subscribe(onChange: () => void): () => void {
  subscribers.add(onChange)
  return () => subscribers.delete(onChange)
}

export function useRecentItems(): readonly RecentItem[] {
  return useSyncExternalStore(subscribe, () => items)
}

/** Remembers a record while its page shows it. */
export function useRememberRecent(item: RecentItem | null): void {
  const kind = item?.kind
  const id = item?.id
  const title = item?.title
  const detail = item?.detail
  useEffect(() => {
    if (kind && id !== undefined && title !== undefined && detail !== undefined) rememberRecent({ kind, id, title, detail })
  }, [kind, id, title, detail])
}
