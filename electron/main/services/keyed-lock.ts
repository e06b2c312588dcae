/**
 * Runs tasks one at a time per key (e.g. per retrieval request), so two calls
 * racing on the same record cannot both pass the checks before either writes.
 * Tasks on different keys run freely. A failed task does not block the next.
 */
export interface KeyedLock {
  run<T>(key: number, task: () => Promise<T>): Promise<T>
}

export function createKeyedLock(): KeyedLock {
  const queues = new Map<number, Promise<unknown>>()
  return {
    run(key, task) {
      const previous = queues.get(key) ?? Promise.resolve()
      const result = previous.then(task, task)
      const settled = result.catch(() => undefined)
      queues.set(key, settled)
      void settled.then(() => {
        if (queues.get(key) === settled) queues.delete(key)
      })
      return result
    },
  }
}

const locks = new WeakMap<object, Map<string, KeyedLock>>()

/** The lock named `name` belonging to `owner` (the AppServices of one running app). */
export function keyedLockFor(owner: object, name: string): KeyedLock {
  let named = locks.get(owner)
  if (!named) {
    named = new Map()
    locks.set(owner, named)
  }
  let lock = named.get(name)
  if (!lock) {
    lock = createKeyedLock()
    named.set(name, lock)
  }
  return lock
}
