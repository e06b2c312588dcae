import { describe, expect, it } from 'vitest'
import {
  inchesToMm,
  mmToInches,
  mmToMicrons,
  mmToPoints,
  PAGE_SIZES,
  pdfPageSizeInches,
  printPageSizeMicrons,
} from '../../../shared/print/units'

describe('print units', () => {
  it('converts millimetres to whole microns', () => {
    expect(mmToMicrons(1)).toBe(1000)
    expect(mmToMicrons(215.9)).toBe(215900)
    expect(mmToMicrons(0.0004)).toBe(0)
    expect(Number.isInteger(mmToMicrons(279.4))).toBe(true)
  })

  it('converts between millimetres and inches both ways', () => {
    expect(mmToInches(25.4)).toBe(1)
    expect(inchesToMm(8.5)).toBeCloseTo(215.9, 10)
    expect(inchesToMm(mmToInches(123.45))).toBeCloseTo(123.45, 10)
  })

  it('converts millimetres to points', () => {
    expect(mmToPoints(25.4)).toBe(72)
    expect(mmToPoints(PAGE_SIZES.letter.widthMm)).toBeCloseTo(612, 6)
  })

  it('gives Letter as 8.5 × 11 in and A4 as 210 × 297 mm', () => {
    expect(pdfPageSizeInches(PAGE_SIZES.letter).width).toBeCloseTo(8.5, 10)
    expect(pdfPageSizeInches(PAGE_SIZES.letter).height).toBeCloseTo(11, 10)
    expect(printPageSizeMicrons(PAGE_SIZES.letter)).toEqual({ width: 215900, height: 279400 })
    expect(printPageSizeMicrons(PAGE_SIZES.a4)).toEqual({ width: 210000, height: 297000 })
    expect(pdfPageSizeInches(PAGE_SIZES.a4).width).toBeCloseTo(8.2677, 4)
  })
})
