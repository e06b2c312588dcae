import type { PageSizeMm } from './units'

/** A self-contained printable page: HTML with its CSS @page size, plus that size for the print call. */
export interface PrintableDocument {
  readonly kind: string
  readonly title: string
  readonly html: string
  readonly pageSize: PageSizeMm
}
