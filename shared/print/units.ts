/**
 * Page-size conversions, kept in one place because Electron takes a custom
 * page size in microns for webContents.print() but in inches for printToPDF().
 */
export const MICRONS_PER_MM = 1000
export const MM_PER_INCH = 25.4

export interface PageSizeMm {
  readonly widthMm: number
  readonly heightMm: number
}

export function mmToMicrons(mm: number): number {
  return Math.round(mm * MICRONS_PER_MM)
}

export function mmToInches(mm: number): number {
  return mm / MM_PER_INCH
}

export function inchesToMm(inches: number): number {
  return inches * MM_PER_INCH
}

/** CSS points (1/72 in), the unit pdfinfo reports page sizes in. */
export function mmToPoints(mm: number): number {
  return (mm / MM_PER_INCH) * 72
}

/** The `pageSize` object webContents.print() expects. */
export function printPageSizeMicrons(size: PageSizeMm): { width: number; height: number } {
  return { width: mmToMicrons(size.widthMm), height: mmToMicrons(size.heightMm) }
}

/** The `pageSize` object webContents.printToPDF() expects. */
export function pdfPageSizeInches(size: PageSizeMm): { width: number; height: number } {
  return { width: mmToInches(size.widthMm), height: mmToInches(size.heightMm) }
}

export const PAGE_SIZES = {
  letter: { widthMm: 215.9, heightMm: 279.4 },
  a4: { widthMm: 210, heightMm: 297 },
} as const satisfies Record<string, PageSizeMm>

/** CSS pixels (1/96 in), the unit the screen preview is laid out in. */
export function mmToCssPx(mm: number): number {
  return (mm / MM_PER_INCH) * 96
}
