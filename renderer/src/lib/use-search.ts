import { useEffect, useState } from 'react'
import type { SearchResults } from '../../../shared/domain/search'
import { api, errorMessage } from './api'

/** search.query accepts up to 100 characters. */
export const SEARCH_MAX_LENGTH = 100
/**
 * One frame: a person's keys are further apart, so each key searches at once
 * (a search costs about a millisecond, see `npm run bench`); a barcode
 * scanner's burst of keys still sends one search.
 */
export const SEARCH_DELAY_MS = 16

export type SearchAnswer =
  | { readonly text: string; readonly results: SearchResults }
  | { readonly text: string; readonly error: string }

export function runSearch(text: string, limitPerKind?: number): Promise<SearchResults> {
  return api.search.query({ text: text.slice(0, SEARCH_MAX_LENGTH), ...(limitPerKind ? { limitPerKind } : {}) })
}

/**
 * Results as you type: search.query runs once the text has been still for
 * one frame. An answer for older text is dropped (the effect for it was
 * cancelled), so what shows always belongs to the latest text that answered;
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
