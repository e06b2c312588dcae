import type { CsvPreview } from '../../../../shared/domain/csv-import'
import { CSV_FIELD_INFO, CSV_FIELDS, mappingProblems, type CsvField, type CsvFieldInfo, type CsvMapping } from '../../../../shared/domain/csv-mapping'
import { Notice } from '../../components/Notice'

interface Props {
  readonly fileName: string
  readonly preview: CsvPreview
  readonly mapping: CsvMapping
  readonly onChange: (mapping: CsvMapping) => void
  readonly onBack: () => void
  readonly onCheck: () => void
  readonly checking: boolean
}

const GROUPS: readonly { id: CsvFieldInfo['group']; title: string }[] = [
  { id: 'customer', title: 'Customer' },
  { id: 'vehicle', title: 'Vehicle' },
  { id: 'radio', title: 'Radio' },
]

const ENCODING_NAMES: Readonly<Record<CsvPreview['encoding'], string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows (Western European)',
}

const DELIMITER_NAMES: Readonly<Record<CsvPreview['delimiter'], string>> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' }

/** A cell as the preview table shows it: line breaks as ⏎, long text cut. */
function cellText(cell: string): string {
  const flat = cell.replace(/\r?\n/g, ' ⏎ ')
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat
}

/** Step 2: the file's first rows, and which column fills each of our fields. */
export function MappingStep({ fileName, preview, mapping, onChange, onBack, onCheck, checking }: Props) {
  const problems = mappingProblems(mapping, preview.headers)
  const firstRow = preview.rows[0]
  const sample = (header: string | null): string => {
    if (header === null || !firstRow) return ''
    const index = preview.headers.indexOf(header)
    return index < 0 ? '' : cellText(firstRow.cells[index] ?? '')
  }
  const setField = (field: CsvField, header: string | null) => {
    // One column fills one field: choosing a column here takes it from any other field.
    const next: Record<CsvField, string | null> = { ...mapping }
    if (header !== null) {
      for (const other of CSV_FIELDS) if (next[other] === header) next[other] = null
    }
    next[field] = header
    onChange(next)
  }

  return (
    <div className="csv-step" data-testid="csv-mapping-step">
      <p className="csv-step__facts">
        <strong>{fileName}</strong>: {preview.totalRows.toLocaleString()} row{preview.totalRows === 1 ? '' : 's'}, {preview.headers.length} columns
        separated by {DELIMITER_NAMES[preview.delimiter]}, read as {ENCODING_NAMES[preview.encoding]} text.
      </p>

      <h3 className="csv-step__title">The first rows of the file</h3>
      <div className="csv-preview" tabIndex={0} aria-label="First rows of the file">
        <table className="data-table csv-preview__table">
          <thead>
            <tr>
              <th scope="col">Line</th>
              {preview.headers.map((header) => (
                <th scope="col" key={header}>
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.slice(0, 5).map((row) => (
              <tr key={row.line}>
                <td className="csv-preview__line">{row.line}</td>
                {preview.headers.map((header, index) => (
                  <td key={header}>{cellText(row.cells[index] ?? '')}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3 className="csv-step__title">Which column holds what</h3>
      <p className="csv-step__hint">
        Choose the column for each thing you want to bring in; leave the rest on “Not imported”. Columns already chosen last time are picked for
        you.
      </p>
      <div className="csv-mapping">
        {GROUPS.map((group) => (
          <fieldset className="csv-mapping__group" key={group.id}>
            <legend>{group.title}</legend>
            {CSV_FIELDS.filter((field) => CSV_FIELD_INFO[field].group === group.id).map((field) => {
              const id = `csv-map-${field}`
              const value = mapping[field]
              return (
                <div className="csv-mapping__row" key={field}>
                  <label htmlFor={id} className="csv-mapping__label">
                    {CSV_FIELD_INFO[field].label}
                  </label>
                  <select
                    id={id}
                    className="input csv-mapping__select"
                    value={value ?? ''}
                    data-field={field}
                    onChange={(event) => setField(field, event.target.value === '' ? null : event.target.value)}
                  >
                    <option value="">Not imported</option>
                    {preview.headers.map((header) => (
                      <option key={header} value={header}>
                        {header}
                      </option>
                    ))}
                  </select>
                  <span className="csv-mapping__sample" aria-label={`Example from line ${firstRow?.line ?? ''}`}>
                    {sample(value)}
                  </span>
                </div>
              )
            })}
          </fieldset>
        ))}
      </div>

      {mapping.radioCode !== null ? (
        <Notice tone="warning" title="Radio codes will be imported">
          <p>
            Each code from column “{mapping.radioCode}” is stored encrypted, recorded in the audit log as entered by you, and never shown in
            reports. Delete the CSV file from this computer once the import is done: it holds the codes in plain text.
          </p>
        </Notice>
      ) : null}

      {problems.length > 0 ? (
        <Notice tone="warning" title="Fix the mapping first" testId="csv-mapping-problems">
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </Notice>
      ) : null}

      <div className="form-actions">
        <button type="button" className="button" onClick={onBack}>
          Choose another file
        </button>
        <button type="button" className="button button--primary" aria-disabled={checking || problems.length > 0} onClick={() => problems.length === 0 && !checking && onCheck()}>
          {checking ? 'Checking every row…' : 'Check the file (nothing is saved yet)'}
        </button>
      </div>
    </div>
  )
}
