/**
 * Radio anti-theft knowledge base: schema and pure rules. The data lives in
 * resources/radio-knowledge/radio-knowledge.json and is passed in (main reads
 * the file and calls parseKnowledgeBase); nothing here reads files.
 */
export * from './schema'
export { parseKnowledgeBase, KnowledgeBaseError } from './parse'
export {
  findRadioGuidance,
  modelMatches,
  resolveMake,
  knownMakes,
  yearInRange,
  describeYears,
  type RadioQuery,
  type RadioGuidance,
  type GuidanceCandidate,
  type Distinction,
} from './lookup'
export { summarizeGuidance } from './summarize'
export { checkCodeFormat, normalizeCode, type CodeFormatCheck } from './code-format'
