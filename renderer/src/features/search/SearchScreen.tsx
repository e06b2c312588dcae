import { useRef, useState, type KeyboardEvent } from 'react'
import type { SearchMatch, SearchResults } from '../../../../shared/domain/search'
import { useArrivalFocus } from '../../app/arrival-focus'
import { hrefFor } from '../../app/routes'
import { SEARCH_INPUT_ID } from '../../app/use-global-shortcuts'
import { navigate } from '../../app/use-hash-route'
import { Kbd } from '../../components/Kbd'
import { ScreenHeader } from '../../components/ScreenHeader'
import { useDraft } from '../../lib/drafts'
import { useRecentItems, type RecentItem } from '../../lib/recent'
import { plateText, vinTail } from '../../lib/vehicle-text'
import { looksLikePhone, prefillNewCustomer } from '../customers/prefill'
import { runSearch, SEARCH_MAX_LENGTH, useSearch } from '../../lib/use-search'
import { newJobHref } from '../jobs/job-links'
import './search.css'

const MATCH_LABELS: Record<SearchMatch, string> = {
  name: 'name',
  phone: 'phone',
  plate: 'plate',
  vin: 'VIN',
  serial: 'radio serial',
  ro: 'RO number',
}

type Group = 'customers' | 'vehicles' | 'radios' | 'recent'

interface Option {
  readonly key: string
  readonly group: Group
  readonly href: string
  readonly title: string
  /** Shown after the title on the same line, joined with " · ". */
  readonly rest: readonly string[]
  readonly matchedBy: SearchMatch | null
  readonly removed?: boolean
  /** The vehicle a battery job can be started for (Alt+B): a vehicle, or a radio's vehicle. */
  readonly vehicleId?: number
}

const GROUP_TITLES: Record<Group, string> = {
  customers: 'Customers',
  vehicles: 'Vehicles',
  radios: 'Radios',
  recent: 'Opened recently',
}

function optionsFrom(results: SearchResults): Option[] {
  return [
    ...results.customers.map(
      (customer): Option => ({
        key: `customer-${customer.id}`,
        group: 'customers',
        href: hrefFor('customers', customer.id),
        title: customer.name,
        rest: customer.phone ? [customer.phone] : [],
        matchedBy: customer.matchedBy,
      }),
    ),
    ...results.vehicles.map(
      (vehicle): Option => ({
        key: `vehicle-${vehicle.id}`,
        group: 'vehicles',
        href: hrefFor('vehicles', vehicle.id),
        title: vehicle.description,
        rest: [
          plateText(vehicle.plate, vehicle.plateState),
          vehicle.vin ? `VIN ${vinTail(vehicle.vin)}` : '',
          vehicle.ownerName ? `owner ${vehicle.ownerName}` : 'no owner',
        ].filter(Boolean),
        matchedBy: vehicle.matchedBy,
        vehicleId: vehicle.id,
      }),
    ),
    ...results.radios.map(
      (radio): Option => ({
        key: `radio-${radio.id}`,
        group: 'radios',
        href: hrefFor('vehicles', radio.vehicleId),
        title: `Radio ${radio.serial || '(no serial)'}`,
        rest: [radio.headUnit, `${radio.removed ? 'was in' : 'in'} ${radio.vehicleDescription}`, radio.ownerName ? `owner ${radio.ownerName}` : ''].filter(
          Boolean,
        ),
        matchedBy: radio.matchedBy,
        removed: radio.removed,
        vehicleId: radio.vehicleId,
      }),
    ),
  ]
}

function optionsFromRecent(items: readonly RecentItem[]): Option[] {
  return items.map((item) => ({
    key: `recent-${item.kind}-${item.id}`,
    group: 'recent',
    href: item.kind === 'customer' ? hrefFor('customers', item.id) : hrefFor('vehicles', item.id),
    title: item.title,
    rest: item.detail ? [item.detail] : [],
    matchedBy: null,
  }))
}

function topHref(results: SearchResults): string | null {
  const top = results.top
  if (!top) return null
  if (top.kind === 'customer') return hrefFor('customers', top.id)
  if (top.kind === 'vehicle') return hrefFor('vehicles', top.id)
  const radio = results.radios.find((item) => item.id === top.id)
  return radio ? hrefFor('vehicles', radio.vehicleId) : null
}

function countText(results: SearchResults): string {
  const parts: string[] = []
  const add = (n: number, one: string, many: string) => {
    if (n > 0) parts.push(`${n} ${n === 1 ? one : many}`)
  }
  add(results.customers.length, 'customer', 'customers')
  add(results.vehicles.length, 'vehicle', 'vehicles')
  add(results.radios.length, 'radio', 'radios')
  return parts.join(', ')
}

function optionId(option: Option): string {
  return `search-option-${option.key}`
}

/**
 * The one search box: customers, vehicles and radios by name, phone, plate,
 * VIN (or its last digits), radio serial or RO number. Results update as you
 * type; ↑/↓ move through them across groups, Enter opens the highlighted one
 * (or the best match when none is highlighted), Esc clears.
 */
