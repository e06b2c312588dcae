import { z } from 'zod'

/*
 * CSV import: which of our fields each column of another shop system's file
 * fills. Pure: no Node, DOM or Electron.
 *
 * A mapping names columns by their header label (not their position), so the
 * mapping the shop chose last time still fits next month's export even when
 * the columns moved. Header labels are made unique first (a second "Phone"
 * column becomes "Phone (2)").
 */

export const CSV_FIELDS = [
  'customerRef',
  'name',
  'firstName',
  'lastName',
  'mobilePhone',
  'homePhone',
  'workPhone',
  'otherPhone',
  'phoneList',
  'email',
  'language',
  'customerNotes',
  'vin',
  'year',
  'make',
  'model',
  'trim',
  'engine',
  'plate',
  'plateState',
  'colour',
  'vehicleNotes',
  'radioSerial',
  'headUnit',
  'radioCode',
] as const
export type CsvField = (typeof CSV_FIELDS)[number]

export interface CsvFieldInfo {
  /** What the mapping screen shows. */
  readonly label: string
  readonly group: 'customer' | 'vehicle' | 'radio'
  /** Header names (compared without case, spaces or punctuation) that suggest this field. */
  readonly headers: readonly string[]
}

export const CSV_FIELD_INFO: Readonly<Record<CsvField, CsvFieldInfo>> = {
  customerRef: {
    label: 'Customer number (groups rows of one customer)',
    group: 'customer',
    headers: ['customer id', 'customer #', 'customer no', 'customer number', 'cust id', 'cust no', 'cust #', 'account', 'account number', 'account #', 'client id'],
  },
  name: { label: 'Full name', group: 'customer', headers: ['name', 'full name', 'customer', 'customer name', 'client', 'client name', 'owner', 'owner name', 'contact', 'contact name'] },
  firstName: { label: 'First name', group: 'customer', headers: ['first name', 'first', 'firstname', 'fname', 'given name', 'forename'] },
  lastName: { label: 'Last name', group: 'customer', headers: ['last name', 'last', 'lastname', 'lname', 'surname', 'family name'] },
  mobilePhone: { label: 'Mobile phone', group: 'customer', headers: ['cell', 'cell phone', 'cellphone', 'mobile', 'mobile phone', 'cell number', 'mobile number', 'cellular'] },
  homePhone: { label: 'Home phone', group: 'customer', headers: ['home', 'home phone', 'home number', 'evening phone'] },
  workPhone: { label: 'Work phone', group: 'customer', headers: ['work', 'work phone', 'business phone', 'office phone', 'day phone', 'work number'] },
  otherPhone: {
    label: 'Phone',
    group: 'customer',
    headers: ['phone', 'telephone', 'tel', 'phone number', 'phone #', 'primary phone', 'phone 1', 'alt phone', 'alternate phone', 'other phone', 'phone 2'],
  },
  phoneList: { label: 'Phones ("mobile: 555-0101; work: 555-0102")', group: 'customer', headers: ['phones', 'phone numbers', 'all phones'] },
  email: { label: 'Email', group: 'customer', headers: ['email', 'e-mail', 'email address', 'e-mail address', 'mail'] },
  language: { label: 'Language (English / Spanish)', group: 'customer', headers: ['language', 'preferred language', 'lang'] },
  customerNotes: { label: 'Customer notes', group: 'customer', headers: ['customer notes', 'notes', 'comments', 'customer comments', 'remarks'] },
  vin: { label: 'VIN', group: 'vehicle', headers: ['vin', 'vin number', 'vin #', 'vehicle identification number', 'vin no'] },
  year: { label: 'Year', group: 'vehicle', headers: ['year', 'yr', 'model year', 'vehicle year'] },
  make: { label: 'Make', group: 'vehicle', headers: ['make', 'vehicle make', 'manufacturer', 'brand'] },
  model: { label: 'Model', group: 'vehicle', headers: ['model', 'vehicle model'] },
  trim: { label: 'Trim', group: 'vehicle', headers: ['trim', 'trim level', 'submodel', 'sub model'] },
  engine: { label: 'Engine', group: 'vehicle', headers: ['engine', 'engine size', 'motor'] },
  plate: { label: 'Plate', group: 'vehicle', headers: ['plate', 'license', 'license plate', 'licence', 'licence plate', 'plate number', 'plate #', 'tag', 'tag number', 'license #', 'license no', 'registration'] },
  plateState: { label: 'Plate state', group: 'vehicle', headers: ['state', 'plate state', 'license state', 'licence state', 'tag state', 'st'] },
  colour: { label: 'Colour', group: 'vehicle', headers: ['color', 'colour', 'vehicle color', 'vehicle colour', 'paint'] },
  vehicleNotes: { label: 'Vehicle notes', group: 'vehicle', headers: ['vehicle notes', 'vehicle comments', 'car notes'] },
  radioSerial: { label: 'Radio serial', group: 'radio', headers: ['radio serial', 'radio serial number', 'radio sn', 'radio s/n', 'serial', 'serial number', 'head unit serial'] },
  headUnit: { label: 'Radio (head unit)', group: 'radio', headers: ['head unit', 'radio model', 'radio', 'radio type', 'stereo'] },
  radioCode: { label: 'Radio code', group: 'radio', headers: ['radio code', 'code', 'anti-theft code', 'anti theft code', 'security code', 'radio pin', 'unlock code'] },
}

