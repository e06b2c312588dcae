import type { z } from 'zod'
import { AppError } from '../../../shared/api/errors'

/**
 * Validates a service input with its shared schema (the IPC router already
 * did, but services are also called directly). Messages never echo the input,
 * which may hold a PIN or a code.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const fields = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
  throw new AppError('VALIDATION', fields[0]?.message ?? 'Some fields are not valid.', fields)
}
