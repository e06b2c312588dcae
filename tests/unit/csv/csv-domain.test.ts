import { describe, expect, it } from 'vitest'
import { planImport, findRepeatedRows } from '../../../shared/domain/csv-dedup'
import { escapeFormulaCell, looksLikeFormula, toCsvRecord, unescapeFormulaCell } from '../../../shared/domain/csv-escape'
import { mappingProblems, suggestMapping, uniqueHeaderLabels, unmappedHeaders } from '../../../shared/domain/csv-mapping'
import { nameKey, parsePhoneList, readImportRow, type ImportRow } from '../../../shared/domain/csv-rows'

const HEADERS = ['First Name', 'Last Name', 'Cell', 'Phone', 'E-mail', 'VIN', 'Year', 'Make', 'Model', 'Plate', 'State', 'Color', 'Radio Serial', 'Radio Code']
const mapping = suggestMapping(HEADERS)
const row = (cells: Partial<Record<string, string>>, line = 2) =>
  readImportRow(HEADERS, mapping, HEADERS.map((h) => cells[h] ?? ''), line)

describe('column mapping', () => {
  it('does not match a column by name again when the shop left it out last time', () => {
    const headers = ['Client', 'Home', 'Cell']
    expect(suggestMapping(headers)).toMatchObject({ name: 'Client', homePhone: 'Home', mobilePhone: 'Cell' })
    expect(suggestMapping(headers, null, ['HOME'])).toMatchObject({ name: 'Client', homePhone: null, mobilePhone: 'Cell' })
    // A remembered choice still wins over the left-out list.
    expect(suggestMapping(headers, { workPhone: 'Home' }, ['Home'])).toMatchObject({ workPhone: 'Home', homePhone: null })
    expect(unmappedHeaders(suggestMapping(headers, null, ['Home']), headers)).toEqual(['Home'])
  })

  it('suggests fields from the usual header names', () => {
    expect(mapping).toMatchObject({
      firstName: 'First Name',
      lastName: 'Last Name',
      mobilePhone: 'Cell',
      otherPhone: 'Phone',
      email: 'E-mail',
      vin: 'VIN',
      year: 'Year',
      make: 'Make',
      model: 'Model',
      plate: 'Plate',
      plateState: 'State',
      colour: 'Color',
      radioSerial: 'Radio Serial',
      radioCode: 'Radio Code',
      name: null,
    })
    expect(suggestMapping(['License', 'Customer Cell Phone'])).toMatchObject({ plate: 'License', mobilePhone: 'Customer Cell Phone' })
  })

  it('prefers the remembered mapping where its columns exist', () => {
    const suggested = suggestMapping(['Tel A', 'Phone', 'Name'], { mobilePhone: 'Tel A', vin: 'Gone' })
    expect(suggested).toMatchObject({ mobilePhone: 'Tel A', otherPhone: 'Phone', name: 'Name', vin: null })
  })

  it('numbers repeated and blank headers, and checks a mapping', () => {
    expect(uniqueHeaderLabels(['Phone', ' phone ', ''])).toEqual(['Phone', 'phone (2)', 'Column 3'])
    expect(mappingProblems({ ...suggestMapping([]), vin: 'Nope' }, ['A'])).toEqual([
      'VIN: this file has no column “Nope”.',
      'Choose the column with the customer’s name (or the first and last name columns).',
    ])
  })
})

describe('formula escaping', () => {
  it('prefixes a quote on every cell a spreadsheet would run, and undoes it', () => {
    for (const cell of ['=1+2', '+1 555 010 2030', '-5', '@SUM(A1)', '\tx', '\rx']) {
      expect(escapeFormulaCell(cell)).toBe(`'${cell}`)
      expect(unescapeFormulaCell(escapeFormulaCell(cell))).toBe(cell)
    }
    expect(escapeFormulaCell('Ann')).toBe('Ann')
    expect(unescapeFormulaCell("'Ann")).toBe("'Ann")
    expect(toCsvRecord(['a,b', 'say "hi"', '=cmd', 'x\ny'])).toBe('"a,b","say ""hi""",\'=cmd,"x\ny"\r\n')
  })

  it('recognises live formulas but not phone numbers or notes', () => {
    expect(looksLikeFormula('=HYPERLINK("http://x","click")')).toBe(true)
    expect(looksLikeFormula(' =1+1')).toBe(true)
    expect(looksLikeFormula('@SUM(A1:A2)')).toBe(true)
    expect(looksLikeFormula("-2+3+cmd|' /C calc'!A0")).toBe(true)
    expect(looksLikeFormula('+1 (555) 010-2030')).toBe(false)
    expect(looksLikeFormula('- battery weak!')).toBe(false)
    expect(looksLikeFormula("'=1+2")).toBe(false)
  })
})

