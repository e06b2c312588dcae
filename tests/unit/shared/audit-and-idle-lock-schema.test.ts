import { describe, expect, it } from 'vitest'
import { auditListSchema } from '../../../shared/domain/audit'
import { IDLE_LOCK_DEFAULT_MINUTES, idleLockSchema, idleLockSetting } from '../../../shared/domain/idle-lock'

describe('auditListSchema', () => {
  it('defaults: no filters, 50 rows, first page', () => {
    expect(auditListSchema.parse({})).toEqual({
      staffId: null,
      action: null,
      entityType: null,
      entityId: null,
      vehicleId: null,
      from: null,
      to: null,
      limit: 50,
      before: null,
    })
  })

  it('normalises instants to UTC and empty strings to no filter', () => {
    expect(auditListSchema.parse({ from: '2026-11-24T10:00:00+01:00', action: '', entityType: '' })).toMatchObject({
      from: '2026-11-24T09:00:00.000Z',
      action: null,
      entityType: null,
    })
  })

  it('accepts an action family and refuses wildcard tricks', () => {
    expect(auditListSchema.parse({ action: 'code.*' }).action).toBe('code.*')
    for (const action of ['code%', 'code_*x', '*', "a' or 1"]) expect(auditListSchema.safeParse({ action }).success, action).toBe(false)
  })
})

describe('idle lock', () => {
  it('takes whole minutes from 1 to 60', () => {
    expect(idleLockSchema.parse({ minutes: 1 })).toEqual({ minutes: 1 })
    expect(idleLockSchema.parse({ minutes: 60 })).toEqual({ minutes: 60 })
    for (const minutes of [0, 61, 1.5, Number.NaN, '5']) expect(idleLockSchema.safeParse({ minutes }).success, String(minutes)).toBe(false)
  })

  it('says when the default applies', () => {
    expect(idleLockSetting(null)).toMatchObject({ minutes: IDLE_LOCK_DEFAULT_MINUTES, isDefault: true })
    expect(idleLockSetting(15)).toMatchObject({ minutes: 15, isDefault: false })
  })
})
