import type { z } from 'zod'
import { knowledgeBaseSchema, type KnowledgeBase } from './schema'

/** Thrown when the knowledge-base JSON does not match the schema; `problems` has one line per issue. */
export class KnowledgeBaseError extends Error {
  readonly problems: readonly string[]

  constructor(problems: readonly string[]) {
    const shown = problems.slice(0, 20)
    const more = problems.length > shown.length ? `\n- …and ${problems.length - shown.length} more` : ''
    super(`The radio knowledge base is invalid:\n- ${shown.join('\n- ')}${more}`)
    this.name = 'KnowledgeBaseError'
    this.problems = problems
  }
}

function child(value: unknown, key: PropertyKey): unknown {
  if (value === null || typeof value !== 'object') return undefined
  return (value as Record<PropertyKey, unknown>)[key]
}

/** "entry "honda-acura-code-radio" (entries[3]) › codeFormat.lengths[0]" for an issue path. */
function describePath(json: unknown, path: readonly PropertyKey[]): string {
  const [top, index, ...rest] = path
  const tail = (keys: readonly PropertyKey[]) =>
    keys.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('')

  if ((top === 'entries' || top === 'sources') && typeof index === 'number') {
    const item = child(child(json, top), index)
    const id = child(item, 'id')
    const what = top === 'entries' ? 'entry' : 'source'
    const name = typeof id === 'string' ? `${what} "${id}" (${top}[${index}])` : `${what} ${top}[${index}]`
    return rest.length > 0 ? `${name} › ${tail(rest)}` : name
  }
  return path.length > 0 ? tail(path) : '(top level)'
}

function describeIssue(json: unknown, issue: z.core.$ZodIssue): string {
  return `${describePath(json, issue.path)}: ${issue.message}`
}

/**
 * Validates the radio knowledge base (the parsed JSON of
 * resources/radio-knowledge/radio-knowledge.json). Returns it typed, or throws
 * a KnowledgeBaseError whose message names each offending entry by id.
 */
export function parseKnowledgeBase(json: unknown): KnowledgeBase {
  const result = knowledgeBaseSchema.safeParse(json)
  if (result.success) return result.data
  throw new KnowledgeBaseError(result.error.issues.map((issue) => describeIssue(json, issue)))
}
