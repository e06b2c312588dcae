import type { z } from 'zod'
import { newCustomerSchema, phoneInputSchema, type NewCustomer } from './customer'
import { looksLikeFormula, unescapeFormulaCell } from './csv-escape'
import { CSV_FIELD_INFO, CSV_FIELDS, type CsvField, type CsvMapping } from './csv-mapping'
import { phoneDigits, tidyText } from './normalize'
import { radioSerialSchema } from './radio'
import { radioCodeSchema } from './radio-code'
import { vehicleFieldsSchema, type VehicleFields } from './vehicle'

/*
 * CSV import: one file row → the customer, vehicle, radio and code it
 * describes, checked with the same rules as the desk's forms. Pure.
 */

/** One problem, for the dry-run report: "Line 12, VIN: VINs never use the letter O…". */
export interface CsvRowProblem {
  /** 1-based line in the file where the row starts; 0 for the whole file. */
  readonly line: number
  /** Our field's label ("VIN"), or null for the row or the file as a whole. */
  readonly field: string | null
  readonly message: string
}

export interface ImportedRadio {
  readonly serial: string
  readonly headUnit: string
}

/** What one valid row describes. */
export interface ImportRow {
  readonly line: number
  /** The customer number from the other system ('' when not mapped): rows with the same one are one customer. */
  readonly customerRef: string
  readonly customer: NewCustomer
  readonly vehicle: VehicleFields | null
  readonly radio: ImportedRadio | null
  /** The normalised code, or null. Never put it in a problem message. */
  readonly code: string | null
}

export type RowResult =
  | { readonly ok: true; readonly row: ImportRow; readonly warnings: readonly CsvRowProblem[] }
  | { readonly ok: false; readonly errors: readonly CsvRowProblem[]; readonly warnings: readonly CsvRowProblem[] }

const PHONE_FIELDS: readonly { field: CsvField; label: string }[] = [
  { field: 'mobilePhone', label: 'mobile' },
  { field: 'homePhone', label: 'home' },
  { field: 'workPhone', label: 'work' },
  { field: 'otherPhone', label: 'phone' },
]

const LANGUAGES: Readonly<Record<string, 'en' | 'es'>> = {
  en: 'en',
  eng: 'en',
  english: 'en',
  ingles: 'en',
  es: 'es',
  spa: 'es',
  spanish: 'es',
  espanol: 'es',
}

function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'This value is not valid.'
}

/**
 * "mobile: 555-0101; work: +1 555 0102" → phones. A part without "label:" is
 * labelled "phone". Semicolons or line breaks separate numbers.
 */
export function parsePhoneList(text: string): { label: string; number: string }[] {
  return text
    .split(/[;\n]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const match = /^([^:0-9+()]{1,30}):\s*(.+)$/.exec(part)
      return match ? { label: tidyText(match[1] ?? ''), number: tidyText(match[2] ?? '') } : { label: 'phone', number: part }
    })
}

/** The phones written back as parsePhoneList reads them. */
export function formatPhoneList(phones: readonly { label: string; number: string }[]): string {
  return phones.map((phone) => `${phone.label}: ${phone.number}`).join('; ')
}

/** A number's digits without a leading US country code (the desk's duplicate rule). */
export function phoneKey(number: string): string {
  const digits = phoneDigits(number)
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits
}

/** A name compared without case, accents, punctuation or word order: "SMITH, John" = "John Smith". */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toUpperCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .sort()
    .join(' ')
}

/**
 * Reads and checks one row. `cells` is the parsed record; `headers` the unique
 * header labels the mapping refers to.
 */
