import { describe, expect, it } from 'vitest'
import { KnowledgeBaseError, parseKnowledgeBase } from '../../../shared/knowledge'
import { loadRawKnowledge } from './load-knowledge'

/* parseKnowledgeBase: invalid data is refused with a message naming the entry. */

type RawEntry = Record<string, unknown> & { id: string; codeFormat: Record<string, unknown> | null }

function withEntry(id: string, change: (entry: RawEntry) => void) {
  const raw = loadRawKnowledge()
  const entry = raw.entries.find((item) => item.id === id) as RawEntry | undefined
  if (!entry) throw new Error(`no entry ${id}`)
  change(entry)
  return raw
}

function messageOf(json: unknown): string {
  try {
    parseKnowledgeBase(json)
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeBaseError)
    return (error as Error).message
  }
  throw new Error('expected parseKnowledgeBase to throw')
}

describe('parseKnowledgeBase', () => {
  it('returns the typed knowledge base for the real data', () => {
    const kb = parseKnowledgeBase(loadRawKnowledge())
    expect(kb.entries[0]?.id).toBeTruthy()
  })

  it('rejects things that are not a knowledge base', () => {
    expect(messageOf(null)).toContain('invalid')
    expect(messageOf({ entries: [] })).toContain('invalid')
  })

  it('names the entry whose field has the wrong type', () => {
    const json = withEntry('ford-europe', (entry) => {
      entry.codeFormat = { ...entry.codeFormat, lengths: ['four'] }
    })
    const message = messageOf(json)
    expect(message).toMatch(/entry "ford-europe" \(entries\[\d+\]\) › codeFormat\.lengths\[0\]/)
  })

  it('names the entry with an unknown confidence level or behaviour', () => {
    expect(messageOf(withEntry('bmw-code-radio', (entry) => (entry.confidence = { level: 'certain', asStated: 'x' })))).toContain(
      'entry "bmw-code-radio"',
    )
    expect(messageOf(withEntry('kia', (entry) => (entry.behaviour = 'maybe'))))
      .toContain('entry "kia"')
  })

  it('refuses a code entry without a code format', () => {
    const message = messageOf(withEntry('hyundai-code-radio', (entry) => (entry.codeFormat = null)))
    expect(message).toContain('entry "hyundai-code-radio"')
    expect(message).toContain('needs a codeFormat')
  })

  it('refuses an unknown source id, naming the entry', () => {
    const message = messageOf(withEntry('volvo-850-s70', (entry) => (entry.sources = [...(entry.sources as string[]), 'S999'])))
    expect(message).toContain('entry "volvo-850-s70"')
    expect(message).toContain('Unknown source id S999')
  })

  it('refuses a source used in an entry part but missing from the entry’s sources', () => {
    const message = messageOf(withEntry('porsche', (entry) => (entry.sources = [])))
    expect(message).toContain('entry "porsche"')
    expect(message).toContain('missing from its sources list')
  })

  it('refuses duplicate entry ids', () => {
    const raw = loadRawKnowledge()
    const copy = { ...raw.entries[1], id: raw.entries[0]?.id }
    raw.entries.push(copy)
    expect(messageOf(raw)).toContain('is used twice')
  })

  it('refuses a year range that runs backwards', () => {
    const message = messageOf(
      withEntry('mitsubishi-code-radio', (entry) => (entry.years = { from: 2009, to: 1990, approximate: true, asStated: 'x' })),
    )
    expect(message).toContain('entry "mitsubishi-code-radio"')
    expect(message).toContain('runs backwards')
  })

  it('refuses keys the schema does not know (typos)', () => {
    const message = messageOf(withEntry('jaguar', (entry) => (entry.confidance = entry.confidence)))
    expect(message).toContain('entry "jaguar"')
  })

  it('refuses an alias pointing at a make no entry covers', () => {
    const raw = loadRawKnowledge()
    ;(raw.makeAliases as unknown[]).push({ alias: 'Beemer', make: 'Bavaria' })
    expect(messageOf(raw)).toContain('Alias "Beemer"')
  })
})
