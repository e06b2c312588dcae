import { describe, expect, it } from 'vitest'
import {
  EMPTY_CHECKLIST,
  GATE_REQUIRED_MESSAGE,
  JOB_ACTIONS,
  JOB_STATUSES,
  availableActions,
  cardAvailability,
  completionDocuments,
  completionMessage,
  doneProblems,
  isClosedStatus,
  isOpenStatus,
  radioStatusSentence,
  transition,
  type Checklist,
  type JobAction,
  type JobFacts,
  type JobStatus,
} from '../../../shared/domain/battery-job'

/*
 * The battery job's state machine: every status × action, with the facts set
 * so that only the status decides (a gate decided, battery still connected,
 * battery test recorded, a code card available); then each extra condition
 * on its own.
 */

const TESTED: Checklist = { ...EMPTY_CHECKLIST, batteryTest: { result: 'good', testerCode: '' } }

function facts(status: JobStatus, extra: Partial<JobFacts> = {}): JobFacts {
  return { status, gate: 'code-on-file', batteryDisconnected: false, checklist: TESTED, card: 'code-card', ...extra }
}

/** A status it leads to, or a pattern the refusal must match. */
type Expected = JobStatus | RegExp

const CLOSED_HANDED = /closed: the customer has their code card/
const CLOSED_DECLINED = /closed: the customer declined the code card/
const CANCELLED = /This job was cancelled/

const TABLE: Readonly<Record<JobStatus, Readonly<Record<JobAction, Expected>>>> = {
  'checked-in': {
    'start-code-check': 'code-check',
    'decide-gate': 'code-check',
    'start-service': /Check the radio code first/,
    'disconnect-battery': /Start the service first: the battery is disconnected only while the car is in service/,
    'record-checklist': /Start the service first\. The checklist is the technician’s record/,
    'mark-done': /Start the service first\. A job is marked done after its service/,
    'hand-over-card': /Finish the job first/,
    'decline-card': /Finish the job first/,
    cancel: 'cancelled',
    'link-retrieval': 'checked-in',
  },
  'code-check': {
    'start-code-check': /The code check has already started/,
    'decide-gate': 'code-check',
    'start-service': 'in-service',
    'disconnect-battery': /Start the service first/,
    'record-checklist': /Start the service first/,
    'mark-done': /Start the service first/,
    'hand-over-card': /Finish the job first/,
    'decline-card': /Finish the job first/,
    cancel: 'cancelled',
    'link-retrieval': 'code-check',
  },
  'in-service': {
    'start-code-check': /already in service/,
    'decide-gate': 'in-service',
    'start-service': /already in service/,
    'disconnect-battery': 'in-service',
    'record-checklist': 'in-service',
    'mark-done': 'done',
    'hand-over-card': /Finish the job first/,
    'decline-card': /Finish the job first/,
    cancel: 'cancelled',
    'link-retrieval': 'in-service',
  },
  done: {
    'start-code-check': /already done/,
    'decide-gate': /done; the pre-disconnect decision can no longer change/,
    'start-service': /already done/,
    'disconnect-battery': /already done/,
    'record-checklist': 'done',
    'mark-done': /already done/,
    'hand-over-card': 'handed-over',
    'decline-card': 'card-declined',
    cancel: /The service is finished: close the job by handing over the card/,
    'link-retrieval': 'done',
  },
  'handed-over': Object.fromEntries(JOB_ACTIONS.map((a) => [a, CLOSED_HANDED])) as Record<JobAction, Expected>,
  'card-declined': Object.fromEntries(JOB_ACTIONS.map((a) => [a, CLOSED_DECLINED])) as Record<JobAction, Expected>,
  cancelled: Object.fromEntries(JOB_ACTIONS.map((a) => [a, CANCELLED])) as Record<JobAction, Expected>,
}

const CASES = JOB_STATUSES.flatMap((status) => JOB_ACTIONS.map((action) => ({ status, action, expected: TABLE[status][action] })))

describe('every status × action', () => {
  it('the table covers all 7 statuses × 10 actions', () => {
    expect(CASES).toHaveLength(70)
  })

  it.each(CASES.filter((c) => typeof c.expected === 'string'))('$status + $action → $expected', ({ status, action, expected }) => {
    expect(transition(facts(status), action)).toEqual({ allowed: true, to: expected })
  })

  it.each(CASES.filter((c) => c.expected instanceof RegExp))('$status + $action is refused', ({ status, action, expected }) => {
    const result = transition(facts(status), action)
    expect(result.allowed).toBe(false)
    if (result.allowed) return
    expect(result.reason).toMatch(expected as RegExp)
  })

  it('every refusal is a plain sentence: capitalised, ends with a full stop, no internal names', () => {
    for (const { status, action } of CASES) {
      const result = transition(facts(status), action)
      if (result.allowed) continue
      expect(result.reason).toMatch(/^[A-Z].*\.$/)
      expect(result.reason).not.toMatch(/undefined|null|[_{}]|in-service|code-check|checked-in|handed-over|card-declined/)
    }
  })

  it('availableActions gives each action with a reason exactly when it is refused', () => {
    for (const status of JOB_STATUSES) {
      const actions = availableActions(facts(status))
      expect(Object.keys(actions).sort()).toEqual([...JOB_ACTIONS].sort())
      for (const action of JOB_ACTIONS) {
        const expectedAllowed = typeof TABLE[status][action] === 'string'
        expect(actions[action].allowed).toBe(expectedAllowed)
        expect(actions[action].reason === null).toBe(expectedAllowed)
      }
    }
  })

  it('open and closed statuses', () => {
    expect(JOB_STATUSES.filter(isOpenStatus)).toEqual(['checked-in', 'code-check', 'in-service'])
    expect(JOB_STATUSES.filter(isClosedStatus)).toEqual(['handed-over', 'card-declined', 'cancelled'])
  })
})

