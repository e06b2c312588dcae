import { useEffect, useState } from 'react'
import type { SearchResults } from '../../../shared/domain/search'
import { api, errorMessage } from './api'

/** search.query accepts up to 100 characters. */
export const SEARCH_MAX_LENGTH = 100
/**
 * No wait: each key searches at once (a search costs about a millisecond in
 * the main process, see `npm run bench`), and an answer for text that has
 * since changed is dropped, so a scanner's burst of keys costs a few
 * milliseconds of searching and paints only the last answer.
 */
export const SEARCH_DELAY_MS = 0

export type SearchAnswer =
  | { readonly text: string; readonly results: SearchResults }
  | { readonly text: string; readonly error: string }

export function runSearch(text: string, limitPerKind?: number): Promise<SearchResults> {
  return api.search.query({ text: text.slice(0, SEARCH_MAX_LENGTH), ...(limitPerKind ? { limitPerKind } : {}) })
}

/**
 * Results as you type: search.query runs for each text as it is typed. An
 * answer for older text is dropped (the effect for it was cancelled), so
 * what shows always belongs to the latest text that answered;
 * `fresh` says whether that is the text in the box now.
 */
export function useSearch(text: string, limitPerKind?: number): { answer: SearchAnswer | null; fresh: boolean } {
  const [answer, setAnswer] = useState<SearchAnswer | null>(null)
  const blank = text.trim() === ''

  useEffect(() => {
    if (blank) return
    let cancelled = false
    const timer = window.setTimeout(() => {
      runSearch(text, limitPerKind).then(
        (results) => {
          if (!cancelled) setAnswer({ text, results })
        },
        (error: unknown) => {
          if (!cancelled) setAnswer({ text, error: errorMessage(error) })
        },
      )
    }, SEARCH_DELAY_MS)
    return () => {
      cancelled = true
      window.clearTimeout(timer)
    }
  }, [text, blank, limitPerKind])

  if (blank) return { answer: null, fresh: true }
  return { answer, fresh: answer?.text === text }
}
