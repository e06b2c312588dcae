import type { ApiResult, AppErrorData } from '../../shared/api/errors'

/** The value of an ok envelope; fails the test with the error otherwise. */
export function valueOf<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`)
  return result.value
}

/** The error of a failed envelope; fails the test when the call succeeded. */
export function errorOf(result: ApiResult<unknown>): AppErrorData {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`)
  return result.error
}
