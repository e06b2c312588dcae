/** Small text helpers shared by the summary and code-format messages. */

/** [1,2,3,4,5,6] → "1–6"; [0,2,3,4] → "0 and 2–4". */
export function digitsText(digits: readonly number[]): string {
  const sorted = [...new Set(digits)].sort((a, b) => a - b)
  const runs: string[] = []
  let start: number | undefined
  let previous: number | undefined
  const close = () => {
    if (start === undefined || previous === undefined) return
    if (previous === start) runs.push(String(start))
    else if (previous === start + 1) runs.push(`${start}, ${previous}`)
    else runs.push(`${start}–${previous}`)
  }
  for (const digit of sorted) {
    if (previous !== undefined && digit === previous + 1) {
      previous = digit
      continue
    }
    close()
    start = digit
    previous = digit
  }
  close()
  return orList(runs, 'and')
}

/** [5] → "5"; [4, 6] → "4 or 6"; [3, 4, 5] → "3, 4 or 5". */
export function lengthsText(lengths: readonly number[]): string {
  return orList(
    [...new Set(lengths)].sort((a, b) => a - b).map(String),
    'or',
  )
}

export function orList(items: readonly string[], word: 'and' | 'or'): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`
}

/** "a" or "an" for a word read aloud (rough: by its first letter). */
export function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a'
}
