import type { DuplicatePolicy, ImportOverrides } from '../../../../shared/domain/csv-dedup'
import type { ImportReport } from '../../../../shared/domain/csv-import'
import type { CsvRowProblem } from '../../../../shared/domain/csv-rows'
import { hrefFor } from '../../app/routes'
import { Notice } from '../../components/Notice'

interface Props {
  readonly report: ImportReport
  /** True when the policy or the skipped lines changed since this report: check again before importing. */
  readonly stale: boolean
  readonly policy: DuplicatePolicy
  readonly overrides: ImportOverrides
  readonly onPolicy: (policy: DuplicatePolicy) => void
  readonly onOverrides: (overrides: ImportOverrides) => void
  readonly onFixMapping: () => void
  readonly onCheckAgain: () => void
  readonly onImport: () => void
  readonly busy: boolean
}

/** Rows of a problem table shown at once; the count says how many more there are. */
const SHOWN = 200

const POLICIES: readonly { id: DuplicatePolicy; label: string; hint: string }[] = [
  { id: 'merge', label: 'Merge', hint: 'Add what is new to the customer on file (new phones, empty fields filled in); nothing on file is overwritten.' },
  { id: 'skip', label: 'Skip', hint: 'Leave those rows out; the records on file stay as they are.' },
  { id: 'create', label: 'Create', hint: 'Add them as new customers anyway (a VIN on file cannot be added twice).' },
]

