import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { apiContract } from '../../../shared/api/contract'
import { API_METHODS } from '../../../shared/api/methods'
import { DEEP_LEVELS, HOSTILE_MARKER, HUGE_STRING, malformedInputsFor, validSample } from '../../helpers/malformed-inputs'

/*
 * The generator behind the hostile-contract proof: it must build a valid
 * sample where it can, and hand out only inputs the schema rejects, counting
 * (not sending) the mutations that turn out to be valid.
 */

const staffLike = z
  .object({
    staffId: z.number().int().positive(),
    name: z.string().min(1).max(40),
    role: z.enum(['desk', 'manager']),
    phones: z.array(z.object({ number: z.string().max(20) }).strict()).max(3),
    note: z.string().nullable().default(null),
  })
  .strict()

function depthOf(value: unknown): number {
  let depth = 0
  let node = value
  while (node !== null && typeof node === 'object') {
    node = Array.isArray(node) ? node[0] : Object.values(node)[0]
    depth += 1
  }
  return depth
}

describe('malformed-inputs generator', () => {
  it('builds a valid sample from the schema and mutates every field of it', () => {
    const sample = validSample(staffLike)
    expect(staffLike.safeParse(sample).success).toBe(true)
    const { inputs, skippedValid } = malformedInputsFor(staffLike, sample)
    expect(inputs.length).toBeGreaterThan(150)
    for (const { label, input } of inputs) expect(staffLike.safeParse(input).success, label).toBe(false)
    for (const field of ['staffId', 'name', 'role', 'phones', 'phones.0', 'phones.0.number', 'note']) {
      expect(inputs.some((i) => i.label.startsWith(`field ${field}:`)), field).toBe(true)
    }
    // `note` is nullable and free text: a null or short-string mutation of it is valid, so counted and left out.
    expect(skippedValid).toBeGreaterThan(0)
  })

  it('covers wrong types, 1 MB strings, deep nesting, own __proto__ keys, non-finite numbers and extra keys', () => {
    const { inputs } = malformedInputsFor(staffLike, validSample(staffLike))
    const byLabel = (part: string) => inputs.filter((i) => i.label.includes(part))
    expect(byLabel('1 MB').some((i) => (i.input as Record<string, unknown>)['name'] === HUGE_STRING)).toBe(true)
    expect(HUGE_STRING.length).toBeGreaterThan(1024 * 1024)
    expect(byLabel('deep array').some((i) => depthOf(i.input) > DEEP_LEVELS)).toBe(true)
    const proto = byLabel('keys: __proto__ key')[0]!.input as Record<string, unknown>
    expect(Object.prototype.hasOwnProperty.call(proto, '__proto__')).toBe(true)
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(byLabel('NaN').length).toBeGreaterThan(0)
    expect(byLabel('Infinity').length).toBeGreaterThan(0)
    expect(byLabel('field staffId: -1').length).toBe(1)
    expect(byLabel('keys: extra').length).toBeGreaterThan(3)
    expect(byLabel('top: array holding the sample').length).toBe(1)
    expect(byLabel('lone high surrogate').length).toBeGreaterThan(0)
    // Labels stay short: a failure message never carries a 1 MB value.
    expect(Math.max(...inputs.map((i) => i.label.length))).toBeLessThan(200)
  })

  it('counts an input the schema accepts as skipped, never as malformed', () => {
    const anything = z.object({ text: z.string() })
    const { inputs, skippedValid } = malformedInputsFor(anything, { text: 'a' })
    // Non-strict and unbounded: extra keys are stripped and any string is fine.
    expect(skippedValid).toBeGreaterThan(10)
    for (const { label, input } of inputs) expect(anything.safeParse(input).success, label).toBe(false)
    expect(inputs.some((i) => i.label.includes('extra key'))).toBe(false)
  })

  it('works without a sample: whole-input mutations only', () => {
    const { inputs } = malformedInputsFor(staffLike, null)
    expect(inputs.length).toBeGreaterThan(30)
    expect(inputs.some((i) => i.label.startsWith('field '))).toBe(false)
  })

  it('gives every contract method a few dozen inputs its schema rejects', () => {
    for (const method of API_METHODS) {
      const schema = apiContract[method].input
      const { inputs } = malformedInputsFor(schema, validSample(schema))
      expect(inputs.length, method).toBeGreaterThanOrEqual(36)
      for (const { label, input } of inputs) {
        let accepted: boolean
        try {
          accepted = schema.safeParse(input).success
        } catch {
          accepted = false
        }
        expect(accepted, `${method} ${label}`).toBe(false)
      }
      expect(inputs.every((i) => !i.label.includes(HOSTILE_MARKER)), method).toBe(true)
    }
  })
})
