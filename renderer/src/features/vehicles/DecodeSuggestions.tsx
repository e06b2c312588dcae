import type { VinDecodeSuggestion } from '../../../../shared/domain/vin-decode'
import { Kbd } from '../../components/Kbd'
import type { LookupState } from '../../lib/use-lookup'
import { FIELD_LABELS, suggestionRows, type SuggestField, type VehicleDraft } from './vehicle-draft'

interface Props {
  readonly state: LookupState<VinDecodeSuggestion | null>
  readonly draft: VehicleDraft
  readonly onUse: () => void
  readonly onReplace: (field: SuggestField) => void
}

/**
 * What the offline decoder says about the VIN, as suggestions: "Use these"
 * fills the empty fields (one click, or Alt+U); something the desk typed is
 * only replaced when they press that field's own button.
 */
export function DecodeSuggestions({ state, draft, onUse, onReplace }: Props) {
  if (state.status === 'idle') return null
  if (state.status === 'loading') {
    return (
      <div className="decode decode--loading" role="status" data-testid="decode">
        <p>Looking up this VIN…</p>
      </div>
    )
  }
  if (state.status === 'error') {
    return (
      <div className="decode" role="status" data-testid="decode">
        <p>The VIN could not be looked up ({state.message}). Type the details in; saving is not affected.</p>
      </div>
    )
  }
  const suggestion = state.value
  if (!suggestion) {
    return (
      <div className="decode" role="status" data-testid="decode">
        <p>No details found for this VIN — type them in.</p>
      </div>
    )
  }
  const rows = suggestionRows(suggestion, draft)
  if (rows.length === 0) {
    return (
      <div className="decode" role="status" data-testid="decode">
        <p>No details found for this VIN — type them in.</p>
      </div>
    )
  }
  const toFill = rows.filter((row) => row.status === 'fill')
  const conflicts = rows.filter((row) => row.status === 'conflict')
  const summary = [suggestion.year, suggestion.make, suggestion.model, suggestion.trim].filter((part) => part !== null && part !== '').join(' ')

  return (
    <section className="decode decode--found" aria-labelledby="decode-title" data-testid="decode">
      <div className="decode__head">
        <h3 className="decode__title" id="decode-title">
          From the VIN: {summary}
        </h3>
        {suggestion.confidence !== 'high' ? <span className="tag">{suggestion.confidence} confidence</span> : null}
      </div>
      <table className="decode__table">
        <tbody>
          {rows.map((row) => (
            <tr key={row.field} className={`decode__row decode__row--${row.status}`}>
              <th scope="row">{FIELD_LABELS[row.field]}</th>
              <td className="decode__value">{row.value}</td>
              <td className="decode__status">
                {row.status === 'same' ? <span className="decode__same">✓ in the form</span> : null}
                {row.status === 'fill' ? <span className="muted">empty: will be filled</span> : null}
                {row.status === 'conflict' ? (
                  <>
                    <span>You typed “{row.current}”. </span>
                    <button type="button" className="link-button" onClick={() => onReplace(row.field)}>
                      Use “{row.value}” instead
                    </button>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {suggestion.notes.length > 0 ? (
        <ul className="decode__notes">
          {suggestion.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      <div className="decode__actions">
        {toFill.length > 0 ? (
          <button type="button" className="button button--primary" onClick={onUse} aria-keyshortcuts="Alt+U" data-testid="use-suggestions">
            Use these <Kbd keys="Alt+U" />
          </button>
        ) : (
          <p className="decode__done">{conflicts.length === 0 ? '✓ The form matches the VIN.' : 'Kept what you typed.'}</p>
        )}
        <span className="decode__source">Suggestions from NHTSA vPIC data on this computer; check them against the car.</span>
      </div>
    </section>
  )
}
