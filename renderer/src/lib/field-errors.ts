import type { FieldProblem } from '../../../shared/api/errors'

/**
 * Main's field problems filed under a form's own keys: `keyOf` names the box
 * for a problem's path (or the form as a whole). The first message for a box
 * wins, so each box shows one sentence.
 */
export function firstMessageByKey<K extends string>(fields: readonly FieldProblem[], keyOf: (path: string) => K): Partial<Record<K, string>> {
  const messages: Partial<Record<K, string>> = {}
  for (const field of fields) messages[keyOf(field.path)] ??= field.message
  return messages
}
