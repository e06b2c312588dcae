import type { RelatedRecord } from '../../../shared/api/errors'
import { hrefFor } from '../app/routes'

/** "Open it": the record a DUPLICATE answer points to. Opening it keeps the form's draft. */
export function RelatedLink({ related, label = 'Open it' }: { readonly related: RelatedRecord; readonly label?: string }) {
  if (related.entity === 'radio') return null
  const href = related.entity === 'customer' ? hrefFor('customers', related.id) : hrefFor('vehicles', related.id)
  return (
    <a className="related-link" href={href} data-testid="open-related">
      {label}
    </a>
  )
}
