import { normalizeRadioCode, RADIO_CODE_MAX_LENGTH } from '../../../../shared/domain/radio-code'
import { api } from '../../lib/api'
import { useLookup } from '../../lib/use-lookup'

export type FormatCheck =
  | { readonly status: 'empty' }
  | { readonly status: 'checking' }
  /** Letters/digits rule or length broken: main would refuse it whatever the radio. */
  | { readonly status: 'invalid'; readonly message: string }
  | { readonly status: 'fits' }
  | { readonly status: 'problems'; readonly problems: readonly string[] }
  | { readonly status: 'failed'; readonly message: string }

/** The code's basic shape, checked here before asking main: letters and digits, at most 24. */
export function codeShapeProblem(code: string): string | null {
  const value = normalizeRadioCode(code)
  if (value === '') return 'Enter the code.'
  if (!/^[0-9A-Z]+$/.test(value)) return 'A radio code is letters and digits only.'
  if (value.length > RADIO_CODE_MAX_LENGTH) return `A radio code has at most ${RADIO_CODE_MAX_LENGTH} characters.`
  return null
}

/**
 * The knowledge base's format check for this radio, as the desk types
 * (debounced; an answer for older text is dropped). Nothing is cached: a
 * code must not outlive its form.
 */
export function useFormatCheck(radioId: number | null, code: string): FormatCheck {
  const value = normalizeRadioCode(code)
  const shape = value === '' ? null : codeShapeProblem(value)
  const key = radioId !== null && value !== '' && shape === null ? value : null
  const lookup = useLookup(key, (checked) => api.codes.checkFormat({ radioId: radioId ?? 0, code: checked }), { delayMs: 250 })
  if (value === '') return { status: 'empty' }
  if (shape !== null) return { status: 'invalid', message: shape }
  if (radioId === null) return { status: 'fits' }
  switch (lookup.status) {
    case 'done':
      return lookup.value.problems.length > 0 ? { status: 'problems', problems: lookup.value.problems } : { status: 'fits' }
    case 'error':
      return { status: 'failed', message: lookup.message }
    default:
      return { status: 'checking' }
  }
}
