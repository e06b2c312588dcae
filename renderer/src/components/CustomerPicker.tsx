import { useState, type KeyboardEvent, type RefObject } from 'react'
import type { CustomerResult } from '../../../shared/domain/search'
import { hrefFor } from '../app/routes'
import { runSearch, SEARCH_MAX_LENGTH, useSearch } from '../lib/use-search'
import { Kbd } from './Kbd'
import './customer-picker.css'

export interface PickedCustomer {
  readonly id: number
  readonly name: string
}

interface Props {
  readonly id: string
  readonly label: string
  readonly hint?: string
  readonly error?: string | undefined
  /** A customer who cannot be picked (the current owner). */
  readonly excludeId?: number | null
  readonly excludeReason?: string
  readonly onPick: (customer: PickedCustomer) => void
  readonly inputRef?: RefObject<HTMLInputElement | null>
}

/**
 * Choose a customer by searching: name, phone, plate, VIN… (search.query).
 * ↑/↓ move, Enter picks the highlighted one (or the first when none is), and
 * a click picks too.
 */
export function CustomerPicker({ id, label, hint, error, excludeId = null, excludeReason = 'current owner', onPick, inputRef }: Props) {
  const [text, setText] = useState('')
  const [highlight, setHighlight] = useState<{ forText: string; index: number }>({ forText: '', index: -1 })
  const { answer, fresh } = useSearch(text)
  const customers: readonly CustomerResult[] = answer && 'results' in answer ? answer.results.customers : []
  const pickable = customers.filter((customer) => customer.id !== excludeId)
  const shownFor = answer?.text ?? ''
  const index = highlight.forText === shownFor ? Math.min(highlight.index, customers.length - 1) : -1
  const listId = `${id}-results`
  const optionId = (customer: CustomerResult) => `${id}-option-${customer.id}`
  const active = index >= 0 ? customers[index] : undefined

  const pick = (customer: CustomerResult | undefined) => {
    if (!customer || customer.id === excludeId) return
    onPick({ id: customer.id, name: customer.name })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (customers.length === 0) return
      event.preventDefault()
      const next = event.key === 'ArrowDown' ? Math.min(index + 1, customers.length - 1) : Math.max(index - 1, -1)
      setHighlight({ forText: shownFor, index: next })
    } else if (event.key === 'Enter') {
      // Never submits the surrounding form: Enter here picks.
      event.preventDefault()
      event.stopPropagation()
      if (active) {
        pick(active)
      } else if (fresh && pickable[0]) {
        pick(pickable[0])
      } else if (text.trim() !== '') {
        const typed = text
        void runSearch(typed).then(
          (results) => {
            const first = results.customers.find((customer) => customer.id !== excludeId)
            if (first) pick(first)
          },
          () => undefined,
        )
      }
    } else if (event.key === 'Escape' && text !== '') {
      event.preventDefault()
      event.stopPropagation()
      setText('')
    }
  }

  const noMatch = text.trim() !== '' && fresh && answer !== null && 'results' in answer && customers.length === 0

  return (
    <div className={`field customer-picker${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        className="input"
        type="search"
        autoComplete="off"
        spellCheck={false}
        maxLength={SEARCH_MAX_LENGTH}
        placeholder="Name, phone, plate or VIN"
        aria-invalid={Boolean(error)}
        aria-describedby={[error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined}
        aria-controls={listId}
        aria-activedescendant={active ? optionId(active) : undefined}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div id={listId} className="customer-picker__results" role="listbox" aria-label="Customers found" hidden={customers.length === 0}>
        {customers.map((customer, i) => {
          const excluded = customer.id === excludeId
          return (
            <div
              key={customer.id}
              id={optionId(customer)}
              role="option"
              aria-selected={i === index}
              aria-disabled={excluded || undefined}
              className={`customer-picker__option${i === index ? ' customer-picker__option--active' : ''}${excluded ? ' customer-picker__option--excluded' : ''}`}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(customer)}
            >
              <span className="customer-picker__name">{customer.name}</span>
              {customer.phone ? <span className="customer-picker__phone">{customer.phone}</span> : null}
              {excluded ? <span className="tag">{excludeReason}</span> : null}
            </div>
          )
        })}
      </div>
      {noMatch ? (
        <p className="customer-picker__none" role="status">
          No customer matches “{text.trim()}”. Add them with <a href={hrefFor('customers', 'new')}>New customer</a> (
          <Kbd keys="Alt+N" />) and come back: what you typed here is kept.
        </p>
      ) : null}
    </div>
  )
}
