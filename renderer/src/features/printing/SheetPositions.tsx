import { SHEET_POSITIONS } from '../../../../shared/print/code-card'

interface Props {
  readonly value: readonly number[]
  readonly onChange: (positions: number[]) => void
}

/**
 * The ten cards of an Avery 5371/8371 sheet (two across, five down), as
 * toggle buttons: press the ones still on the sheet.
 */
export function SheetPositions({ value, onChange }: Props) {
  const chosen = new Set(value)
  const toggle = (position: number) => {
    const next = new Set(chosen)
    if (next.has(position)) next.delete(position)
    else next.add(position)
    onChange([...next].sort((a, b) => a - b))
  }
  return (
    <fieldset className="sheet-positions">
      <legend className="field__label">Cards on the sheet to print on</legend>
      <div className="sheet-positions__grid" role="group" aria-label="Sheet positions, two across and five down">
        {Array.from({ length: SHEET_POSITIONS }, (_, i) => i + 1).map((position) => (
          <button
            key={position}
            type="button"
            className="sheet-positions__cell"
            aria-pressed={chosen.has(position)}
            aria-label={`Position ${position} (row ${Math.ceil(position / 2)}, ${position % 2 === 1 ? 'left' : 'right'})`}
            onClick={() => toggle(position)}
          >
            {position}
          </button>
        ))}
      </div>
      <div className="sheet-positions__actions">
        <button type="button" className="button button--small button--quiet" onClick={() => onChange(Array.from({ length: SHEET_POSITIONS }, (_, i) => i + 1))}>
          All ten
        </button>
        <span className="muted">{value.length === 0 ? 'Choose at least one card.' : `${value.length} of ${SHEET_POSITIONS} chosen`}</span>
      </div>
    </fieldset>
  )
}
