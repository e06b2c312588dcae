import type { ApiBridge } from '../../../shared/api/contract'
import { isAppErrorCode, type ApiResult, type AppErrorCode, type FieldProblem, type RelatedRecord } from '../../../shared/api/errors'
import { API_METHODS, type ApiEventName } from '../../../shared/api/methods'

/*
 * The typed client for the contract. Every renderer-to-main call goes through
 * `api`: `await api.customers.create(input)` returns the value or throws an
 * ApiCallError. Components never touch window.api.
 */

/** A contract call that came back `{ ok: false }` (or could not be made at all). */
export class ApiCallError extends Error {
  readonly code: AppErrorCode
  readonly fields: readonly FieldProblem[]
  /** For DUPLICATE: the record already on file, so the screen can offer to open it. */
  readonly related: RelatedRecord | null

  constructor(code: AppErrorCode, message: string, fields: readonly FieldProblem[] = [], related: RelatedRecord | null = null) {
    super(message)
    this.name = 'ApiCallError'
    this.code = code
    this.fields = fields
    this.related = related
  }
}

type Bridge = ApiBridge
type NamespaceName = Exclude<keyof Bridge, 'on'>
type Unwrapped<F> = F extends (input: infer I) => Promise<ApiResult<infer O>> ? (input: I) => Promise<O> : never

/** `api`: the bridge's shape, with each method resolving to the value instead of the envelope. */
export type ApiClient = {
  readonly [N in NamespaceName]: { readonly [F in keyof Bridge[N]]: Unwrapped<Bridge[N][F]> }
} & {
  /** Subscribe to a main-to-renderer event; returns the unsubscribe function. */
  readonly on: (event: ApiEventName, listener: (payload: unknown) => void) => () => void
}

const BRIDGE_MISSING_MESSAGE =
  'This window is not connected to Radio Code Desk (window.api is missing), so nothing can be loaded or saved.'

function currentBridge(): Bridge | null {
  const bridge = typeof window === 'undefined' ? undefined : window.api
  return bridge && typeof bridge === 'object' ? bridge : null
}

/** True when the preload (or the preview bridge) put `window.api` on this window. */
export function hasApiBridge(): boolean {
  return currentBridge() !== null
}

function toRelated(value: unknown): RelatedRecord | null {
  if (typeof value !== 'object' || value === null) return null
  const { entity, id } = value as { entity?: unknown; id?: unknown }
  if ((entity === 'customer' || entity === 'vehicle' || entity === 'radio') && typeof id === 'number' && Number.isInteger(id) && id > 0) {
    return { entity, id }
  }
  return null
}

function toFieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return []
    const { path, message } = item as { path?: unknown; message?: unknown }
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : []
  })
}

/** Turns an envelope into its value, or throws the ApiCallError it describes. */
export function unwrapResult(result: unknown): unknown {
  if (typeof result === 'object' && result !== null && 'ok' in result) {
    const envelope = result as { ok: unknown; value?: unknown; error?: unknown }
    if (envelope.ok === true) return envelope.value
    if (envelope.ok === false && typeof envelope.error === 'object' && envelope.error !== null) {
      const error = envelope.error as { code?: unknown; message?: unknown; fields?: unknown; related?: unknown }
      const code = isAppErrorCode(error.code) ? error.code : 'INTERNAL'
      const message = typeof error.message === 'string' && error.message ? error.message : 'Something went wrong.'
      throw new ApiCallError(code, message, toFieldProblems(error.fields), toRelated(error.related))
    }
  }
  throw new ApiCallError('INTERNAL', 'Radio Code Desk sent an answer this screen does not understand. Nothing was changed.')
}

async function call(namespace: string, name: string, input: unknown): Promise<unknown> {
  const bridge = currentBridge()
  if (!bridge) throw new ApiCallError('INTERNAL', BRIDGE_MISSING_MESSAGE)
  const fn = (bridge as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>)[namespace]?.[name]
  if (typeof fn !== 'function') throw new ApiCallError('UNKNOWN_METHOD', 'That action does not exist.')
  let result: unknown
  try {
    result = await fn(input)
  } catch {
    throw new ApiCallError(
      'INTERNAL',
      'Radio Code Desk could not be reached. Nothing was saved. Try again; if it keeps happening, restart the app.',
    )
  }
  try {
    return unwrapResult(result)
  } catch (error) {
    if (error instanceof ApiCallError && (error.code === 'SIGNED_OUT' || error.code === 'VAULT_LOCKED')) notifyAccessLost(error.code)
    throw error
  }
}

/*
 * A call refused because nobody is signed in at the desk any more (idle
 * sign-out, someone signed out elsewhere) or the vault is locked. The app
 * listens and re-checks who is at the desk; the caller still gets the error.
 */
const accessLostListeners = new Set<(code: 'SIGNED_OUT' | 'VAULT_LOCKED') => void>()

function notifyAccessLost(code: 'SIGNED_OUT' | 'VAULT_LOCKED'): void {
  for (const listener of [...accessLostListeners]) listener(code)
}

/** Calls `listener` whenever a call comes back SIGNED_OUT or VAULT_LOCKED; returns the unsubscribe function. */
export function onAccessLost(listener: (code: 'SIGNED_OUT' | 'VAULT_LOCKED') => void): () => void {
  accessLostListeners.add(listener)
  return () => {
    accessLostListeners.delete(listener)
  }
}

/*
 * One bridge subscription per event name for the life of the window, fanned
 * out to the listeners here. In the browser preview each bridge subscription
 * is its own connection; keeping it open means no change is missed while a
 * screen mounts.
 */
const listeners = new Map<ApiEventName, Set<(payload: unknown) => void>>()
const subscribed = new Set<ApiEventName>()

/** Opens the window's subscription to `event` now (App calls it at start-up); safe to call again. */
export function openEventStream(event: ApiEventName): void {
  const bridge = currentBridge()
  if (!bridge || subscribed.has(event)) return
  subscribed.add(event)
  bridge.on(event, (payload) => {
    for (const listener of [...(listeners.get(event) ?? [])]) listener(payload)
  })
}

function on(event: ApiEventName, listener: (payload: unknown) => void): () => void {
  let set = listeners.get(event)
  if (!set) {
    set = new Set()
    listeners.set(event, set)
  }
  set.add(listener)
  openEventStream(event)
  return () => {
    listeners.get(event)?.delete(listener)
  }
}

function buildClient(): ApiClient {
  const namespaces: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {}
  for (const method of API_METHODS) {
    const [namespace, name] = method.split('.') as [string, string]
    const table = (namespaces[namespace] ??= {})
    table[name] = (input: unknown) => call(namespace, name, input ?? {})
  }
  const client: Record<string, unknown> = { on }
  for (const [namespace, table] of Object.entries(namespaces)) client[namespace] = Object.freeze(table)
  return Object.freeze(client) as unknown as ApiClient
}

export const api: ApiClient = buildClient()

/** A message for a person, from anything a call may throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError) return error.message
  return 'Something went wrong. Nothing was saved.'
}
