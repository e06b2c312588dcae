import { describe, expect, it } from 'vitest'
import { createKeyedLock, keyedLockFor } from '../../../electron/main/services/keyed-lock'

const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

describe('keyed lock', () => {
  it('runs tasks on one key one at a time, in order; other keys run alongside', async () => {
    const lock = createKeyedLock()
    const log: string[] = []
    const task = (name: string) => async () => {
      log.push(`${name} start`)
      await tick()
      log.push(`${name} end`)
      return name
    }
    const results = await Promise.all([lock.run(1, task('a')), lock.run(1, task('b')), lock.run(2, task('c'))])
    expect(results).toEqual(['a', 'b', 'c'])
    expect(log.indexOf('a end')).toBeLessThan(log.indexOf('b start'))
    expect(log.indexOf('c start')).toBeLessThan(log.indexOf('a end'))
  })

  it('a failed task does not block the next', async () => {
    const lock = createKeyedLock()
    const failed = lock.run(1, async () => {
      throw new Error('boom')
    })
    const next = lock.run(1, async () => 'ok')
    await expect(failed).rejects.toThrow('boom')
    await expect(next).resolves.toBe('ok')
  })

  it('one lock per owner and name', () => {
    const owner = {}
    expect(keyedLockFor(owner, 'x')).toBe(keyedLockFor(owner, 'x'))
    expect(keyedLockFor(owner, 'x')).not.toBe(keyedLockFor(owner, 'y'))
    expect(keyedLockFor({}, 'x')).not.toBe(keyedLockFor(owner, 'x'))
  })
})
