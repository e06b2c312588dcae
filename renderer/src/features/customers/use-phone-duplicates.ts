import type { PhoneMatch } from '../../../../shared/domain/customer'
import { phoneDigits } from '../../../../shared/domain/normalize'
import { api } from '../../lib/api'
import { useLookup } from '../../lib/use-lookup'
import { phoneKey, type PhoneDraft } from './customer-draft'

/** Other customers who already have a row's number, by row key. */
export type PhoneDuplicates = Readonly<Record<string, readonly PhoneMatch[]>>

/**
 * The duplicate check while typing (customers.findByPhone, debounced).
 * `alreadyOnFile`: numbers this customer had when the form opened; the
 * backend does not check those again, so neither does the form.
 */
export function usePhoneDuplicates(
  phones: readonly PhoneDraft[],
  exceptCustomerId: number | null,
  alreadyOnFile: readonly string[] = [],
): PhoneDuplicates {
  const kept = new Set(alreadyOnFile.map(phoneKey))
  const numbers = [
    ...new Set(
      phones
        .map((phone) => phone.number)
        .filter((number) => {
          const digits = phoneDigits(number)
          return digits.length >= 7 && digits.length <= 15 && !kept.has(phoneKey(number))
        })
        .map(phoneDigits),
    ),
  ]
    .sort()
    .slice(0, 5)
  const key = numbers.length === 0 ? null : `${exceptCustomerId ?? ''}|${numbers.join(',')}`
  const state = useLookup(key, () => api.customers.findByPhone({ numbers, exceptCustomerId }), { delayMs: 250 })
  const matches = state.status === 'done' ? state.value : null

  const byRow: Record<string, PhoneMatch[]> = {}
  if (!matches) return byRow
  for (const phone of phones) {
    const rowKey = phoneKey(phone.number)
    if (rowKey.length < 7 || kept.has(rowKey)) continue
    const found = matches.filter((match) => phoneKey(match.number) === rowKey)
    if (found.length > 0) byRow[phone.key] = found
  }
  return byRow
}
