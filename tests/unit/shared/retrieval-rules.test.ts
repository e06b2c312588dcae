import { describe, expect, it } from 'vitest'
import {
  CHANNEL_KIND_LABELS,
  CODE_SOURCE_FOR_CHANNEL,
  RETRIEVAL_STATUSES,
  SETTABLE_RETRIEVAL_STATUSES,
  applyChecklistPatch,
  calendarDateSchema,
  isClosedRetrievalStatus,
  mayReceiveCode,
  nextRetrievalStatuses,
  openRetrievalSchema,
  retrievalTransitionProblem,
  updateRetrievalSchema,
  type RetrievalChecklistItem,
} from '../../../shared/domain/retrieval'
import { RADIO_CODE_SOURCES } from '../../../shared/domain/radio-code'
import { CHANNEL_KINDS } from '../../../shared/knowledge'

describe('retrieval status rules', () => {
  it('allows exactly these moves by update', () => {
    const table = Object.fromEntries(RETRIEVAL_STATUSES.map((status) => [status, nextRetrievalStatuses(status)]))
    expect(table).toEqual({
      needed: ['requested', 'failed', 'cancelled'],
      requested: ['failed', 'cancelled'],
      received: ['verified', 'failed'],
      verified: [],
      failed: [],
      cancelled: [],
    })
  })

  it('verified, failed and cancelled are closed; the code may be received only while needed or requested', () => {
    expect(RETRIEVAL_STATUSES.filter(isClosedRetrievalStatus)).toEqual(['verified', 'failed', 'cancelled'])
    expect(RETRIEVAL_STATUSES.filter(mayReceiveCode)).toEqual(['needed', 'requested'])
  })

  it('explains a refused move in words; staying put is no move', () => {
    expect(retrievalTransitionProblem('needed', 'verified')).toMatch(/only after its code was received/)
    expect(retrievalTransitionProblem('requested', 'needed')).toMatch(/can only become “Failed” or “Cancelled”/)
    expect(retrievalTransitionProblem('failed', 'requested')).toMatch(/closed\. Open a new request/)
    expect(retrievalTransitionProblem('received', 'cancelled')).toMatch(/Verified in the radio/)
    for (const status of SETTABLE_RETRIEVAL_STATUSES) expect(retrievalTransitionProblem(status, status)).toBeNull()
    expect(retrievalTransitionProblem('received', 'verified')).toBeNull()
  })

  it('"received" cannot be set by an update', () => {
    const parsed = updateRetrievalSchema.safeParse({ id: 1, status: 'received' })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.message).toMatch(/Code received/)
  })
})

describe('channel kinds', () => {
  it('every knowledge-base channel kind has a label and a code source that the database accepts', () => {
    for (const kind of CHANNEL_KINDS) {
      expect(CHANNEL_KIND_LABELS[kind]).toBeTruthy()
      expect(RADIO_CODE_SOURCES).toContain(CODE_SOURCE_FOR_CHANNEL[kind])
    }
    expect(CODE_SOURCE_FOR_CHANNEL).toMatchObject({
      dealer: 'dealer',
      'manufacturer-website': 'manufacturer-website',
      'code-card': 'owner-card',
      'owners-documents': 'owners-manual',
      'glovebox-sticker': 'sticker',
      owner: 'customer',
      'manufacturer-customer-service': 'other',
    })
  })
})

describe('inputs', () => {
  it('calendar dates must exist', () => {
    expect(calendarDateSchema.parse(' 2028-02-29 ')).toBe('2028-02-29')
    for (const bad of ['2027-02-29', '2026-13-01', '2026-1-5', '01/12/2026', '2026-11-24T00:00:00Z', '']) {
      expect(calendarDateSchema.safeParse(bad).success, bad).toBe(false)
    }
  })

  it('open: defaults filled in, notes trimmed, unknown fields refused', () => {
    expect(openRetrievalSchema.parse({ vehicleId: 3, channel: ' a/dealer/0 ', notes: '  hi  ' })).toEqual({
      vehicleId: 3,
      radioId: null,
      channel: 'a/dealer/0',
      followUpOn: null,
      costCents: null,
      notes: 'hi',
    })
    expect(openRetrievalSchema.strict().safeParse({ vehicleId: 3, channel: 'x', status: 'requested' }).success).toBe(false)
  })

  it('update needs at least one field and keeps absent fields absent', () => {
    expect(updateRetrievalSchema.safeParse({ id: 1 }).error?.issues[0]?.message).toMatch(/Nothing to change/)
    expect(updateRetrievalSchema.parse({ id: 1, followUpOn: null })).toEqual({ id: 1, followUpOn: null })
    expect(updateRetrievalSchema.safeParse({ id: 1, notes: 'x', other: 1 }).success).toBe(false)
  })
})

describe('applyChecklistPatch', () => {
  const items: RetrievalChecklistItem[] = [
    { key: 'vin', label: 'VIN', whereToFind: ['On file'], done: false, note: '' },
    { key: 'radio-serial', label: 'Radio serial', whereToFind: [], done: true, note: 'read it' },
  ]

  it('changes only what is given', () => {
    const result = applyChecklistPatch(items, [{ key: 'vin', done: true }, { key: 'radio-serial', note: 'checked twice' }])
    expect(result).toEqual({
      ok: true,
      items: [
        { ...items[0], done: true },
        { ...items[1], note: 'checked twice' },
      ],
    })
  })

  it('names the first unknown key', () => {
    expect(applyChecklistPatch(items, [{ key: 'vin' }, { key: 'nope', done: true }])).toEqual({ ok: false, badIndex: 1 })
  })
})
