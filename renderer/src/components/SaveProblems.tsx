import type { RelatedRecord } from '../../../shared/api/errors'
import { Notice } from './Notice'
import { RelatedLink } from './RelatedLink'
import './save-problems.css'

export interface FieldProblemLink<K extends string> {
  readonly key: K
  readonly label: string
  readonly message: string
}

interface Props<K extends string> {
  /** Main refused the save for a reason not tied to one field. */
  readonly formError: string | null
  /** Main refused the save because the record is already on file. */
  readonly duplicateOf: { readonly message: string; readonly related: RelatedRecord } | null
  /** Field problems to list (after a save was tried); each links to its field. */
  readonly fieldProblems: readonly FieldProblemLink<K>[]
  readonly onFocusField: (key: K) => void
}

/** Why a record form did not save: main's refusal, an existing record, or the fields to check; typed text is always kept. */
export function SaveProblems<K extends string>({ formError, duplicateOf, fieldProblems, onFocusField }: Props<K>) {
  return (
    <>
      {formError ? (
        <Notice tone="error" title="Not saved">
          <p>{formError}</p>
          <p>Everything you typed is still here.</p>
        </Notice>
      ) : null}
      {duplicateOf ? (
        <Notice tone="error" title="Not saved: already on file">
          <p>
            {duplicateOf.message} <RelatedLink related={duplicateOf.related} />
          </p>
          <p>Everything you typed is still here.</p>
        </Notice>
      ) : null}
      {fieldProblems.length > 0 ? (
        <Notice tone="error" title={fieldProblems.length === 1 ? 'Check one field' : `Check ${fieldProblems.length} fields`}>
          <ul className="save-problems__fields">
            {fieldProblems.map(({ key, label, message }) => (
              <li key={key}>
                <button type="button" className="link-button" onClick={() => onFocusField(key)}>
                  {label}
                </button>
                : {message}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
    </>
  )
}
