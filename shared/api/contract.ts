import { z } from 'zod'
import { newCustomerSchema, type Customer, type CustomerSummary } from '../domain/customer'
import { shopSettingsSchema, type ShopSettings } from '../domain/shop'
import type { AppStatus } from '../domain/app-status'
import type { PrinterInfo, PrintOutcome } from '../domain/printing'
import type { ApiResult } from './errors'
import { API_METHODS, type ApiMethodName } from './methods'

/**
 * Declares one method: its input schema, and (as a type only) its output.
 * The `output` field is never read at run time; it carries the type.
 */
function method<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output })
}

const noInput = z.object({}).strict()
const idInput = z.object({ id: z.number().int().positive() }).strict()

/**
 * THE contract: every renderer-to-main call, declared once.
 *
 * The preload, the main-process router, the handler tables and the renderer
 * client are all derived from this object.
 */
export const apiContract = {
  'app.status': method<AppStatus>()(noInput),
  'customers.create': method<Customer>()(newCustomerSchema.strict()),
  'customers.get': method<Customer>()(idInput),
  'customers.list': method<readonly CustomerSummary[]>()(
    z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
  ),
  'settings.getShop': method<ShopSettings>()(noInput),
  'settings.updateShop': method<ShopSettings>()(shopSettingsSchema.strict()),
  'printing.listPrinters': method<readonly PrinterInfo[]>()(noInput),
  'printing.printTestPage': method<PrintOutcome>()(
    z.object({ printerName: z.string().max(200).nullable().default(null) }).strict(),
  ),
} as const

export type ApiContract = typeof apiContract
export type ApiMethod = keyof ApiContract
/** What the renderer passes (defaults may be left out). */
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>
/** What a handler receives: validated, defaults filled in. */
export type ApiParsedInput<M extends ApiMethod> = z.output<ApiContract[M]['input']>
export type ApiOutput<M extends ApiMethod> = ApiContract[M]['output']

// Compile-time proof that methods.ts lists exactly the contract's methods.
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const methodListMatchesContract: Equal<ApiMethod, ApiMethodName> = true
void methodListMatchesContract
void API_METHODS

type Namespace<M extends string> = M extends `${infer N}.${string}` ? N : never

/**
 * The object the preload (or the browser-preview bridge) puts on `window.api`:
 * `api.customers.create(input)` resolves to an ApiResult envelope.
 */
export type ApiBridge = {
  readonly [N in Namespace<ApiMethod>]: {
    readonly [M in ApiMethod as M extends `${N}.${infer F}` ? F : never]: (
      input: ApiInput<M>,
    ) => Promise<ApiResult<ApiOutput<M>>>
  }
} & {
  /** Subscribe to a main-to-renderer event; returns the unsubscribe function. */
  readonly on: (event: import('./methods').ApiEventName, listener: (payload: unknown) => void) => () => void
}
