import { describe, expect, it } from 'vitest'
import { checkCodeFormat, normalizeCode } from '../../../shared/knowledge'
import { entryById, loadKnowledge } from './load-knowledge'

/* checkCodeFormat: catches typos against the report's code formats, with human messages. */

const kb = loadKnowledge()
const check = (id: string, code: string) => checkCodeFormat(entryById(kb, id), code)

describe('checkCodeFormat', () => {
  it('accepts well-formed codes, ignoring spaces and dashes', () => {
    expect(check('honda-acura-code-radio', '12345')).toEqual({ ok: true, warnings: [] })
    expect(check('honda-acura-code-radio', ' 12-3 45 ')).toEqual({ ok: true, warnings: [] })
    expect(check('ford-europe', '0987')).toEqual({ ok: true, warnings: [] })
    expect(check('vw-audi-seat-skoda-code-radio', '1 0 9 8')).toEqual({ ok: true, warnings: [] })
    expect(check('bmw-code-radio', '66611')).toEqual({ ok: true, warnings: [] })
    expect(check('hyundai-code-radio', '9000')).toEqual({ ok: true, warnings: [] })
    expect(check('volvo-850-s70', '1625')).toEqual({ ok: true, warnings: [] })
  })

  it('rejects the wrong length with a clear message', () => {
    expect(check('honda-acura-code-radio', '1234')).toEqual({ ok: false, problems: ['A Honda/Acura radio code has 5 digits; this has 4.'] })
    expect(check('ford-europe', '12345')).toEqual({ ok: false, problems: ['A Ford (Europe/UK) radio code has 4 digits; this has 5.'] })
    expect(check('volvo-700-900', '12345')).toEqual({
      ok: false,
      problems: ['A Volvo 700/900-series radio code has 4 or 6 digits; this has 5.'],
      
    })
  })

  it('rejects digits outside 1–6 for press-the-digit radios', () => {
    expect(check('honda-acura-code-radio', '12347')).toEqual({
      ok: false,
      problems: ['Honda/Acura radio codes use only digits 1–6; 7 is not allowed.'],
    })
    expect(check('bmw-code-radio', '90712')).toEqual({
      ok: false,
      problems: ['BMW radio codes use only digits 1–6; 0, 7 and 9 are not allowed.'],
    })
    expect(check('volvo-850-s70', '1807')).toEqual({
      ok: false,
      problems: ['Volvo 850/S70 radio codes use only digits 1–6; 0, 7 and 8 are not allowed.'],
    })
  })

  it('reports every problem at once', () => {
    const result = check('honda-acura-code-radio', '789')
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.problems).toEqual([
        'A Honda/Acura radio code has 5 digits; this has 3.',
        'Honda/Acura radio codes use only digits 1–6; 7, 8 and 9 are not allowed.',
      ])
    }
  })

  it('rejects letters and an empty code', () => {
    expect(check('hyundai-code-radio', '12A4')).toEqual({ ok: false, problems: ['A Hyundai radio code is digits only; “A” is not a digit.'] })
    expect(check('hyundai-code-radio', ' - ')).toEqual({ ok: false, problems: ['No code entered.'] })
  })

  it('only checks what the report gives, and says what it could not check', () => {
    const navi = check('honda-acura-navigation', '9099')
    expect(navi.ok).toBe(true)
    if (navi.ok) expect(navi.warnings).toEqual(['The report does not say which digits Honda/Acura navigation system codes use, so the digits were not checked.'])
    expect(check('honda-acura-navigation', '123').ok).toBe(false)

    const loc = check('gm-delco-loc', '1234')
    expect(loc.ok).toBe(true)
    if (loc.ok) expect(loc.warnings[0]).toContain('does not give the length')

    const kia = check('kia', '1234')
    expect(kia).toEqual({ ok: true, warnings: ['The report gives no code format for the Kia, so this code could not be checked.'] })
  })

  it('says a paired radio takes no code', () => {
    const result = check('gm-theftlock-vin-paired', '1234')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems[0]).toContain('take no code')
  })

  it('never echoes anything but the digits that break the format', () => {
    const result = check('honda-acura-code-radio', '1234')
    expect(JSON.stringify(result)).not.toMatch(/12345|try|likely|probably|correct code/i)
  })
})

describe('normalizeCode', () => {
  it('strips spaces and all kinds of dashes', () => {
    expect(normalizeCode(' 12 – 34—5-6 ')).toBe('123456')
  })
})
