import { z } from 'zod'

/*
 * Hostile inputs for a contract method: things a compromised or buggy
 * renderer could send over IPC (anything structured clone carries: wrong
 * types, huge strings, deep nesting, cycles, BigInt, Dates, typed arrays,
 * own `__proto__` keys) and that the method's zod schema must reject.
 *
 * Per-field mutations start from a valid sample when one can be built (from
 * the schema's JSON Schema, with field-name hints), so each mutation is one
 * wrong field in an otherwise good input. Every input handed out fails the
 * schema's safeParse (or makes it throw, which is a bug the caller must see);
 * mutations that happen to be valid are counted and left out.
 */

/** In every hostile string, so a log can be searched for any of them. */
export const HOSTILE_MARKER = 'HOSTILE-Q7ZX'
/** 1 MiB and a little: far beyond any field's limit. One instance, shared by reference. */
export const HUGE_STRING = `${HOSTILE_MARKER}-huge-${'x'.repeat(1024 * 1024)}`
/** Deep enough to break naive recursion; shallow enough for structured clone. */
export const DEEP_LEVELS = 5000

export interface MalformedInput {
  /** What was done, for failure messages (never the value itself: it may be 1 MB). */
  readonly label: string
  readonly input: unknown
}

export interface MalformedSet {
  /** The valid input the per-field mutations start from; null when none could be built. */
  readonly sample: unknown
  readonly inputs: readonly MalformedInput[]
  /** Generated mutations that the schema accepts (not malformed after all): left out. */
  readonly skippedValid: number
}

/** A JSON Schema node, read loosely (only the keywords zod emits are used). */
type JsonSchema = Record<string, unknown>

// ---------------------------------------------------------------------------
// Building blocks

function deepArray(levels: number): unknown {
  let value: unknown = [HOSTILE_MARKER]
  for (let i = 0; i < levels; i += 1) value = [value]
  return value
}

function deepObject(levels: number): unknown {
  let value: unknown = { leaf: HOSTILE_MARKER }
  for (let i = 0; i < levels; i += 1) value = { a: value }
  return value
}

function cyclic(): unknown {
  const node: Record<string, unknown> = { name: HOSTILE_MARKER }
  node['self'] = node
  return node
}

/** Objects whose `__proto__` / `constructor` / `prototype` keys are own keys (as JSON.parse makes them). */
function pollutionObjects(): { label: string; value: Record<string, unknown> }[] {
  return [
    { label: '__proto__ key', value: JSON.parse(`{"__proto__": {"polluted": "${HOSTILE_MARKER}", "isManager": true}}`) },
    { label: 'constructor.prototype key', value: JSON.parse(`{"constructor": {"prototype": {"polluted": "${HOSTILE_MARKER}"}}}`) },
    { label: 'prototype key', value: JSON.parse(`{"prototype": {"polluted": "${HOSTILE_MARKER}"}}`) },
  ]
}

/** Strings that are odd in ways text handling trips over. */
const ODD_STRINGS: readonly { label: string; value: string }[] = [
  { label: 'lone high surrogate', value: `${HOSTILE_MARKER}\uD800` },
  { label: 'lone low surrogate', value: `\uDC00${HOSTILE_MARKER}` },
  { label: 'NUL byte', value: `${HOSTILE_MARKER}\u0000tail` },
  { label: 'right-to-left override', value: `\u202E${HOSTILE_MARKER}` },
  { label: 'zero-width and BOM', value: `\uFEFF\u200B${HOSTILE_MARKER}\u200D` },
  { label: 'fullwidth digits', value: '１２３４５' },
  { label: 'combining marks', value: `${HOSTILE_MARKER}e\u0301\u0308\u0327`.padEnd(300, '\u0301') },
  { label: 'emoji ZWJ sequence', value: `${HOSTILE_MARKER}👩‍👩‍👧‍👦🏳️‍🌈` },
  { label: 'SQL-looking text', value: `${HOSTILE_MARKER}'); DROP TABLE customers; --` },
  { label: 'control characters', value: `${HOSTILE_MARKER}\u0007\u001b[31m\r\n\t` },
]