describe('row validation', () => {
  it('reads a good row', () => {
    const result = row({ 'First Name': 'Ann', 'Last Name': 'Lee', Cell: '555-010-2030', VIN: '1hgcm82633a004352', Year: '2003', Make: 'Honda', 'Radio Code': '12 34' })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.row.customer).toMatchObject({ name: 'Ann Lee', phones: [{ label: 'mobile', number: '555-010-2030' }] })
    expect(result.row.vehicle).toMatchObject({ vin: '1HGCM82633A004352', year: 2003, make: 'Honda' })
    expect(result.row.code).toBe('1234')
  })

  it('explains each bad field with its line, and never repeats a code', () => {
    const result = row({ 'First Name': 'Ann', VIN: '1HGCM82633AOO4352', Year: '03', Cell: '12', 'E-mail': 'ann@', 'Radio Code': 'SECRET-CODE-THAT-IS-FAR-TOO-LONG-12' }, 7)
    expect(result.ok).toBe(false)
    if (result.ok) return
    const byField = Object.fromEntries(result.errors.map((e) => [e.field, e.message]))
    expect(result.errors.every((e) => e.line === 7)).toBe(true)
    expect(byField.VIN).toContain('VINs never use the letter O')
    expect(byField.Year).toContain('four digits')
    expect(byField['Mobile phone']).toContain('at least 7 digits')
    expect(byField.Email).toContain('email')
    expect(byField['Radio code']).toContain('at most 24')
    expect(JSON.stringify(result.errors)).not.toContain('SECRET')
  })

  it('refuses formulas, ragged rows and a code without a vehicle', () => {
    const formula = row({ 'First Name': '=HYPERLINK("http://evil","x")' })
    expect(formula.ok).toBe(false)
    if (!formula.ok) expect(formula.errors[0]?.message).toContain('spreadsheet formula')
    const ragged = readImportRow(HEADERS, mapping, ['Ann', 'Lee'], 3)
    expect(ragged.ok).toBe(false)
    if (!ragged.ok) expect(ragged.errors[0]?.message).toContain('2 cells but the header has 14 columns')
    const orphan = row({ 'First Name': 'Ann', 'Radio Code': '1234' })
    expect(orphan.ok).toBe(false)
  })

  it('reads phone lists and compares names in any order', () => {
    expect(parsePhoneList('mobile: +1 555 010 2030; work: 555-0102;555 0199')).toEqual([
      { label: 'mobile', number: '+1 555 010 2030' },
      { label: 'work', number: '555-0102' },
      { label: 'phone', number: '555 0199' },
    ])
    expect(nameKey('SMITH, John')).toBe(nameKey('john smith'))
  })
})

describe('duplicate rules', () => {
  const good = (cells: Partial<Record<string, string>>, line: number): ImportRow => {
    const result = row(cells, line)
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    return result.row
  }
  const none = { vehiclesByVin: new Map(), customersByPhone: new Map() }

  it('finds repeated rows and repeated VINs in the file', () => {
    expect(findRepeatedRows([{ line: 2, cells: ['a', 'b'] }, { line: 3, cells: ['a ', 'b'] }])).toEqual(new Map([[3, 2]]))
    const plan = planImport(
      [good({ 'First Name': 'Ann', VIN: '1HGCM82633A004352' }, 2), good({ 'First Name': 'Bob', VIN: '1HGCM82633A004352' }, 3)],
      none,
      'merge',
    )
    expect(plan.errors).toEqual([{ line: 3, field: 'VIN', message: expect.stringContaining('also on line 2') }])
  })

  it('groups rows of one customer by name and phone, not by phone alone', () => {
    const plan = planImport(
      [
        good({ 'First Name': 'Ann', 'Last Name': 'Lee', Cell: '555-010-2030', Make: 'Honda' }, 2),
        good({ 'First Name': 'LEE,', 'Last Name': 'ann', Cell: '(555) 010 2030', Make: 'Ford' }, 3),
        good({ 'First Name': 'Bob', 'Last Name': 'Lee', Cell: '555-010-2030', Make: 'Kia' }, 4),
      ],
      none,
      'merge',
    )
    expect(plan.newCustomers.map((c) => c.lines)).toEqual([[2, 3], [4]])
    expect(plan.warnings[0]).toMatchObject({ line: 4, field: 'Phone' })
  })

  it('applies the policy to duplicates and the per-line override', () => {
    const existing = {
      vehiclesByVin: new Map([['1HGCM82633A004352', { vehicleId: 9, ownerId: 4, ownerName: 'Ann Lee' }]]),
      customersByPhone: new Map([['5550102030', [{ customerId: 4, name: 'Ann Lee' }]]]),
    }
    const rows = [
      good({ 'First Name': 'Ann', 'Last Name': 'Lee', VIN: '1HGCM82633A004352' }, 2),
      good({ 'First Name': 'Cy', 'Last Name': 'Doe', Cell: '555 777 1234' }, 3),
    ]
    expect(planImport(rows, existing, 'merge').decisions.map((d) => d.action)).toEqual(['merge', 'create'])
    expect(planImport(rows, existing, 'skip').decisions.map((d) => d.action)).toEqual(['skip', 'create'])
    const create = planImport(rows, existing, 'create')
    expect(create.errors[0]?.message).toContain('cannot be created')
    expect(planImport(rows, existing, 'merge', { '2': 'skip', '3': 'skip' }).decisions.map((d) => d.action)).toEqual(['skip', 'skip'])
    const stranger = planImport([good({ 'First Name': 'Zed', VIN: '1HGCM82633A004352' }, 2)], existing, 'merge')
    expect(stranger.errors[0]?.message).toContain('is on file for Ann Lee')
  })
})
