import { normalizeRadioCode } from './radio-code'

const SEPARATORS = /[\s\-‐‑‒–—]+/

/**
 * Whether free text (a note, a name, a reason) contains the code: as a word
 * of its own, or split by spaces or dashes ("53 164"), and whatever
 * punctuation is around it ("code:53164"). A longer unbroken number that
 * merely contains the code's digits does not count, but a dashed number
 * whose last group equals the code ("555-1357" for code 1357) does: the
 * check errs toward refusing a note rather than storing a code in clear
 * text, and the person can rephrase. Used to refuse notes that would store
 * a code in clear text.
 */
export function textContainsCode(text: string | null | undefined, code: string): boolean {
  if (!text) return false
  const wanted = normalizeRadioCode(code)
  if (wanted.length === 0) return false
  for (const chunk of text.split(/[^0-9A-Za-z\s\-‐‑‒–—]+/)) {
    const words = chunk
      .split(SEPARATORS)
      .filter((word) => word.length > 0)
      .map((word) => word.toUpperCase())
    for (let start = 0; start < words.length; start += 1) {
      let joined = ''
      for (let end = start; end < words.length && joined.length < wanted.length; end += 1) {
        joined += words[end]
        if (joined === wanted) return true
      }
    }
  }
  return false
}
