import { useMemo } from 'react'
import type { PrintableDocument } from '../../../../shared/print/document'
import { previewFrameDocument, previewImage } from '../../../../shared/print/preview-image'
import { mmToCssPx } from '../../../../shared/print/units'

interface Props {
  readonly document: PrintableDocument
  /** The box the page must fit in, in CSS pixels. */
  readonly maxWidth: number
  readonly maxHeight: number
  /** Pages of a Letter/A4 document to show, one under the other. */
  readonly pages?: number
  readonly label: string
}

/**
 * The document exactly as it lays out, in a sandboxed frame (no scripts, an
 * opaque origin). The frame shows the page as an SVG image (see
 * shared/print/preview-image for why), scaled to fit the box.
 */
export function PagePreview({ document, maxWidth, maxHeight, pages = 1, label }: Props) {
  const scale = Math.min(2, maxWidth / mmToCssPx(document.pageSize.widthMm), maxHeight / mmToCssPx(document.pageSize.heightMm))
  const frame = useMemo(() => {
    const image = previewImage(document, scale, pages)
    return { image, html: previewFrameDocument(image, label) }
  }, [document, scale, pages, label])
  const pageHeight = Math.round(mmToCssPx(document.pageSize.heightMm) * scale)
  return (
    <iframe
      className="page-preview"
      title={label}
      sandbox=""
      srcDoc={frame.html}
      width={Math.ceil(frame.image.widthPx) + (pages > 1 ? 18 : 0)}
      height={pages > 1 ? pageHeight : Math.ceil(frame.image.heightPx)}
      data-page-width-mm={document.pageSize.widthMm}
      data-page-height-mm={document.pageSize.heightMm}
      data-testid="page-preview"
    />
  )
}
