import { z } from 'zod'
import { apiContract, type ApiMethod, type ApiOutput, type ApiParsedInput } from '../../../shared/api/contract'
import { AppError, type ApiResult, type FieldProblem } from '../../../shared/api/errors'
import type { Logger } from '../log'

/** What the router knows about who sent a call; the transport fills it in. */
export interface CallSender {
  /** URL of the sending frame (Electron) or the page origin (browser preview). */
  readonly url: string | null
  /** Set by the transport when it has already authenticated the caller (e.g. by token). */
  readonly transport: 'electron-ipc' | 'web-preview'
  /** Electron webContents id, when the call came over IPC. */
  readonly webContentsId?: number
}

export type Handler<M extends ApiMethod, Ctx> = (input: ApiParsedInput<M>, ctx: Ctx) => Promise<ApiOutput<M>>

/** One handler per contract method; a missing or extra one is a compile error. */
export type Handlers<Ctx> = { readonly [M in ApiMethod]: Handler<M, Ctx> }

export interface RouterOptions<Ctx> {
  readonly handlers: Handlers<Ctx>
  readonly context: Ctx
  readonly isTrustedSender: (sender: CallSender) => boolean
  readonly log: Logger
  /**
   * Decides whether this method may run now (e.g. someone is signed in);
   * throws an AppError when not. Runs after the allow-list, before the input
   * is parsed, so a locked desk answers the same whatever was sent.
   */
  readonly authorize?: (method: ApiMethod, context: Ctx) => void
  /** Maps engine errors (e.g. SQLite constraint failures) to domain errors; returns null when it does not know the error. */
  readonly mapError?: (error: unknown) => AppError | null
}

export type ApiRouter = (sender: CallSender, method: unknown, input: unknown) => Promise<ApiResult<unknown>>

function isContractMethod(method: unknown): method is ApiMethod {
  return typeof method === 'string' && Object.prototype.hasOwnProperty.call(apiContract, method)
}

function toFieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }))
}

/**
 * The one entry point for renderer-to-main calls.
 *
 * In order: check the sender, allow-list the method, validate the input with
 * the contract's schema, call the handler, and wrap the outcome in an
 * envelope. Errors cross as { code, message }; stacks stay in the log. Inputs
 * are never logged (they can hold radio codes and PINs).
 */
export function createApiRouter<Ctx>(options: RouterOptions<Ctx>): ApiRouter {
  const { handlers, context, log } = options
  return async (sender, method, input) => {
    if (!options.isTrustedSender(sender)) {
      log.warn('rejected call from untrusted sender', { url: sender.url, transport: sender.transport })
      return { ok: false, error: { code: 'UNTRUSTED_SENDER', message: 'This window may not talk to Radio Code Desk.' } }
    }
    if (!isContractMethod(method)) {
      log.warn('rejected unknown method', { method: typeof method === 'string' ? (method as string).slice(0, 80) : typeof method })
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'That action does not exist.' } }
    }
    if (options.authorize) {
      try {
        options.authorize(method, context)
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.toData() }
        log.error(`authorizing ${method} failed`, error)
        return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong and nothing was saved. The details are in the log.' } }
      }
    }
    const parsed = apiContract[method].input.safeParse(input)
    if (!parsed.success) {
      const fields = toFieldProblems(parsed.error)
      return {
        ok: false,
        error: { code: 'VALIDATION', message: fields[0]?.message ?? 'Some fields are not valid.', fields },
      }
    }
    try {
      const handler = handlers[method] as Handler<ApiMethod, Ctx>
      const value = await handler(parsed.data as ApiParsedInput<ApiMethod>, context)
      return { ok: true, value }
    } catch (error) {
      const known = error instanceof AppError ? error : (options.mapError?.(error) ?? null)
      if (known) {
        if (known.code === 'INTERNAL') log.error(`call ${method} failed`, error)
        return { ok: false, error: known.toData() }
      }
      log.error(`call ${method} failed`, error)
      return {
        ok: false,
        error: { code: 'INTERNAL', message: 'Something went wrong and nothing was saved. The details are in the log.' },
      }
    }
  }
}
