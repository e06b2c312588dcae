import { describe, expect, it } from 'vitest'
import {
  GATE_OPTIONS,
  MEMORY_SAVER_CONNECTIONS,
  MEMORY_SAVER_CONNECTION_LABELS,
  codeClearsGate,
  describeGate,
  gateDecisionProblem,
  gateDecisionSchema,
  gateDetailSchema,
  looksLikeItHoldsACode,
  type GateDecision,
  type GateFacts,
} from '../../../shared/domain/battery-job'
import { reportFile } from '../knowledge/load-knowledge'
import fs from 'node:fs'

function problems(input: unknown): Record<string, string> {
  const result = gateDecisionSchema.safeParse(input)
  if (result.success) return {}
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]))
}

const NOW = '2026-11-24T15:00:00.000Z'
const noCode: GateFacts = { currentCode: null, expectation: 'code', now: NOW }

function decide(input: unknown): GateDecision {
  return gateDecisionSchema.parse(input)
}

describe('gate decision input: four options, chosen explicitly', () => {
  it('offers exactly the four options', () => {
    expect(GATE_OPTIONS).toEqual(['code-on-file', 'no-code-needed', 'memory-saver', 'risk-accepted'])
  })

  it('refuses anything else, and a missing option, with the four options named', () => {
    for (const option of [undefined, 'other', 'free text: customer said ok']) {
      const found = problems({ jobId: 1, option })
      expect(Object.values(found).join(' ')).toMatch(/Choose one of the four options/)
    }
  })

  it('code-on-file needs nothing else; a short note is optional', () => {
    expect(decide({ jobId: 1, option: 'code-on-file' })).toEqual({ jobId: 1, option: 'code-on-file', note: '' })
    expect(decide({ jobId: 1, option: 'code-on-file', note: '  card in   glovebox ' }).note).toBe('card in glovebox')
  })

  it('no free text beyond the note: unknown fields are refused', () => {
    expect(gateDecisionSchema.safeParse({ jobId: 1, option: 'code-on-file', reason: 'because' }).success).toBe(false)
    expect(gateDecisionSchema.safeParse({ jobId: 1, option: 'risk-accepted', acceptedBy: 'Ana', how: 'in-person', text: 'x' }).success).toBe(false)
  })

  it('a note is short and must not hold a code', () => {
    expect(problems({ jobId: 1, option: 'code-on-file', note: 'x'.repeat(201) })).toEqual({ note: 'Keep the note under 200 characters.' })
    expect(problems({ jobId: 1, option: 'code-on-file', note: 'code is 12345' })).toEqual({
      note: 'Leave codes and other long numbers out of the note: notes are not encrypted.',
    })
    expect(looksLikeItHoldsACode('12 34-5')).toBe(true)
    expect(looksLikeItHoldsACode('bay 3')).toBe(false)
  })

  it('no-code-needed needs a reason from the fixed list', () => {
    expect(problems({ jobId: 1, option: 'no-code-needed' })).toEqual({
      reason: 'Say why no code is needed: the radio report, or what the technician saw.',
    })
    for (const reason of ['knowledge-base-pairs-with-car', 'no-anti-theft-light', 'pairing-radio-observed']) {
      expect(decide({ jobId: 1, option: 'no-code-needed', reason })).toMatchObject({ reason })
    }
    expect(problems({ jobId: 1, option: 'no-code-needed', reason: 'trust me' })).toHaveProperty('reason')
  })

  it('memory-saver needs the connection from the report’s list and the indicator checked', () => {
    expect(problems({ jobId: 1, option: 'memory-saver', indicatorChecked: true })).toEqual({
      connection: 'Say where the memory saver is connected.',
    })
    expect(problems({ jobId: 1, option: 'memory-saver', connection: 'obd-ii-port' })).toEqual({
      indicatorChecked: 'Check that the memory saver’s indicator shows power before the battery comes off.',
    })
    expect(problems({ jobId: 1, option: 'memory-saver', connection: 'obd-ii-port', indicatorChecked: false })).toHaveProperty('indicatorChecked')
    expect(problems({ jobId: 1, option: 'memory-saver', connection: 'wishful-thinking', indicatorChecked: true })).toHaveProperty('connection')
    expect(decide({ jobId: 1, option: 'memory-saver', connection: 'cable-clamps', indicatorChecked: true })).toMatchObject({
      connection: 'cable-clamps',
    })
  })

  it('the memory-saver connections are the ones the radio-code report lists in section 4', () => {
    expect(MEMORY_SAVER_CONNECTIONS).toEqual(['obd-ii-port', 'lighter-socket', 'cable-clamps'])
    if (!fs.existsSync(reportFile)) return
    const report = fs.readFileSync(reportFile, 'utf8')
    const section = report.slice(report.indexOf('## 4. Memory savers'), report.indexOf('## 5.'))
    expect(section).toMatch(/OBD-II diagnostic connector/)
    expect(section).toMatch(/accessory\/cigarette-lighter socket/)
    expect(section).toMatch(/cable clamps/)
    expect(MEMORY_SAVER_CONNECTION_LABELS['obd-ii-port']).toBe('OBD-II diagnostic connector')
  })

  it('risk-accepted needs who accepted and how; the time defaults to now', () => {
    expect(problems({ jobId: 1, option: 'risk-accepted', how: 'in-person' })).toHaveProperty('acceptedBy')
    expect(problems({ jobId: 1, option: 'risk-accepted', acceptedBy: '   ', how: 'in-person' })).toEqual({
      acceptedBy: 'Enter the name of the person who accepted the risk.',
    })
    expect(problems({ jobId: 1, option: 'risk-accepted', acceptedBy: 'Ana López' })).toEqual({
      how: 'Say whether the customer accepted in person or by phone.',
    })
    expect(decide({ jobId: 1, option: 'risk-accepted', acceptedBy: ' Ana  López ', how: 'by-phone' })).toEqual({
      jobId: 1,
      option: 'risk-accepted',
      acceptedBy: 'Ana López',
      how: 'by-phone',
      acceptedAt: null,
      note: '',
    })
    expect(problems({ jobId: 1, option: 'risk-accepted', acceptedBy: 'Ana', how: 'by-phone', acceptedAt: 'yesterday' })).toHaveProperty(
      'acceptedAt',
    )
  })
})