/** What any field may be replaced by. */
function hostileValues(original: unknown): { label: string; value: unknown }[] {
  const values: { label: string; value: unknown }[] = [
    { label: 'null', value: null },
    { label: 'undefined', value: undefined },
    { label: 'true', value: true },
    { label: 'false', value: false },
    { label: '-1', value: -1 },
    { label: '0', value: 0 },
    { label: '-0', value: -0 },
    { label: '1.5', value: 1.5 },
    { label: 'NaN', value: Number.NaN },
    { label: 'Infinity', value: Number.POSITIVE_INFINITY },
    { label: '-Infinity', value: Number.NEGATIVE_INFINITY },
    { label: '2^53 + 2', value: 2 ** 53 + 2 },
    { label: 'Number.MAX_VALUE', value: Number.MAX_VALUE },
    { label: '-2^31', value: -(2 ** 31) },
    { label: 'BigInt', value: BigInt(1) },
    { label: 'empty string', value: '' },
    { label: 'numeric string', value: '1' },
    { label: '1 MB string', value: HUGE_STRING },
    { label: 'empty object', value: {} },
    { label: 'empty array', value: [] },
    { label: 'array of the value', value: [original] },
    { label: 'object wrapping the value', value: { value: original } },
    { label: `${DEEP_LEVELS}-deep array`, value: deepArray(DEEP_LEVELS) },
    { label: `${DEEP_LEVELS}-deep object`, value: deepObject(DEEP_LEVELS) },
    { label: 'cyclic object', value: cyclic() },
    { label: 'Date', value: new Date(0) },
    { label: 'Uint8Array', value: new Uint8Array([1, 2, 3]) },
    ...pollutionObjects(),
  ]
  if (typeof original === 'string') {
    values.push({ label: 'value + 1 MB', value: `${original}${HUGE_STRING}` })
    values.push({ label: 'value + zero-width space', value: `${original}\u200B` })
    values.push({ label: 'value in fullwidth', value: toFullwidth(original) })
    values.push({ label: 'value + NUL', value: `${original}\u0000` })
  }
  if (typeof original === 'number') {
    values.push({ label: 'value as string', value: String(original) })
    values.push({ label: 'value as fullwidth string', value: toFullwidth(String(original)) })
    values.push({ label: 'negative value', value: -Math.abs(original) - 1 })
    values.push({ label: 'value + 0.5', value: original + 0.5 })
  }
  if (typeof original === 'string' || typeof original === 'number') {
    for (const odd of ODD_STRINGS) values.push({ label: odd.label, value: odd.value })
  }
  return values
}

function toFullwidth(text: string): string {
  return [...text].map((c) => (c >= '!' && c <= '~' ? String.fromCodePoint(c.codePointAt(0)! + 0xfee0) : c)).join('')
}

/** A structural copy of plain data that keeps `__proto__` as an own key. */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy)
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value)) define(out, key, copy((value as Record<string, unknown>)[key]))
    return out
  }
  return value
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype
}

/** `sample` with the value at `path` replaced (or removed when `remove`). */
function withValueAt(sample: unknown, path: readonly (string | number)[], value: unknown, remove = false): unknown {
  const root = copy(sample)
  let node = root as Record<string | number, unknown>
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>
  const last = path[path.length - 1]!
  if (Array.isArray(node)) {
    if (remove) node.splice(last as number, 1)
    else node[last as number] = value
  } else if (remove) {
    delete node[last]
  } else {
    define(node as Record<string, unknown>, String(last), value)
  }
  return root
}

// ---------------------------------------------------------------------------
// A valid sample from the schema

