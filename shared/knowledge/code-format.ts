import { article, digitsText, lengthsText, orList } from './format-text'
import type { KnowledgeEntry } from './schema'

export type CodeFormatCheck =
  | {
      readonly ok: true
      /** Parts of the format the report does not give, so they were not checked. */
      readonly warnings: readonly string[]
    }
  | { readonly ok: false; readonly problems: readonly string[] }

/** What is checked: the code without spaces and dashes. */
export function normalizeCode(code: string): string {
  return code.replace(/[\s\-‐‑‒–—]+/g, '')
}

function quoteList(chars: readonly string[]): string {
  return orList(
    chars.map((char) => `“${char}”`),
    'and',
  )
}

/**
 * Checks a code someone typed against the entry's code format (length and
 * allowed digits) so typos are caught before anyone tries it on a radio.
 * Spaces and dashes are ignored. The messages only describe the format; they
 * never hint at what the right code might be.
 */
export function checkCodeFormat(entry: KnowledgeEntry, code: string): CodeFormatCheck {
  const name = entry.label
  const value = normalizeCode(code)

  if (entry.behaviour === 'pairs-with-car') {
    return {
      ok: false,
      problems: [`The report says ${name} units pair with the car and take no code, so there is no code format to check against.`],
    }
  }
  if (value.length === 0) return { ok: false, problems: ['No code entered.'] }

  const format = entry.codeFormat
  if (!format) {
    return { ok: true, warnings: [`The report gives no code format for the ${name}, so this code could not be checked.`] }
  }

  const problems: string[] = []
  const warnings: string[] = []

  const notDigits = [...new Set([...value].filter((char) => !/[0-9]/.test(char)))]
  if (notDigits.length > 0) {
    problems.push(
      `${article(name) === 'an' ? 'An' : 'A'} ${name} code is digits only; ${quoteList(notDigits)} ${notDigits.length === 1 ? 'is not a digit' : 'are not digits'}.`,
    )
  }

  const digitCount = [...value].filter((char) => /[0-9]/.test(char)).length
  if (format.lengths) {
    if (!format.lengths.includes(value.length)) {
      const has = notDigits.length > 0 ? `${value.length} characters` : `${digitCount}`
      problems.push(`${article(name) === 'an' ? 'An' : 'A'} ${name} code has ${lengthsText(format.lengths)} digits; this has ${has}.`)
    }
  } else {
    warnings.push(`The report does not give the length of ${name} codes, so the length was not checked.`)
  }

  if (format.allowedDigits) {
    const allowed = new Set(format.allowedDigits.map(String))
    const bad = [...new Set([...value].filter((char) => /[0-9]/.test(char) && !allowed.has(char)))].sort()
    if (bad.length > 0) {
      problems.push(
        `${name} codes use only digits ${digitsText(format.allowedDigits)}; ${orList(bad, 'and')} ${bad.length === 1 ? 'is' : 'are'} not allowed.`,
      )
    }
  } else if (notDigits.length === 0) {
    warnings.push(`The report does not say which digits ${name} codes use, so the digits were not checked.`)
  }

  return problems.length > 0 ? { ok: false, problems } : { ok: true, warnings }
}