describe('the server refuses an option that is not true', () => {
  it('code-on-file without a code on file', () => {
    expect(gateDecisionProblem(decide({ jobId: 1, option: 'code-on-file' }), noCode)).toMatch(
      /no code on file for this car’s radio, so “code on file” cannot be chosen/,
    )
  })

  it('code-on-file with a verified code, or one from the owner’s card', () => {
    const option = decide({ jobId: 1, option: 'code-on-file' })
    expect(gateDecisionProblem(option, { ...noCode, currentCode: { verified: true, source: 'dealer' } })).toBeNull()
    expect(gateDecisionProblem(option, { ...noCode, currentCode: { verified: false, source: 'owner-card' } })).toBeNull()
  })

  it('code-on-file with an unconfirmed code from anywhere but the owner’s card', () => {
    const option = decide({ jobId: 1, option: 'code-on-file' })
    for (const source of ['customer', 'dealer', 'previous-visit', 'sticker'] as const) {
      expect(gateDecisionProblem(option, { ...noCode, currentCode: { verified: false, source } })).toMatch(/has not worked in this radio yet/)
    }
    expect(codeClearsGate(null)).toBe(false)
  })

  it('no-code-needed on the knowledge base only when the report says the radio pairs with the car', () => {
    const kb = decide({ jobId: 1, option: 'no-code-needed', reason: 'knowledge-base-pairs-with-car' })
    expect(gateDecisionProblem(kb, { ...noCode, expectation: 'no-code' })).toBeNull()
    for (const expectation of ['code', 'owner-set', 'unknown'] as const) {
      expect(gateDecisionProblem(kb, { ...noCode, expectation })).toMatch(/does not say this radio pairs with the car/)
    }
  })

  it('no-code-needed on the technician’s observation whatever the report says', () => {
    for (const reason of ['no-anti-theft-light', 'pairing-radio-observed'] as const) {
      expect(gateDecisionProblem(decide({ jobId: 1, option: 'no-code-needed', reason }), noCode)).toBeNull()
    }
  })

  it('memory-saver is accepted without a code', () => {
    const option = decide({ jobId: 1, option: 'memory-saver', connection: 'obd-ii-port', indicatorChecked: true })
    expect(gateDecisionProblem(option, noCode)).toBeNull()
  })

  it('risk-accepted is accepted, but not with a time in the future', () => {
    const now = decide({ jobId: 1, option: 'risk-accepted', acceptedBy: 'Ana', how: 'in-person' })
    expect(gateDecisionProblem(now, noCode)).toBeNull()
    const earlier = decide({ jobId: 1, option: 'risk-accepted', acceptedBy: 'Ana', how: 'by-phone', acceptedAt: '2026-11-24T09:30:00.000Z' })
    expect(gateDecisionProblem(earlier, noCode)).toBeNull()
    const later = decide({ jobId: 1, option: 'risk-accepted', acceptedBy: 'Ana', how: 'by-phone', acceptedAt: '2026-11-25T09:30:00.000Z' })
    expect(gateDecisionProblem(later, noCode)).toBe('The time the customer accepted the risk cannot be in the future.')
  })
})

describe('stored gate detail', () => {
  it('reads back and describes each option in one line', () => {
    const lines = [
      { option: 'code-on-file', radioId: 1, codeId: 2, verified: true, source: 'dealer', note: '' },
      { option: 'code-on-file', radioId: 1, codeId: 2, verified: false, source: 'owner-card', note: '' },
      { option: 'no-code-needed', reason: 'no-anti-theft-light', note: '' },
      { option: 'memory-saver', connection: 'obd-ii-port', indicatorChecked: true, retrievalRequestId: null, note: '' },
      { option: 'risk-accepted', acceptedBy: 'Ana López', how: 'by-phone', acceptedAt: NOW, statement: 's', note: '' },
    ].map((detail) => describeGate(gateDetailSchema.parse(detail)))
    expect(lines).toEqual([
      'Code on file (worked in the radio)',
      'Code on file (from the owner’s card)',
      'No code needed (technician saw no anti-theft light)',
      'Memory saver connected (OBD-II diagnostic connector)',
      'Ana López accepted the risk (by phone)',
    ])
  })
})
