import { describe, expect, it } from 'vitest'
import {
  BATTERY_TEST_RESULTS,
  EMPTY_CHECKLIST,
  checklistIncompleteForDone,
  jobChecklistPatchSchema,
  checklistProblems,
  checklistSchema,
  mergeChecklist,
  radioLockedAfterReconnect,
  type Checklist,
} from '../../../shared/domain/battery-job'

function patchProblems(input: unknown): Record<string, string> {
  const result = jobChecklistPatchSchema.safeParse(input)
  if (result.success) return {}
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]))
}

function patch(input: unknown) {
  const { jobId: _jobId, ...rest } = jobChecklistPatchSchema.parse(input)
  return rest
}

describe('checklist schema', () => {
  it('a new job’s stored {} reads as the empty checklist', () => {
    expect(checklistSchema.parse({})).toEqual(EMPTY_CHECKLIST)
  })

  it('battery test results are the five the shop uses', () => {
    expect(BATTERY_TEST_RESULTS).toEqual(['good', 'good-recharge', 'charge-retest', 'replace', 'bad-cell'])
    expect(patch({ jobId: 1, batteryTest: { result: 'charge-retest', testerCode: ' A1B2-C3 ' } }).batteryTest).toEqual({
      result: 'charge-retest',
      testerCode: 'A1B2-C3',
    })
    expect(patch({ jobId: 1, batteryTest: { result: 'good' } }).batteryTest).toEqual({ result: 'good', testerCode: '' })
    expect(patchProblems({ jobId: 1, batteryTest: { result: 'fine' } })).toEqual({ 'batteryTest.result': 'Choose the battery test result.' })
  })

  it('a memory saver that was used needs its connection; one not used has none', () => {
    expect(patchProblems({ jobId: 1, memorySaver: { used: true } })).toEqual({ 'memorySaver.connection': 'Say where the memory saver was connected.' })
    expect(patchProblems({ jobId: 1, memorySaver: { used: false, connection: 'obd-ii-port' } })).toEqual({
      'memorySaver.connection': 'No memory saver was used, so leave its connection empty.',
    })
    expect(patch({ jobId: 1, memorySaver: { used: false } }).memorySaver).toEqual({ used: false, connection: null })
  })

  it('a battery installed needs its part number or size', () => {
    expect(patchProblems({ jobId: 1, batteryInstalled: { partNumber: ' ', size: '' } })).toEqual({
      batteryInstalled: 'Enter the new battery’s part number or its size.',
    })
    expect(patch({ jobId: 1, batteryInstalled: { size: 'H6' } }).batteryInstalled).toEqual({ partNumber: '', size: 'H6' })
  })

  it('an empty patch is refused', () => {
    expect(patchProblems({ jobId: 1 })).toEqual({ '': 'Nothing to record: fill in at least one part of the checklist.' })
  })
})

describe('merging a patch', () => {
  const filled: Checklist = {
    ...EMPTY_CHECKLIST,
    batteryTest: { result: 'good', testerCode: '' },
    reconnect: { radioAskedForCode: true, codeEntry: null, clockPresetsReset: null },
  }

  it('keeps the parts not given, replaces the ones given, and merges the after-reconnecting answers one by one', () => {
    const merged = mergeChecklist(filled, patch({ jobId: 1, reconnect: { codeEntry: 'accepted' } }))
    expect(merged.batteryTest).toEqual({ result: 'good', testerCode: '' })
    expect(merged.reconnect).toEqual({ radioAskedForCode: true, codeEntry: 'accepted', clockPresetsReset: null })
  })

  it('null clears a part', () => {
    expect(mergeChecklist(filled, patch({ jobId: 1, batteryTest: null })).batteryTest).toBeNull()
  })
})

describe('checklist rules', () => {
  const tested: Checklist = { ...EMPTY_CHECKLIST, batteryTest: { result: 'replace', testerCode: '' } }

  it('a new battery and the after-reconnecting part need the battery disconnected first', () => {
    const early: Checklist = {
      ...tested,
      batteryInstalled: { partNumber: '', size: 'H6' },
      reconnect: { radioAskedForCode: false, codeEntry: null, clockPresetsReset: null },
    }
    expect(checklistProblems(early, { batteryDisconnected: false }).map((p) => p.path)).toEqual(['batteryInstalled', 'reconnect'])
    expect(checklistProblems(early, { batteryDisconnected: true })).toEqual([])
  })

  it('registration belongs to a new battery', () => {
    expect(checklistProblems({ ...tested, registration: 'done' }, { batteryDisconnected: true })).toEqual([
      { path: 'registration', message: 'Battery registration or coding belongs to a new battery: record the battery installed first.' },
    ])
  })

  it('“code entered” only when the radio asked for a code', () => {
    const notAsked: Checklist = { ...tested, reconnect: { radioAskedForCode: false, codeEntry: 'accepted', clockPresetsReset: true } }
    expect(checklistProblems(notAsked, { batteryDisconnected: true })).toEqual([
      { path: 'reconnect.codeEntry', message: 'The radio did not ask for a code, so leave “code entered” empty.' },
    ])
    const unanswered: Checklist = { ...tested, reconnect: { radioAskedForCode: null, codeEntry: 'accepted', clockPresetsReset: null } }
    expect(checklistProblems(unanswered, { batteryDisconnected: true })[0]?.message).toBe('Say first whether the radio asked for a code.')
  })

  it('what done needs, in order', () => {
    expect(checklistIncompleteForDone(EMPTY_CHECKLIST, { batteryDisconnected: true }).map((p) => p.path)).toEqual([
      'batteryTest',
      'reconnect.radioAskedForCode',
      'reconnect.clockPresetsReset',
    ])
    expect(checklistIncompleteForDone(tested, { batteryDisconnected: false })).toEqual([])
  })

  it('the radio is locked when it asked for a code and the code failed or is unknown', () => {
    const with_ = (codeEntry: 'accepted' | 'rejected' | 'code-unknown' | null, asked: boolean | null = true): Checklist => ({
      ...tested,
      reconnect: { radioAskedForCode: asked, codeEntry, clockPresetsReset: true },
    })
    expect(radioLockedAfterReconnect(with_('rejected'))).toBe(true)
    expect(radioLockedAfterReconnect(with_('code-unknown'))).toBe(true)
    expect(radioLockedAfterReconnect(with_('accepted'))).toBe(false)
    expect(radioLockedAfterReconnect(with_(null))).toBe(false)
    expect(radioLockedAfterReconnect(with_(null, false))).toBe(false)
  })
})
