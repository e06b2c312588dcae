import { describe, expect, it } from 'vitest'
import { firstMessageByKey } from '../../../renderer/src/lib/field-errors'

describe('firstMessageByKey', () => {
  const keyOf = (path: string) => (path.startsWith('code') ? 'code' : path === 'serial' ? 'serial' : 'form')

  it('files each problem under the box its path names, the first message per box winning', () => {
    expect(
      firstMessageByKey(
        [
          { path: 'code', message: 'Digits only.' },
          { path: 'code.length', message: 'Too long.' },
          { path: 'serial', message: 'No serial.' },
          { path: 'somethingElse', message: 'Try again.' },
          { path: '', message: 'Second form message.' },
        ],
        keyOf,
      ),
    ).toEqual({ code: 'Digits only.', serial: 'No serial.', form: 'Try again.' })
  })

  it('gives nothing for no problems', () => {
    expect(firstMessageByKey([], keyOf)).toEqual({})
  })
})
