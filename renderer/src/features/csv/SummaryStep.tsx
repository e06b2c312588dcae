import type { ImportSummary } from '../../../../shared/domain/csv-import'
import { hrefFor } from '../../app/routes'
import { Notice } from '../../components/Notice'

interface Props {
  readonly summary: ImportSummary
  readonly onAnother: () => void
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`
}

/** Step 4 done: what the import wrote. */
export function SummaryStep({ summary, onAnother }: Props) {
  return (
    <div className="csv-step" data-testid="csv-summary">
      <Notice tone="success" title="Imported">
        <ul>
          <li>
            Customers: {summary.customersCreated.toLocaleString()} new, {summary.customersMerged.toLocaleString()} updated
          </li>
          <li>
            Vehicles: {summary.vehiclesCreated.toLocaleString()} new, {summary.vehiclesMerged.toLocaleString()} already on file
          </li>
          <li>Radios: {summary.radiosCreated.toLocaleString()} new</li>
          <li>Radio codes: {summary.codesImported.toLocaleString()} stored (encrypted, each recorded in the audit log)</li>
          {summary.rowsSkipped > 0 ? <li>Rows left out: {summary.rowsSkipped.toLocaleString()}</li> : null}
        </ul>
      </Notice>
      {summary.warnings.length > 0 ? (
        <details className="csv-report__details">
          <summary>{plural(summary.warnings.length, 'note')} from the check</summary>
          <ul className="csv-summary__notes">
            {summary.warnings.slice(0, 200).map((warning, index) => (
              <li key={`${warning.line}-${index}`}>
                Line {warning.line}
                {warning.field ? `, ${warning.field}` : ''}: {warning.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <div className="form-actions">
        <a className="button" href={hrefFor('customers')}>
          See the customers
        </a>
        <button type="button" className="button" onClick={onAnother}>
          Import another file
        </button>
      </div>
    </div>
  )
}
