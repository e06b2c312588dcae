import { newCustomerSchema, PRINT_LANGUAGES, type Customer, type NewCustomerInput, type PrintLanguage } from '../../../../shared/domain/customer'
import { phoneDigits, tidyText } from '../../../../shared/domain/normalize'
import type { FieldProblem } from '../../../../shared/api/errors'

/*
 * The new-customer form's state, and how it maps to the contract's input and
 * back (errors by field). Validation uses the very schema main checks with.
 */

export const PHONE_LABELS = ['mobile', 'home', 'work', 'other'] as const
export const MAX_PHONES = 5

export interface PhoneDraft {
  /** Stable React key and id part for this row. */
  readonly key: string
  readonly label: string
  readonly number: string
}

export interface CustomerDraft {
  readonly name: string
  readonly phones: readonly PhoneDraft[]
  readonly email: string
  readonly preferredLanguage: PrintLanguage
  readonly notes: string
}

// Row keys must not collide with rows of a draft restored after a reload.
const KEY_PREFIX = `p${Date.now().toString(36)}`
let phoneSequence = 0

export function newPhoneDraft(label = 'mobile'): PhoneDraft {
  phoneSequence += 1
  return { key: `${KEY_PREFIX}-${phoneSequence}`, label, number: '' }
}

export function emptyCustomerDraft(): CustomerDraft {
  return { name: '', phones: [newPhoneDraft()], email: '', preferredLanguage: 'en', notes: '' }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** Checks a draft read back from storage (it may come from an older build). */
export function isCustomerDraft(value: unknown): value is CustomerDraft {
  return (
    isRecord(value) &&
    typeof value['name'] === 'string' &&
    typeof value['email'] === 'string' &&
    typeof value['notes'] === 'string' &&
    (PRINT_LANGUAGES as readonly unknown[]).includes(value['preferredLanguage']) &&
    Array.isArray(value['phones']) &&
    value['phones'].length <= MAX_PHONES &&
    value['phones'].every(
      (phone: unknown) =>
        isRecord(phone) &&
        typeof phone['key'] === 'string' &&
        /^[\w-]+$/.test(phone['key']) &&
        typeof phone['label'] === 'string' &&
        typeof phone['number'] === 'string',
    )
  )
}

export function isDraftEmpty(draft: CustomerDraft): boolean {
  return (
    draft.name.trim() === '' &&
    draft.email.trim() === '' &&
    draft.notes.trim() === '' &&
    draft.phones.every((phone) => phone.number.trim() === '')
  )
}

/** A field of the form: 'name', 'email', 'notes', 'preferredLanguage', 'phones', or 'phones.<rowKey>.number|label'. */
export type FieldKey = string
export type FieldErrors = Readonly<Record<FieldKey, string>>

/** The contract input; phone rows with no number are left out (a customer may have no phone). */
export function toCustomerInput(draft: CustomerDraft): { input: NewCustomerInput; phoneRowKeys: string[] } {
  const kept = draft.phones.filter((phone) => phone.number.trim() !== '')
  return {
    input: {
      name: draft.name,
      phones: kept.map((phone) => ({ label: phone.label, number: phone.number })),
      email: draft.email,
      preferredLanguage: draft.preferredLanguage,
      notes: draft.notes,
    },
    phoneRowKeys: kept.map((phone) => phone.key),
  }
}

/** Maps an input path (['phones', 1, 'number'] or "phones.1.number") to the form field showing it. */
export function fieldKeyForPath(path: readonly PropertyKey[] | string, phoneRowKeys: readonly string[]): FieldKey {
  const parts = typeof path === 'string' ? path.split('.').filter(Boolean) : path.map(String)
  const [first, index, leaf] = parts
  if (first === 'phones') {
    const rowKey = index === undefined ? undefined : phoneRowKeys[Number(index)]
    if (rowKey === undefined) return 'phones'
    return `phones.${rowKey}.${leaf === 'label' ? 'label' : 'number'}`
  }
  if (first === 'name' || first === 'email' || first === 'notes' || first === 'preferredLanguage') return first
  return 'form'
}

function addFirst(errors: Record<FieldKey, string>, key: FieldKey, message: string): void {
  if (!(key in errors)) errors[key] = message
}

/** Errors by field, from the shared schema; empty when the draft can be saved. */
export function validateCustomerDraft(draft: CustomerDraft): FieldErrors {
  const { input, phoneRowKeys } = toCustomerInput(draft)
  const result = newCustomerSchema.safeParse(input)
  if (result.success) return {}
  const errors: Record<FieldKey, string> = {}
  for (const issue of result.error.issues) addFirst(errors, fieldKeyForPath(issue.path, phoneRowKeys), issue.message)
  return errors
}

/** Errors by field, from a VALIDATION answer of customers.create. */
export function serverFieldErrors(fields: readonly FieldProblem[], draft: CustomerDraft): FieldErrors {
  const { phoneRowKeys } = toCustomerInput(draft)
  const errors: Record<FieldKey, string> = {}
  for (const field of fields) addFirst(errors, fieldKeyForPath(field.path, phoneRowKeys), field.message)
  return errors
}

/** The id of the control that shows a field, so focus can be sent there. */
export function controlIdFor(key: FieldKey, draft: CustomerDraft): string {
  if (key.startsWith('phones.')) {
    const [, rowKey, leaf] = key.split('.')
    return `customer-phone-${rowKey}-${leaf}`
  }
  if (key === 'phones') return draft.phones[0] ? `customer-phone-${draft.phones[0].key}-number` : 'customer-add-phone'
  if (key === 'preferredLanguage') return 'customer-language-en'
  if (key === 'form') return 'customer-name'
  return `customer-${key}`
}

/** Field keys in the order the form shows them, for "first problem" focus and the summary. */
export function fieldOrder(draft: CustomerDraft): FieldKey[] {
  return [
    'name',
    ...draft.phones.flatMap((phone) => [`phones.${phone.key}.label`, `phones.${phone.key}.number`]),
    'phones',
    'email',
    'preferredLanguage',
    'notes',
    'form',
  ]
}

export function fieldLabel(key: FieldKey, draft: CustomerDraft): string {
  if (key.startsWith('phones.')) {
    const index = draft.phones.findIndex((phone) => phone.key === key.split('.')[1])
    return `Phone ${index + 1}`
  }
  const labels: Record<string, string> = {
    name: 'Name',
    email: 'Email',
    notes: 'Notes',
    preferredLanguage: 'Language',
    phones: 'Phones',
    form: 'Form',
  }
  return labels[key] ?? key
}

// ---- editing ------------------------------------------------------------------

/** The form's values for a customer already on file. */
export function customerDraftFrom(customer: Customer): CustomerDraft {
  return {
    name: customer.name,
    phones: customer.phones.length > 0 ? customer.phones.map((phone) => ({ ...newPhoneDraft(phone.label), number: phone.number })) : [newPhoneDraft()],
    email: customer.email,
    preferredLanguage: customer.preferredLanguage,
    notes: customer.notes,
  }
}

function samePhones(a: NewCustomerInput['phones'], b: NewCustomerInput['phones']): boolean {
  const left = a ?? []
  const right = b ?? []
  return (
    left.length === right.length &&
    left.every((phone, index) => tidyText(phone.number) === tidyText(right[index]?.number ?? '') && tidyText(phone.label ?? '') === tidyText(right[index]?.label ?? ''))
  )
}

/**
 * customers.update sends only what changed since the form was opened (`base`),
 * so an edit never overwrites a field someone else changed meanwhile.
 */
export function changedCustomerFields(draft: CustomerDraft, base: CustomerDraft): Partial<NewCustomerInput> {
  const now = toCustomerInput(draft).input
  const before = toCustomerInput(base).input
  const patch: Partial<NewCustomerInput> = {}
  if (tidyText(now.name) !== tidyText(before.name)) patch.name = now.name
  if (!samePhones(now.phones, before.phones)) patch.phones = now.phones ?? []
  if ((now.email ?? '').trim() !== (before.email ?? '').trim()) patch.email = now.email ?? ''
  if (now.preferredLanguage !== before.preferredLanguage) patch.preferredLanguage = now.preferredLanguage ?? 'en'
  if ((now.notes ?? '') !== (before.notes ?? '')) patch.notes = now.notes ?? ''
  return patch
}

/** A number's identity for duplicates: its digits, without a leading US country code (the backend's rule). */
export function phoneKey(number: string): string {
  const digits = phoneDigits(number)
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits
}