describe('disconnecting the battery', () => {
  it('is refused without a gate decision, naming the four options', () => {
    const result = transition(facts('in-service', { gate: null }), 'disconnect-battery')
    expect(result).toEqual({ allowed: false, reason: GATE_REQUIRED_MESSAGE })
    expect(GATE_REQUIRED_MESSAGE).toMatch(/code on file, no code needed, memory saver connected, or the customer accepted the risk/)
  })

  it.each(['code-on-file', 'no-code-needed', 'memory-saver', 'risk-accepted'] as const)('is allowed after the gate option %s', (gate) => {
    expect(transition(facts('in-service', { gate }), 'disconnect-battery')).toEqual({ allowed: true, to: 'in-service' })
  })

  it('happens once', () => {
    const result = transition(facts('in-service', { batteryDisconnected: true }), 'disconnect-battery')
    expect(result).toEqual({ allowed: false, reason: 'The battery is already marked as disconnected.' })
  })

  it('is refused before the service starts even with a gate decision', () => {
    for (const status of ['checked-in', 'code-check'] as const) {
      expect(transition(facts(status), 'disconnect-battery').allowed).toBe(false)
    }
  })
})

describe('the gate decision', () => {
  it('may be made or replaced until the battery is disconnected', () => {
    expect(transition(facts('code-check', { gate: null }), 'decide-gate')).toEqual({ allowed: true, to: 'code-check' })
    expect(transition(facts('in-service', { gate: 'memory-saver' }), 'decide-gate')).toEqual({ allowed: true, to: 'in-service' })
  })

  it('stays once the battery is disconnected', () => {
    const result = transition(facts('in-service', { batteryDisconnected: true }), 'decide-gate')
    expect(result).toEqual({ allowed: false, reason: 'The battery is already disconnected; the decision that allowed it stays on the job.' })
  })

  it('from checked-in moves the job to the code check', () => {
    expect(transition(facts('checked-in', { gate: null }), 'decide-gate')).toEqual({ allowed: true, to: 'code-check' })
  })
})

describe('marking the job done', () => {
  const disconnected = { batteryDisconnected: true }
  const reconnected: Checklist = {
    ...TESTED,
    reconnect: { radioAskedForCode: true, codeEntry: 'accepted', clockPresetsReset: true },
  }

  it('needs the battery test result', () => {
    const result = transition(facts('in-service', { checklist: EMPTY_CHECKLIST }), 'mark-done')
    expect(result).toEqual({ allowed: false, reason: 'Record the battery test result first.' })
  })

  it('without a disconnect, the battery test is enough', () => {
    expect(transition(facts('in-service', { gate: null }), 'mark-done')).toEqual({ allowed: true, to: 'done' })
  })

  it('after a disconnect, needs the whole after-reconnecting part', () => {
    const none = transition(facts('in-service', { ...disconnected }), 'mark-done')
    expect(none).toEqual({ allowed: false, reason: 'After reconnecting: say whether the radio asked for a code.' })

    const asked: Checklist = { ...TESTED, reconnect: { radioAskedForCode: true, codeEntry: null, clockPresetsReset: true } }
    expect(transition(facts('in-service', { ...disconnected, checklist: asked }), 'mark-done')).toEqual({
      allowed: false,
      reason: 'After reconnecting: say whether the code was entered and accepted.',
    })

    const noClock: Checklist = { ...TESTED, reconnect: { radioAskedForCode: false, codeEntry: null, clockPresetsReset: null } }
    expect(transition(facts('in-service', { ...disconnected, checklist: noClock }), 'mark-done')).toEqual({
      allowed: false,
      reason: 'After reconnecting: say whether the clock and presets were reset.',
    })

    expect(transition(facts('in-service', { ...disconnected, checklist: reconnected }), 'mark-done')).toEqual({ allowed: true, to: 'done' })
  })

  it('a locked radio does not stop the job being done (the retrieval continues)', () => {
    const locked: Checklist = { ...TESTED, reconnect: { radioAskedForCode: true, codeEntry: 'code-unknown', clockPresetsReset: false } }
    expect(transition(facts('in-service', { ...disconnected, checklist: locked, card: 'code-unknown' }), 'mark-done')).toEqual({
      allowed: true,
      to: 'done',
    })
  })

  it('after a new battery, needs registration or coding answered', () => {
    const installed: Checklist = { ...reconnected, batteryInstalled: { partNumber: 'B-51R', size: '51R' } }
    expect(doneProblems({ gate: 'code-on-file', ...disconnected, checklist: installed })).toEqual([
      'Say whether battery registration or coding was done, or that this car does not need it.',
    ])
    expect(doneProblems({ gate: 'code-on-file', ...disconnected, checklist: { ...installed, registration: 'not-needed' } })).toEqual([])
  })

  it('a memory-saver gate must match the checklist', () => {
    expect(doneProblems({ gate: 'memory-saver', ...disconnected, checklist: reconnected })).toEqual([
      'The pre-disconnect check says a memory saver was connected, but the checklist says none was used. Correct the checklist.',
    ])
    const withSaver: Checklist = { ...reconnected, memorySaver: { used: true, connection: 'obd-ii-port' } }
    expect(doneProblems({ gate: 'memory-saver', ...disconnected, checklist: withSaver })).toEqual([])
  })
})

