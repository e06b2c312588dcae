import { readDraft, writeDraft } from '../../lib/drafts'
import { setFlash } from '../../lib/flash'
import { emptyCustomerDraft, isCustomerDraft, newPhoneDraft } from './customer-draft'
import { NEW_CUSTOMER_DRAFT_KEY, NEW_CUSTOMER_PREFILLED } from './CustomerForm'

/**
 * Starts the new-customer form from what was searched for. Only empty fields
 * are filled: anything already half-typed there stays.
 */
export function prefillNewCustomer({ name = '', phone = '' }: { readonly name?: string; readonly phone?: string }): void {
  const draft = readDraft(NEW_CUSTOMER_DRAFT_KEY, isCustomerDraft) ?? emptyCustomerDraft()
  let phones = draft.phones
  if (phone.trim() !== '' && !phones.some((row) => row.number.trim() === phone.trim())) {
    const emptyRow = phones.find((row) => row.number.trim() === '')
    phones = emptyRow
      ? phones.map((row) => (row === emptyRow ? { ...row, number: phone.trim() } : row))
      : [...phones, { ...newPhoneDraft(), number: phone.trim() }].slice(0, 5)
  }
  writeDraft(NEW_CUSTOMER_DRAFT_KEY, {
    ...draft,
    name: draft.name.trim() === '' ? name.trim() : draft.name,
    phones,
  })
  setFlash(NEW_CUSTOMER_PREFILLED, 'prefilled')
}

/** True when search text looks like a phone number rather than a name. */
export function looksLikePhone(text: string): boolean {
  const digits = text.replace(/\D+/g, '')
  return digits.length >= 7 && /^[\d\s().+\-/]+$/.test(text.trim())
}