const STRING_HINTS: readonly [RegExp, string][] = [
  [/base64/i, Buffer.from('Name,Phone\nAna López,555-201-3344\n', 'utf8').toString('base64')],
  [/vin/i, '1HGCM82633A004352'],
  [/passphrase/i, 'lantern orchard pebble meadow'],
  [/pin/i, '2580'],
  [/phone|^number$|numbers/i, '555-201-3344'],
  [/email/i, 'ana@example.com'],
  [/day|date|^on|On$|onOrBefore|since|until|from|to$/i, '2026-11-24'],
  [/code/i, '12345'],
  [/name/i, 'Sample Name'],
]

function sampleString(schema: JsonSchema, key: string): string {
  const pattern = typeof schema['pattern'] === 'string' ? schema['pattern'] : null
  if (pattern === '^\\d{4}-\\d{2}-\\d{2}$') return '2026-11-24'
  const hint = STRING_HINTS.find(([re]) => re.test(key))?.[1] ?? 'Sample'
  const min = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0
  const max = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : Number.POSITIVE_INFINITY
  return hint.padEnd(min, 'x').slice(0, max)
}

function sampleNumber(schema: JsonSchema, integer: boolean): number {
  const min = typeof schema['minimum'] === 'number' ? schema['minimum'] : null
  const exclusiveMin = typeof schema['exclusiveMinimum'] === 'number' ? schema['exclusiveMinimum'] : null
  const max = typeof schema['maximum'] === 'number' ? schema['maximum'] : null
  let value = min ?? (exclusiveMin !== null ? exclusiveMin + 1 : 1)
  if (max !== null && value > max) value = max
  return integer ? Math.ceil(value) : value
}

/** Candidate values for a JSON Schema node: `full` fills optional fields and prefers non-null. */
function candidates(schema: JsonSchema, key: string, full: boolean, depth: number): unknown[] {
  if (depth > 6) return [null]
  if ('const' in schema) return [schema['const']]
  if (Array.isArray(schema['enum'])) return [schema['enum'][0]]
  const options = (schema['anyOf'] ?? schema['oneOf']) as JsonSchema[] | undefined
  if (Array.isArray(options)) {
    const ordered = full ? options : [...options.filter((o) => o['type'] === 'null'), ...options.filter((o) => o['type'] !== 'null')]
    return ordered.flatMap((option) => candidates(option, key, full, depth + 1))
  }
  const type = Array.isArray(schema['type']) ? (schema['type'] as string[]).filter((t) => t !== 'null')[0] : schema['type']
  switch (type) {
    case 'string':
      return [sampleString(schema, key)]
    case 'integer':
      return [sampleNumber(schema, true)]
    case 'number':
      return [sampleNumber(schema, false)]
    case 'boolean':
      return [false, true]
    case 'null':
      return [null]
    case 'array': {
      const minItems = typeof schema['minItems'] === 'number' ? schema['minItems'] : 0
      const items = (schema['items'] ?? {}) as JsonSchema
      if (minItems === 0 && !full) return [[]]
      const item = candidates(items, key, full, depth + 1)[0]
      return [Array.from({ length: Math.max(1, minItems) }, () => copy(item)), []]
    }
    case 'object': {
      const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>
      const required = new Set((schema['required'] ?? []) as string[])
      const out: Record<string, unknown> = {}
      for (const [name, property] of Object.entries(properties)) {
        if (!full && !required.has(name)) continue
        out[name] = candidates(property, name, full, depth + 1)[0]
      }
      return [out]
    }
    default:
      return [null]
  }
}

function accepts(schema: z.ZodType, input: unknown): boolean {
  try {
    return schema.safeParse(input).success
  } catch {
    return false
  }
}

/**
 * A valid input for `schema`, built from its JSON Schema (input side) with
 * field-name hints; `known` is tried first. Null when nothing built passes.
 */