describe('closing the job', () => {
  it('hand-over is refused while the code is unknown; the guide goes instead and the job waits', () => {
    const result = transition(facts('done', { card: 'code-unknown' }), 'hand-over-card')
    expect(result.allowed).toBe(false)
    if (!result.allowed) expect(result.reason).toMatch(/no working code on file.*“how to get your radio code” guide.*pickup reminder/)
  })

  it('the customer may decline whatever the code situation', () => {
    for (const card of ['code-card', 'no-code-needed', 'code-unknown'] as const) {
      expect(transition(facts('done', { card }), 'decline-card')).toEqual({ allowed: true, to: 'card-declined' })
    }
  })

  it('a radio that needs no code can be handed over (the pickup closes the job)', () => {
    expect(transition(facts('done', { card: 'no-code-needed' }), 'hand-over-card')).toEqual({ allowed: true, to: 'handed-over' })
  })

  it('cancel is refused once the battery was disconnected', () => {
    const result = transition(facts('in-service', { batteryDisconnected: true }), 'cancel')
    expect(result.allowed).toBe(false)
    if (!result.allowed) expect(result.reason).toMatch(/already been disconnected.*cannot be cancelled/)
  })
})

describe('what the customer takes home', () => {
  const locked: Checklist = { ...TESTED, reconnect: { radioAskedForCode: true, codeEntry: 'rejected', clockPresetsReset: false } }

  it('a code on file gives a code card, unless it failed in the radio and is not verified', () => {
    expect(cardAvailability({ code: { verified: false }, situation: 'code-on-file', gate: 'memory-saver', checklist: TESTED })).toBe('code-card')
    expect(cardAvailability({ code: { verified: false }, situation: 'code-on-file', gate: 'memory-saver', checklist: locked })).toBe('code-unknown')
    expect(cardAvailability({ code: { verified: true }, situation: 'code-on-file-verified', gate: 'code-on-file', checklist: locked })).toBe(
      'code-card',
    )
  })

  it('no code on file: no code needed by the gate or the knowledge base, otherwise unknown', () => {
    expect(cardAvailability({ code: null, situation: 'unknown', gate: 'no-code-needed', checklist: TESTED })).toBe('no-code-needed')
    expect(cardAvailability({ code: null, situation: 'no-code-expected', gate: null, checklist: TESTED })).toBe('no-code-needed')
    expect(cardAvailability({ code: null, situation: 'code-expected-missing', gate: 'memory-saver', checklist: TESTED })).toBe('code-unknown')
    expect(cardAvailability({ code: null, situation: 'no-code-expected', gate: 'no-code-needed', checklist: locked })).toBe('code-unknown')
  })

  it('documents to print at completion', () => {
    expect(completionDocuments('code-card')).toEqual(['code-card', 'pickup-reminder'])
    expect(completionDocuments('code-unknown')).toEqual(['code-guide', 'pickup-reminder'])
    expect(completionDocuments('no-code-needed')).toEqual(['pickup-reminder'])
    expect(completionMessage('code-unknown')).toMatch(/“how to get your radio code” guide/)
  })

  it('the radio status says when the radio is locked and the retrieval continues', () => {
    expect(radioStatusSentence(TESTED, false, true)).toBe('The battery has not been disconnected.')
    expect(radioStatusSentence(locked, true, true)).toMatch(/^The radio is locked: the code on file was not accepted\..*retrieval request/)
    const unknown: Checklist = { ...TESTED, reconnect: { radioAskedForCode: true, codeEntry: 'code-unknown', clockPresetsReset: false } }
    expect(radioStatusSentence(unknown, true, false)).toMatch(/locked.*code is unknown.*Continue the retrieval request/)
  })
})