export function SearchScreen() {
  const inputRef = useRef<HTMLInputElement>(null)
  const [query, setQuery] = useDraft('search.query', () => '', (value): value is string => typeof value === 'string')
  const [highlight, setHighlight] = useState<{ readonly forText: string; readonly index: number }>({ forText: '', index: -1 })
  const { answer, fresh } = useSearch(query)
  const recent = useRecentItems()
  useArrivalFocus(inputRef)

  const blank = query.trim() === ''
  const results = answer && 'results' in answer ? answer.results : null
  const options = blank ? optionsFromRecent(recent) : results ? optionsFrom(results) : []
  const shownFor = blank ? '' : (answer?.text ?? '')
  const index = highlight.forText === shownFor ? Math.min(highlight.index, options.length - 1) : -1
  const active = index >= 0 ? options[index] : undefined

  const open = (href: string) => navigate(href)

  const openBest = async () => {
    if (blank) return
    if (fresh && results) {
      const href = topHref(results)
      if (href) open(href)
      return
    }
    // Enter came before the answer for this text: ask now, then open its best match.
    const text = query
    try {
      const now = await runSearch(text)
      const href = topHref(now)
      if (href && inputRef.current?.value === text) open(href)
    } catch {
      // The results area shows the error once the regular search answers.
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyB') {
      // One keystroke: a battery job for the highlighted vehicle (or the radio's vehicle).
      event.preventDefault()
      if (active?.vehicleId !== undefined) open(newJobHref(active.vehicleId))
      return
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options.length === 0) return
      event.preventDefault()
      const next = event.key === 'ArrowDown' ? Math.min(index + 1, options.length - 1) : Math.max(index - 1, -1)
      setHighlight({ forText: shownFor, index: next })
      if (next >= 0) {
        const option = options[next]
        if (option) document.getElementById(optionId(option))?.scrollIntoView({ block: 'nearest' })
      }
    } else if (event.key === 'Enter') {
      event.preventDefault()
      if (active) open(active.href)
      else void openBest()
    } else if (event.key === 'Escape') {
      if (index >= 0) {
        event.preventDefault()
        setHighlight({ forText: shownFor, index: -1 })
      } else if (query !== '') {
        event.preventDefault()
        setQuery('')
      }
    }
  }

  const newCustomerFromSearch = () => {
    const text = query.trim()
    prefillNewCustomer(looksLikePhone(text) ? { phone: text } : { name: text })
    navigate(hrefFor('customers', 'new'))
  }

  const groups = (['recent', 'customers', 'vehicles', 'radios'] as const)
    .map((group) => ({ group, items: options.map((option, i) => ({ option, i })).filter(({ option }) => option.group === group) }))
    .filter(({ items }) => items.length > 0)

  const noResults = !blank && fresh && results !== null && options.length === 0
  const error = answer && 'error' in answer && answer.text === query ? answer.error : null

  return (
    <>
      <ScreenHeader title="Search" takeArrivalFocus={false} />
      <form className="search-form" role="search" onSubmit={(event) => event.preventDefault()}>
        <label className="search-form__label" htmlFor={SEARCH_INPUT_ID}>
          Find a customer, vehicle or radio
        </label>
        <input
          ref={inputRef}
          id={SEARCH_INPUT_ID}
          className="input search-form__input"
          type="search"
          autoComplete="off"
          spellCheck={false}
          maxLength={SEARCH_MAX_LENGTH}
          placeholder="Name, phone, plate, VIN (or its last digits), radio serial or RO number"
          aria-describedby="search-hint"
          aria-controls="search-results"
          aria-activedescendant={active ? optionId(active) : undefined}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <p className="search-form__hint" id="search-hint">
          <Kbd keys="↑" /> <Kbd keys="↓" /> choose · <Kbd keys="Enter" /> opens the highlighted result, or the best match ·{' '}
          <Kbd keys="Esc" /> clears · <Kbd keys="Alt+B" /> starts a battery job for the highlighted vehicle
        </p>
      </form>

      <p className="visually-hidden" role="status">
        {!blank && fresh && results ? (options.length === 0 ? 'No matches.' : `Found ${countText(results)}.`) : ''}
      </p>

      {blank && options.length === 0 ? (
        <div className="search-empty">
          <p>Type any part of a name (in any order), a phone number in any format, a plate, a full VIN or its last digits, a radio serial or a repair-order number.</p>
        </div>
      ) : null}

      {error ? (
        <p className="search-empty search-empty--error" role="alert">
          Search did not work: {error}
        </p>
      ) : null}

      {noResults ? (
        <div className="search-empty" data-testid="search-no-results">
          <p className="search-empty__title">Nothing on file matches “{query.trim()}”.</p>
          <p>Check the spelling, or try the phone number, plate or the last 6 of the VIN.</p>
          <p>
            <button type="button" className="button" onClick={newCustomerFromSearch}>
              New customer with this {looksLikePhone(query) ? 'phone' : 'name'}
            </button>
          </p>
        </div>
      ) : null}

      <div
        id="search-results"
        className={`search-results${!fresh && !blank ? ' search-results--stale' : ''}`}
        role="listbox"
        aria-label={blank ? 'Opened recently' : 'Search results'}
        aria-busy={!fresh && !blank}
        hidden={groups.length === 0}
      >
        {groups.map(({ group, items }) => (
          <div key={group} className="search-results__group" role="group" aria-labelledby={`search-group-${group}`}>
            <p className="search-results__group-title" id={`search-group-${group}`} role="presentation">
              {GROUP_TITLES[group]}
            </p>
            {items.map(({ option, i }) => (
              <div
                key={option.key}
                id={optionId(option)}
                className={`search-result${i === index ? ' search-result--active' : ''}`}
                role="option"
                aria-selected={i === index}
                data-href={option.href}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => open(option.href)}
              >
                <span className="search-result__text">
                  <span className="search-result__title">{option.title}</span>
                  {option.rest.length > 0 ? <span className="search-result__rest">{` · ${option.rest.join(' · ')}`}</span> : null}
                </span>
                {option.removed ? <span className="tag">removed</span> : null}
                {option.matchedBy ? <span className="tag search-result__match">{MATCH_LABELS[option.matchedBy]}</span> : null}
              </div>
            ))}
          </div>
        ))}
      </div>
    </>
  )
}
