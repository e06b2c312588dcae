import { describe, expect, it } from 'vitest'
import { importingStage } from '../../../renderer/src/features/csv/importing-stage'

describe('importingStage', () => {
  it('says the rows are being checked until the first batch is reported', () => {
    expect(importingStage(null)).toBe('checking the rows first')
    expect(importingStage({ done: 0, total: 0 })).toBe('checking the rows first')
  })

  it('counts rows written, then says the last of them are being saved', () => {
    expect(importingStage({ done: 0, total: 50_000 })).toBe('0 of 50,000 rows')
    expect(importingStage({ done: 12_000, total: 50_000 })).toBe('12,000 of 50,000 rows')
    expect(importingStage({ done: 50_000, total: 50_000 })).toBe('50,000 of 50,000 rows, saving')
  })
})
