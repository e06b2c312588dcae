import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseKnowledgeBase, type KnowledgeBase, type KnowledgeEntry } from '../../../shared/knowledge'

const here = path.dirname(fileURLToPath(import.meta.url))
export const repoRoot = path.resolve(here, '../../..')
export const knowledgeFile = path.join(repoRoot, 'resources/radio-knowledge/radio-knowledge.json')
/** The research report the data was transcribed from; it lives beside the repo and may be absent. */
export const reportFile = path.resolve(repoRoot, '../shared/docs/radio-codes-by-make.md')

/** The JSON as written (a fresh copy each call, safe to mutate). */
export function loadRawKnowledge(): Record<string, unknown> & { entries: Record<string, unknown>[] } {
  return JSON.parse(fs.readFileSync(knowledgeFile, 'utf8'))
}

let cached: KnowledgeBase | undefined
export function loadKnowledge(): KnowledgeBase {
  cached ??= parseKnowledgeBase(loadRawKnowledge())
  return cached
}

export function entryById(kb: KnowledgeBase, id: string): KnowledgeEntry {
  const entry = kb.entries.find((item) => item.id === id)
  if (!entry) throw new Error(`No entry ${id}`)
  return entry
}