export function validSample(schema: z.ZodType, known?: unknown): unknown {
  if (known !== undefined && accepts(schema, known)) return known
  let json: JsonSchema
  try {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as unknown as JsonSchema
  } catch {
    return null
  }
  for (const full of [true, false]) {
    for (const candidate of candidates(json, '', full, 0)) {
      const repaired = repair(schema, json, candidate)
      if (repaired !== null) return repaired
    }
  }
  return null
}

/**
 * Keeps as many fields of `candidate` as the schema allows: drops each
 * optional top-level field the schema complains about (a refinement the
 * JSON Schema cannot express), then tries the minimal value for required ones.
 */
function repair(schema: z.ZodType, json: JsonSchema, candidate: unknown): unknown {
  let current = candidate
  for (let attempt = 0; attempt < 20; attempt += 1) {
    let result: ReturnType<z.ZodType['safeParse']>
    try {
      result = schema.safeParse(current)
    } catch {
      return null
    }
    if (result.success) return current
    if (!isPlainObject(current)) return null
    const branch = objectBranchFor(json, current)
    const required = new Set((branch?.['required'] ?? []) as string[])
    const properties = (branch?.['properties'] ?? {}) as Record<string, JsonSchema>
    const next = copy(current) as Record<string, unknown>
    let changed = false
    for (const issue of result.error.issues) {
      const key = issue.path[0]
      if (typeof key !== 'string' || !(key in next)) continue
      if (!required.has(key)) delete next[key]
      else if (properties[key]) next[key] = candidates(properties[key], key, false, 1)[0]
      else continue
      changed = true
    }
    if (!changed || JSON.stringify(next) === JSON.stringify(current)) return null
    current = next
  }
  return null
}

/** The JSON Schema object (or the union branch) that describes `value`. */
function objectBranchFor(json: JsonSchema, value: Record<string, unknown>): JsonSchema | null {
  const options = (json['anyOf'] ?? json['oneOf']) as JsonSchema[] | undefined
  if (!Array.isArray(options)) return json
  return (
    options.find((option) => {
      const properties = (option['properties'] ?? {}) as Record<string, JsonSchema>
      return Object.entries(properties).every(([name, property]) => !('const' in property) || value[name] === property['const'])
    }) ?? null
  )
}

// ---------------------------------------------------------------------------
// Mutations

function* topLevelMutations(sample: unknown): Generator<MalformedInput> {
  const base = isPlainObject(sample) ? sample : {}
  yield { label: 'top: undefined', input: undefined }
  yield { label: 'top: null', input: null }
  yield { label: 'top: true', input: true }
  yield { label: 'top: 0', input: 0 }
  yield { label: 'top: -1', input: -1 }
  yield { label: 'top: NaN', input: Number.NaN }
  yield { label: 'top: Infinity', input: Number.POSITIVE_INFINITY }
  yield { label: 'top: BigInt', input: BigInt(7) }
  yield { label: 'top: empty string', input: '' }
  yield { label: 'top: 1 MB string', input: HUGE_STRING }
  yield { label: 'top: the sample as a JSON string', input: JSON.stringify(base) }
  yield { label: 'top: empty array', input: [] }
  yield { label: 'top: array holding the sample', input: [copy(base)] }
  yield { label: 'top: array of two samples', input: [copy(base), copy(base)] }
  yield { label: `top: ${DEEP_LEVELS}-deep array`, input: deepArray(DEEP_LEVELS) }
  yield { label: `top: ${DEEP_LEVELS}-deep object`, input: deepObject(DEEP_LEVELS) }
  yield { label: 'top: cyclic object', input: cyclic() }
  yield { label: 'top: Date', input: new Date(0) }
  yield { label: 'top: Uint8Array', input: new Uint8Array(16) }
  for (const odd of ODD_STRINGS) yield { label: `top: ${odd.label}`, input: odd.value }
}

