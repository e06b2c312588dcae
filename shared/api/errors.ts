/** Error codes that cross the renderer–main boundary. Stacks never do. */
export const APP_ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'DUPLICATE',
  'CONFLICT',
  'FORBIDDEN',
  'UNKNOWN_METHOD',
  'UNTRUSTED_SENDER',
  'DB_UNAVAILABLE',
  /** Nobody is signed in at the desk (or they were signed out for being idle). */
  'SIGNED_OUT',
  /** The code vault is locked: a manager must unlock it at start-up. */
  'VAULT_LOCKED',
  'INTERNAL',
] as const

export type AppErrorCode = (typeof APP_ERROR_CODES)[number]

/** One problem with one input field, in words a person at the desk understands. */
export interface FieldProblem {
  readonly path: string
  readonly message: string
}

/** The existing record a DUPLICATE points to, so the UI can open it instead. */
export interface RelatedRecord {
  readonly entity: 'customer' | 'vehicle' | 'radio'
  readonly id: number
}

export interface AppErrorData {
  readonly code: AppErrorCode
  readonly message: string
  readonly fields?: readonly FieldProblem[]
  readonly related?: RelatedRecord
}

/**
 * A failure the main process expects and can explain.
 *
 * Services throw it; the router turns it into `{ ok: false, error }`. Anything
 * else that is thrown is logged with its stack and reported as INTERNAL.
 */
export class AppError extends Error {
  readonly code: AppErrorCode
  readonly fields: readonly FieldProblem[] | undefined
  readonly related: RelatedRecord | undefined

  constructor(code: AppErrorCode, message: string, fields?: readonly FieldProblem[], related?: RelatedRecord) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.fields = fields
    this.related = related
  }

  toData(): AppErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields && this.fields.length > 0 ? { fields: this.fields } : {}),
      ...(this.related ? { related: this.related } : {}),
    }
  }
}

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppErrorData }

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === 'string' && (APP_ERROR_CODES as readonly string[]).includes(value)
}
