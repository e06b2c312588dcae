import { describe, expect, it } from 'vitest'
import { APP_ERROR_CODES, AppError, isAppErrorCode } from '../../../shared/api/errors'

describe('AppError', () => {
  it('carries a code and message, and toData() leaves out the stack', () => {
    const error = new AppError('NOT_FOUND', 'That customer was not found.')
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('AppError')
    expect(error.toData()).toEqual({ code: 'NOT_FOUND', message: 'That customer was not found.' })
    expect(Object.keys(error.toData())).toEqual(['code', 'message'])
  })

  it('includes fields only when there are some', () => {
    const fields = [{ path: 'name', message: 'Enter the customer’s name.' }]
    expect(new AppError('VALIDATION', 'Check the form.', fields).toData()).toEqual({ code: 'VALIDATION', message: 'Check the form.', fields })
    expect(new AppError('VALIDATION', 'Check the form.', []).toData()).not.toHaveProperty('fields')
  })
})

describe('isAppErrorCode', () => {
  it('accepts every listed code and nothing else', () => {
    for (const code of APP_ERROR_CODES) expect(isAppErrorCode(code)).toBe(true)
    for (const value of ['validation', 'ERROR', '', null, undefined, 1, {}]) expect(isAppErrorCode(value)).toBe(false)
  })
})
