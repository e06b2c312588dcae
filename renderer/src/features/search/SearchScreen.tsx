import { useRef } from 'react'
import { useArrivalFocus } from '../../app/arrival-focus'
import { hrefFor } from '../../app/routes'
import { SEARCH_INPUT_ID } from '../../app/use-global-shortcuts'
import { EmptyState } from '../../components/EmptyState'
import { ScreenHeader } from '../../components/ScreenHeader'
import { useDraft } from '../../lib/drafts'
import './search.css'

/** The search box; searching itself is wired up in a later update, so no results are shown. */
export function SearchScreen() {
  const inputRef = useRef<HTMLInputElement>(null)
  const [query, setQuery] = useDraft('search.query', () => '', (value): value is string => typeof value === 'string')
  useArrivalFocus(inputRef)

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
          placeholder="Name, phone, plate, VIN or radio serial"
          aria-describedby="search-not-ready"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </form>
      <EmptyState title="Search is not connected yet">
        <p id="search-not-ready">
          Nothing is looked up yet: searching by name, phone, plate, VIN or radio serial arrives in a coming update.
        </p>
        <p>
          Until then, everyone on file is listed under <a href={hrefFor('customers')}>Customers</a>.
        </p>
      </EmptyState>
    </>
  )
}