const EXTRA_KEYS: readonly { label: string; key: string; value: unknown }[] = [
  { label: 'extra key', key: 'extra', value: HOSTILE_MARKER },
  { label: 'extra isManager: true', key: 'isManager', value: true },
  { label: 'extra role: manager', key: 'role', value: 'manager' },
  { label: 'extra staffId', key: 'staffId', value: 1 },
  { label: 'extra empty-string key', key: '', value: HOSTILE_MARKER },
  { label: 'extra zero-width key', key: 'id\u200B', value: 1 },
  { label: 'extra 1 MB key', key: HUGE_STRING, value: 1 },
  { label: 'extra key with 1 MB value', key: 'note', value: HUGE_STRING },
  { label: 'extra deep key', key: 'nested', value: deepObject(DEEP_LEVELS) },
  { label: 'extra toString key', key: 'toString', value: HOSTILE_MARKER },
  { label: 'extra hasOwnProperty key', key: 'hasOwnProperty', value: HOSTILE_MARKER },
]

function* keyMutations(sample: unknown): Generator<MalformedInput> {
  const base = isPlainObject(sample) ? sample : {}
  for (const { label, value } of pollutionObjects()) {
    const input = copy(base) as Record<string, unknown>
    for (const key of Object.keys(value)) define(input, key, value[key])
    yield { label: `keys: ${label}`, input }
  }
  for (const { label, key, value } of EXTRA_KEYS) {
    const input = copy(base) as Record<string, unknown>
    define(input, key, value)
    yield { label: `keys: ${label}`, input }
  }
  const keys = Object.keys(base)
  if (keys.length > 0) {
    const renamed: Record<string, unknown> = {}
    for (const key of keys) define(renamed, key.toUpperCase(), copy(base[key]))
    yield { label: 'keys: all upper-cased', input: renamed }
    const padded: Record<string, unknown> = {}
    for (const key of keys) define(padded, `${key} `, copy(base[key]))
    yield { label: 'keys: trailing spaces', input: padded }
  }
}

/** One wrong value at each field (and one level into nested objects and arrays). */
function* fieldMutations(sample: unknown, path: (string | number)[] = [], depth = 0): Generator<MalformedInput> {
  const node = path.reduce<unknown>((value, step) => (value as Record<string | number, unknown>)[step], sample)
  const entries: [string | number, unknown][] = Array.isArray(node)
    ? node.length > 0
      ? [[0, node[0]]]
      : []
    : isPlainObject(node)
      ? Object.entries(node)
      : []
  for (const [key, original] of entries) {
    const at = [...path, key]
    const name = at.join('.')
    yield { label: `field ${name}: removed`, input: withValueAt(sample, at, undefined, true) }
    for (const { label, value } of hostileValues(original)) {
      yield { label: `field ${name}: ${label}`, input: withValueAt(sample, at, value) }
    }
    if (depth < 2 && (Array.isArray(original) || isPlainObject(original))) yield* fieldMutations(sample, at, depth + 1)
  }
  if (Array.isArray(node) && node.length > 0) {
    yield { label: `field ${path.join('.')}: 10,000 items`, input: withValueAt(sample, path, Array.from({ length: 10_000 }, () => copy(node[0]))) }
  }
}

/**
 * Malformed inputs for one method's schema: top-level wrong types, key
 * pollution and extra keys, and per-field mutations of `sample` (see
 * validSample). Only inputs the schema rejects are returned.
 */
export function malformedInputsFor(schema: z.ZodType, sample: unknown): MalformedSet {
  const inputs: MalformedInput[] = []
  let skippedValid = 0
  const all = [...topLevelMutations(sample), ...keyMutations(sample), ...(sample === null ? [] : [...fieldMutations(sample)])]
  for (const candidate of all) {
    let valid: boolean
    try {
      valid = schema.safeParse(candidate.input).success
    } catch {
      // A schema that throws is not accepting the input; the router must still answer with an envelope.
      valid = false
    }
    if (valid) skippedValid += 1
    else inputs.push(candidate)
  }
  return { sample, inputs, skippedValid }
}
