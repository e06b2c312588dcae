import { describe, expect, it } from 'vitest'
import { compactKey, phoneDigits, tidyText, toSearchKey } from '../../../shared/domain/normalize'

describe('toSearchKey', () => {
  it('uppercases, folds diacritics and collapses everything else to single spaces', () => {
    expect(toSearchKey('  Ana   María López-Ortiz ')).toBe('ANA MARIA LOPEZ ORTIZ')
    expect(toSearchKey('Zoë O’Brien')).toBe('ZOE O BRIEN')
    expect(toSearchKey('Ñandú')).toBe('NANDU')
    expect(toSearchKey('ﬁat')).toBe('FIAT')
  })

  it('returns an empty string for punctuation and whitespace only', () => {
    expect(toSearchKey(' -*"()\t\n ')).toBe('')
    expect(toSearchKey('')).toBe('')
  })

  it('keeps digits', () => {
    expect(toSearchKey('RO #10422')).toBe('RO 10422')
  })
})

describe('phoneDigits', () => {
  it('keeps only digits, so different spellings give the same key', () => {
    expect(phoneDigits('(555) 010-2030')).toBe('5550102030')
    expect(phoneDigits('555.010.2030')).toBe('5550102030')
    expect(phoneDigits('+1 555 010 2030 ext. 4')).toBe('155501020304')
    expect(phoneDigits('no digits')).toBe('')
  })
})

describe('compactKey', () => {
  it('uppercases and removes spaces, dashes and dots', () => {
    expect(compactKey(' 1hg-cm8.2633 a004352 ')).toBe('1HGCM82633A004352')
    expect(compactKey('7abc 123')).toBe('7ABC123')
  })
})

describe('tidyText', () => {
  it('collapses whitespace runs and trims', () => {
    expect(tidyText('  Ana \t\n  López  ')).toBe('Ana López')
    expect(tidyText('   ')).toBe('')
  })
})