function ProblemTable({ problems, caption, testId, skipped, onSkip }: {
  readonly problems: readonly CsvRowProblem[]
  readonly caption: string
  readonly testId: string
  readonly skipped?: ImportOverrides
  readonly onSkip?: (line: number, skip: boolean) => void
}) {
  return (
    <div className="csv-report__table-wrap">
      <table className="data-table csv-report__table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Field</th>
            <th scope="col">Problem</th>
            {onSkip ? <th scope="col">Leave out</th> : null}
          </tr>
        </thead>
        <tbody>
          {problems.slice(0, SHOWN).map((problem, index) => (
            <tr key={`${problem.line}-${index}`}>
              <td>{problem.line === 0 ? 'Whole file' : problem.line}</td>
              <td>{problem.field ?? '—'}</td>
              <td>{problem.message}</td>
              {onSkip ? (
                <td>
                  {problem.line > 0 ? (
                    <label className="csv-report__skip">
                      <input
                        type="checkbox"
                        checked={skipped?.[String(problem.line)] === 'skip'}
                        onChange={(event) => onSkip(problem.line, event.target.checked)}
                      />
                      <span>Skip line {problem.line}</span>
                    </label>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > SHOWN ? <p className="csv-step__hint">…and {(problems.length - SHOWN).toLocaleString()} more.</p> : null}
    </div>
  )
}

/** Step 3: what the import would do, row by row; duplicates policy; fix and check again, or import. */
export function CheckStep({ report, stale, policy, overrides, onPolicy, onOverrides, onFixMapping, onCheckAgain, onImport, busy }: Props) {
  const duplicates = report.rows.filter((row) => row.duplicateOf !== null)
  const setSkip = (line: number, skip: boolean) => {
    const next: Record<string, DuplicatePolicy> = { ...overrides }
    if (skip) next[String(line)] = 'skip'
    else delete next[String(line)]
    onOverrides(next)
  }
  const skipAllProblemLines = () => {
    const next: Record<string, DuplicatePolicy> = { ...overrides }
    for (const problem of report.errors) if (problem.line > 0) next[String(problem.line)] = 'skip'
    onOverrides(next)
  }
  const fileWideErrors = report.errors.some((problem) => problem.line === 0)
  const canImport = report.ok && !stale && !busy

  return (
    <div className="csv-step" data-testid="csv-check-step">
      <dl className="csv-counts" data-testid="csv-counts">
        <div>
          <dt>New</dt>
          <dd>{report.counts.create.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Merged</dt>
          <dd>{report.counts.merge.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Skipped</dt>
          <dd>{report.counts.skip.toLocaleString()}</dd>
        </div>
        <div className={report.counts.error > 0 ? 'csv-counts--bad' : undefined}>
          <dt>With problems</dt>
          <dd>{report.counts.error.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Radio codes</dt>
          <dd>{report.counts.codes.toLocaleString()}</dd>
        </div>
      </dl>

      {report.errors.length > 0 ? (
        <section aria-labelledby="csv-errors-title">
          <h3 className="csv-step__title" id="csv-errors-title">
            {report.errors.length.toLocaleString()} problem{report.errors.length === 1 ? '' : 's'} to fix before importing
          </h3>
          <p className="csv-step__hint">
            A wrong column choice shows up as the same problem on every line: change the mapping. A few bad lines: fix them in the file and choose
            it again, or leave them out here.
          </p>
          <ProblemTable problems={report.errors} caption="Problems, by line" testId="csv-errors" skipped={overrides} onSkip={setSkip} />
          <div className="form-actions">
            <button type="button" className="button" onClick={onFixMapping}>
              Change the column mapping
            </button>
            {!fileWideErrors ? (
              <button type="button" className="button" onClick={skipAllProblemLines}>
                Leave out every line with a problem
              </button>
            ) : null}
          </div>
        </section>
      ) : (
        <Notice tone="success" title="Every row can be imported" testId="csv-check-ok">
          <p>Nothing has been saved yet.</p>
        </Notice>
      )}

      <fieldset className="csv-policy">
        <legend>Rows that match a customer already on file (same VIN or phone number)</legend>
        {POLICIES.map((option) => (
          <label className="csv-policy__option" key={option.id}>
            <input type="radio" name="csv-policy" value={option.id} checked={policy === option.id} onChange={() => onPolicy(option.id)} />
            <span>
              <span className="csv-policy__label">{option.label}</span>
              <span className="csv-policy__hint">{option.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>

      {duplicates.length > 0 ? (
        <details className="csv-report__details">
          <summary>
            {duplicates.length.toLocaleString()} row{duplicates.length === 1 ? '' : 's'} match{duplicates.length === 1 ? 'es' : ''} a customer on file
          </summary>
          <table className="data-table csv-report__table" data-testid="csv-duplicates">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">In the file</th>
                <th scope="col">On file</th>
                <th scope="col">Matched by</th>
                <th scope="col">Will be</th>
              </tr>
            </thead>
            <tbody>
              {duplicates.slice(0, SHOWN).map((row) => (
                <tr key={row.line}>
                  <td>{row.line}</td>
                  <td>{row.customerName}</td>
                  <td>
                    {row.duplicateOf ? <a href={hrefFor('customers', row.duplicateOf.customerId)}>{row.duplicateOf.name}</a> : null}
                  </td>
                  <td>{row.duplicateOf?.by === 'vin' ? 'VIN' : 'Phone'}</td>
                  <td>{row.action === 'merge' ? 'Merged' : row.action === 'skip' ? 'Skipped' : row.action === 'create' ? 'Created' : 'Problem'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}

      {report.warnings.length > 0 ? (
        <details className="csv-report__details">
          <summary>
            {report.warnings.length.toLocaleString()} note{report.warnings.length === 1 ? '' : 's'} (imported anyway)
          </summary>
          <ProblemTable problems={report.warnings} caption="Notes, by line" testId="csv-warnings" />
        </details>
      ) : null}

      {stale ? (
        <Notice tone="info" testId="csv-stale">
          <p>You changed what to do with some rows. Check the file again to see the result before importing.</p>
        </Notice>
      ) : null}

      <div className="form-actions">
        {stale || !report.ok ? (
          <button type="button" className="button button--primary" aria-disabled={busy} onClick={() => !busy && onCheckAgain()}>
            {busy ? 'Checking every row…' : 'Check again'}
          </button>
        ) : null}
        <button type="button" className={`button${canImport ? ' button--primary' : ''}`} aria-disabled={!canImport} onClick={() => canImport && onImport()}>
          Import {(report.counts.create + report.counts.merge).toLocaleString()} row{report.counts.create + report.counts.merge === 1 ? '' : 's'}
        </button>
      </div>
    </div>
  )
}
