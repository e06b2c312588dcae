import { RADIO_CODE_SOURCE_LABELS, type RadioCodeHistoryEntry } from '../../../../shared/domain/radio-code'
import { formatDateTime } from '../../lib/format'

/** A radio's codes, newest first, always masked: where each came from, who entered and verified it, which one is current. */
export function CodeHistory({ entries, label }: { readonly entries: readonly RadioCodeHistoryEntry[]; readonly label: string }) {
  if (entries.length === 0) return <p className="muted">No code has been entered for this radio.</p>
  return (
    <ol className="code-history" aria-label={label} data-testid="code-history">
      {entries.map((entry) => (
        <li key={entry.id} className={`code-history__item${entry.current ? '' : ' code-history__item--old'}`} data-testid="code-history-entry">
          <span className="code-history__mask" aria-label="Code hidden">
            {entry.masked}
          </span>
          <div className="code-history__body">
            <p className="code-history__line">
              {entry.current ? <span className="tag tag--current">Current</span> : <span className="tag">Replaced</span>}
              <span className="code-history__source">
                {RADIO_CODE_SOURCE_LABELS[entry.source]}
                {entry.sourceDetail ? ` — ${entry.sourceDetail}` : ''}
              </span>
            </p>
            <p className="code-history__meta">
              Entered by {entry.enteredBy.name}, {formatDateTime(entry.enteredAt)}
              {entry.supersededAt ? ` · replaced ${formatDateTime(entry.supersededAt)}` : ''}
            </p>
            <p className="code-history__meta">
              {entry.verifiedAt ? (
                <span className="code-history__verified">
                  Worked in the radio — checked by {entry.verifiedBy?.name ?? 'someone'}, {formatDateTime(entry.verifiedAt)}
                </span>
              ) : (
                'Not yet tried in the radio'
              )}
            </p>
            {entry.formatOverrideReason ? (
              <p className="code-history__meta code-history__override">Kept despite the format check: {entry.formatOverrideReason}</p>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  )
}