export function readImportRow(
  headers: readonly string[],
  mapping: CsvMapping,
  cells: readonly string[],
  line: number,
): RowResult {
  const errors: CsvRowProblem[] = []
  const warnings: CsvRowProblem[] = []
  const problem = (field: CsvField | null, message: string) => errors.push({ line, field: field ? CSV_FIELD_INFO[field].label : null, message })

  if (cells.length !== headers.length) {
    problem(
      null,
      cells.length > headers.length
        ? `This row has ${cells.length} cells but the header has ${headers.length} columns. A comma inside a value probably needs quotes around the value.`
        : `This row has ${cells.length} cells but the header has ${headers.length} columns. The row may be cut short.`,
    )
    return { ok: false, errors, warnings }
  }

  const columnOf = new Map(headers.map((header, index) => [header, index]))
  const raw = (field: CsvField): string => {
    const header = mapping[field]
    if (header === null) return ''
    const index = columnOf.get(header)
    return index === undefined ? '' : (cells[index] ?? '')
  }
  const values = {} as Record<CsvField, string>
  for (const field of CSV_FIELDS) {
    const cell = raw(field)
    if (looksLikeFormula(cell)) {
      problem(field, `“${clip(cell)}” looks like a spreadsheet formula, not a value. Fix the cell in the file (or put a ' in front of it to keep it as text).`)
      values[field] = ''
    } else {
      values[field] = unescapeFormulaCell(cell)
    }
  }

  // ---- customer ----
  const name = values.name.trim() !== '' ? values.name : `${values.firstName} ${values.lastName}`
  const phones: { label: string; number: string }[] = []
  for (const { field, label } of PHONE_FIELDS) {
    if (values[field].trim() === '') continue
    const parsed = phoneInputSchema.safeParse({ label, number: values[field] })
    if (parsed.success) phones.push(parsed.data)
    else problem(field, `“${clip(values[field])}”: ${firstMessage(parsed.error)}`)
  }
  for (const entry of parsePhoneList(values.phoneList)) {
    const parsed = phoneInputSchema.safeParse(entry)
    if (parsed.success) phones.push(parsed.data)
    else problem('phoneList', `“${clip(entry.number)}”: ${firstMessage(parsed.error)}`)
  }
  const uniquePhones = dedupePhones(phones)
  let language: 'en' | 'es' = 'en'
  const languageText = values.language.trim()
  if (languageText !== '') {
    const known = LANGUAGES[languageText.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()]
    if (known) language = known
    else problem('language', `“${clip(languageText)}” is not a language we print in: use English or Spanish.`)
  }
  const customer = newCustomerSchema.safeParse({
    name,
    phones: uniquePhones,
    email: values.email,
    preferredLanguage: language,
    notes: values.customerNotes,
  })
  if (!customer.success) {
    for (const issue of customer.error.issues) {
      const field = issueField(issue.path, mapping)
      problem(field, issue.message)
    }
  }

  // ---- vehicle ----
  const vehicleFields: readonly CsvField[] = ['vin', 'year', 'make', 'model', 'trim', 'engine', 'plate', 'plateState', 'colour', 'vehicleNotes']
  const hasVehicle = vehicleFields.some((field) => values[field].trim() !== '')
  let vehicle: VehicleFields | null = null
  if (hasVehicle) {
    let year: number | null = null
    const yearText = values.year.trim()
    if (yearText !== '') {
      if (!/^\d{4}$/.test(yearText)) problem('year', `“${clip(yearText)}” is not a model year: use four digits, like 2009.`)
      else year = Number(yearText)
    }
    const parsed = vehicleFieldsSchema.safeParse({
      vin: values.vin,
      year,
      make: values.make,
      model: values.model,
      trim: values.trim,
      engine: values.engine,
      plate: values.plate,
      plateState: values.plateState,
      colour: values.colour,
      notes: values.vehicleNotes,
    })
    if (parsed.success) vehicle = parsed.data
    else {
      // One message per field: a VIN with two O's needs one sentence, not two.
      const seen = new Set<string>()
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '')
        if (seen.has(key)) continue
        seen.add(key)
        problem(VEHICLE_FIELD[key] ?? null, key === 'vin' ? `“${clip(values.vin)}”: ${issue.message}` : issue.message)
      }
    }
  }

  // ---- radio and code ----
  let radio: ImportedRadio | null = null
  let code: string | null = null
  const serialText = values.radioSerial
  const headUnitText = tidyText(values.headUnit)
  const codeText = values.radioCode
  if (serialText.trim() !== '' || headUnitText !== '' || codeText.trim() !== '') {
    if (!hasVehicle) problem(null, 'A radio (serial, head unit or code) needs the vehicle on the same row.')
    const serial = radioSerialSchema.safeParse(serialText)
    if (!serial.success) problem('radioSerial', firstMessage(serial.error))
    if (headUnitText.length > 80) problem('headUnit', 'Keep the head-unit description under 80 characters.')
    if (serial.success) radio = { serial: serial.data, headUnit: headUnitText }
    if (codeText.trim() !== '') {
      const parsed = radioCodeSchema.safeParse(codeText)
      // The message never repeats the code: it may be real.
      if (parsed.success) code = parsed.data
      else problem('radioCode', firstMessage(parsed.error))
    }
  }

  if (errors.length > 0 || !customer.success) return { ok: false, errors, warnings }
  return {
    ok: true,
    row: { line, customerRef: tidyText(values.customerRef), customer: customer.data, vehicle, radio, code },
    warnings,
  }
}

const VEHICLE_FIELD: Readonly<Record<string, CsvField>> = {
  vin: 'vin',
  year: 'year',
  make: 'make',
  model: 'model',
  trim: 'trim',
  engine: 'engine',
  plate: 'plate',
  plateState: 'plateState',
  colour: 'colour',
  notes: 'vehicleNotes',
}

function issueField(path: readonly PropertyKey[], mapping: CsvMapping): CsvField | null {
  const [first] = path
  if (first === 'name') return mapping.name !== null ? 'name' : mapping.lastName !== null ? 'lastName' : 'firstName'
  if (first === 'email') return 'email'
  if (first === 'notes') return 'customerNotes'
  if (first === 'phones') return 'phoneList'
  return null
}

/** Same number twice (by phoneKey) kept once, first label wins. */
export function dedupePhones<T extends { number: string }>(phones: readonly T[]): T[] {
  const seen = new Set<string>()
  return phones.filter((phone) => {
    const key = phoneKey(phone.number)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** A cell quoted in a message: control characters shown as "?", long text cut. */
export function clip(text: string, max = 40): string {
  // eslint-disable-next-line no-control-regex
  const visible = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')
  return visible.length > max ? `${visible.slice(0, max - 1)}…` : visible
}
