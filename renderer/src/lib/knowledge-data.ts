import knowledgeJson from '../../../resources/radio-knowledge/radio-knowledge.json'
import { findRadioGuidance, type RadioGuidance, type RadioQuery } from '../../../shared/knowledge/lookup'
import { parseKnowledgeBase } from '../../../shared/knowledge/parse'
import type { KnowledgeBase } from '../../../shared/knowledge/schema'

/*
 * The radio knowledge base in the renderer, for the vehicle form (it answers
 * while make and year are typed, before anything is saved). The same file and
 * the same lookup main uses. Loaded on demand (lib/knowledge.ts), so it is not
 * part of the first bundle.
 */
export const knowledgeBase: KnowledgeBase = parseKnowledgeBase(knowledgeJson)

export function guidanceFor(query: RadioQuery): RadioGuidance {
  return findRadioGuidance(knowledgeBase, query)
}