/** Field → header label of the column that fills it, or null (not imported). */
export type CsvMapping = Readonly<Record<CsvField, string | null>>

export const csvMappingSchema = z
  .record(z.string(), z.string().max(200).nullable())
  .transform((value, ctx): CsvMapping => {
    const mapping: Record<string, string | null> = {}
    for (const field of CSV_FIELDS) mapping[field] = value[field] ?? null
    for (const key of Object.keys(value)) {
      if (!(CSV_FIELDS as readonly string[]).includes(key)) ctx.addIssue({ code: 'custom', message: `Unknown import field “${key}”.`, path: [key] })
    }
    return mapping as CsvMapping
  })

export function emptyMapping(): CsvMapping {
  return Object.fromEntries(CSV_FIELDS.map((field) => [field, null])) as CsvMapping
}

/** How header names are compared: lowercase letters and digits only ("E-mail" = "email", "Cust #" = "cust"). */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/#/g, 'no')
    .replace(/[^a-z0-9]+/g, '')
}

/** Header labels as the mapping screen shows them: trimmed, blanks named "Column 3", repeats numbered "Phone (2)". */
export function uniqueHeaderLabels(headers: readonly string[]): string[] {
  const seen = new Map<string, number>()
  return headers.map((raw, index) => {
    const base = raw.replace(/\s+/g, ' ').trim() || `Column ${index + 1}`
    const key = base.toLowerCase()
    const count = (seen.get(key) ?? 0) + 1
    seen.set(key, count)
    return count === 1 ? base : `${base} (${count})`
  })
}

/**
 * A mapping for these headers: the remembered mapping where its columns still
 * exist, then header-name matches for the fields still open. Each column
 * fills at most one field; exact name matches win over the order of fields.
 * `ignored` are columns the shop chose not to import last time (by header
 * name): they are not matched by name again.
 */
export function suggestMapping(
  headers: readonly string[],
  remembered: Partial<Record<CsvField, string | null>> | null = null,
  ignored: readonly string[] = [],
): CsvMapping {
  const mapping: Record<CsvField, string | null> = { ...emptyMapping() }
  const used = new Set<string>()
  const ignoredKeys = new Set(ignored.map(headerKey))
  const byKey = new Map<string, string>()
  for (const header of headers) if (!byKey.has(headerKey(header))) byKey.set(headerKey(header), header)

  if (remembered) {
    for (const field of CSV_FIELDS) {
      const wanted = remembered[field]
      if (!wanted) continue
      const header = headers.find((h) => h === wanted) ?? byKey.get(headerKey(wanted))
      if (header && !used.has(header)) {
        mapping[field] = header
        used.add(header)
      }
    }
  }
  // Pass 1: a header that is exactly one of a field's known names. Pass 2: a header ending in one ("Customer Cell Phone").
  for (const pass of [1, 2] as const) {
    for (const field of CSV_FIELDS) {
      if (mapping[field] !== null) continue
      const names = CSV_FIELD_INFO[field].headers.map(headerKey)
      const header = headers.find((h) => {
        if (used.has(h)) return false
        const key = headerKey(h)
        if (ignoredKeys.has(key)) return false
        return pass === 1 ? names.includes(key) : names.some((name) => name.length >= 4 && key.endsWith(name))
      })
      if (header) {
        mapping[field] = header
        used.add(header)
      }
    }
  }
  // A file with "Name" and "First"/"Last" columns: the full name wins, split names stay unmapped.
  if (mapping.name !== null && (mapping.firstName !== null || mapping.lastName !== null)) {
    mapping.firstName = null
    mapping.lastName = null
  }
  return mapping
}

/** The file's columns this mapping leaves out (to remember with it). */
export function unmappedHeaders(mapping: CsvMapping, headers: readonly string[]): string[] {
  const used = new Set(CSV_FIELDS.map((field) => mapping[field]))
  return headers.filter((header) => !used.has(header))
}

/** Problems with a mapping itself (before any row is read), in words for the person mapping columns. */
export function mappingProblems(mapping: CsvMapping, headers: readonly string[]): string[] {
  const problems: string[] = []
  const owners = new Map<string, CsvField>()
  for (const field of CSV_FIELDS) {
    const header = mapping[field]
    if (header === null) continue
    if (!headers.includes(header)) {
      problems.push(`${CSV_FIELD_INFO[field].label}: this file has no column “${header}”.`)
      continue
    }
    const other = owners.get(header)
    if (other) problems.push(`Column “${header}” is chosen for both ${CSV_FIELD_INFO[other].label} and ${CSV_FIELD_INFO[field].label}.`)
    owners.set(header, field)
  }
  if (mapping.name === null && mapping.firstName === null && mapping.lastName === null) {
    problems.push('Choose the column with the customer’s name (or the first and last name columns).')
  }
  return problems
}
