import crypto from 'node:crypto'
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { knowledgeBaseSchema, makeKey } from '../../../shared/knowledge'
import { entryById, loadKnowledge, loadRawKnowledge, reportFile } from './load-knowledge'

/*
 * The data file itself: it parses with the schema, and the properties the
 * product owner asked for hold on every entry (format, sources, confidence,
 * known source ids, unique ids, sane years, every make of the report covered).
 */

const kb = loadKnowledge()
const sourceIds = new Set(kb.sources.map((source) => source.id))

/** Every source id used anywhere outside the sources list. */
function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => refsIn(item, out))
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'sources' && Array.isArray(child)) out.push(...child.filter((id): id is string => typeof id === 'string'))
      else refsIn(child, out)
    }
  }
  return out
}

describe('radio-knowledge.json', () => {
  it('parses with the schema and has the documented top-level fields', () => {
    const raw = loadRawKnowledge()
    expect(knowledgeBaseSchema.safeParse(raw).success).toBe(true)
    expect(kb.version).toBeGreaterThanOrEqual(1)
    expect(kb.$comment).toContain('radio-codes-by-make.md')
    expect(kb.sourceDocument.file).toBe('radio-codes-by-make.md')
    expect(kb.entries.length).toBeGreaterThanOrEqual(40)
  })

  it('gives every "code" entry a code format, sources and a confidence', () => {
    const codeEntries = kb.entries.filter((entry) => entry.behaviour === 'code')
    expect(codeEntries.length).toBeGreaterThan(15)
    for (const entry of codeEntries) {
      expect(entry.codeFormat, entry.id).not.toBeNull()
      expect(entry.codeFormat?.lengths, `${entry.id}: code length`).not.toBeNull()
      expect(entry.sources.length, `${entry.id}: sources`).toBeGreaterThan(0)
      expect(entry.confidence.asStated.length, entry.id).toBeGreaterThan(0)
    }
  })

  it('gives every entry a confidence, and pairs-with-car entries a pairing and no code format', () => {
    for (const entry of kb.entries) {
      expect(entry.confidence.level, entry.id).toBeTruthy()
      if (entry.behaviour === 'pairs-with-car') {
        expect(entry.pairing, entry.id).not.toBeNull()
        expect(entry.codeFormat, entry.id).toBeNull()
      }
      if (entry.behaviour === 'unknown') expect(entry.statusNote, entry.id).toBeTruthy()
    }
  })

  it('only references source ids that exist in the sources list', () => {
    const { sources: _sources, ...rest } = kb
    const refs = refsIn(rest)
    expect(refs.length).toBeGreaterThan(200)
    expect(refs.filter((id) => !sourceIds.has(id))).toEqual([])
  })

  it('lists, on each entry, every source its parts use', () => {
    for (const entry of kb.entries) {
      const { sources, ...parts } = entry
      const declared = new Set(sources)
      expect(refsIn(parts).filter((id) => !declared.has(id)), entry.id).toEqual([])
    }
  })

  it('has unique kebab-case entry ids and unique source ids', () => {
    const ids = kb.entries.map((entry) => entry.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    expect(sourceIds.size).toBe(kb.sources.length)
  })

  it('has sane year ranges (from ≤ to, plausible model years)', () => {
    for (const entry of kb.entries) {
      const years = entry.years
      if (!years) continue
      if (years.from !== null && years.to !== null) expect(years.from, entry.id).toBeLessThanOrEqual(years.to)
      for (const bound of [years.from, years.to]) {
        if (bound !== null) {
          expect(bound, entry.id).toBeGreaterThanOrEqual(1980)
          expect(bound, entry.id).toBeLessThanOrEqual(2030)
        }
      }
      expect(years.asStated.length, entry.id).toBeGreaterThan(0)
    }
  })

  it('covers every make in the report’s quick-reference table and per-make notes', () => {
    const covered = new Set(kb.entries.flatMap((entry) => entry.makes.map(makeKey)))
    const reportMakes = [
      'Honda', 'Acura', 'Chevrolet', 'Pontiac', 'Oldsmobile', 'Buick', 'Cadillac', 'GMC', 'Saturn', 'Geo',
      'Ford', 'Toyota', 'Lexus', 'Volkswagen', 'Audi', 'SEAT', 'Škoda', 'Nissan', 'Chrysler', 'Dodge', 'Jeep',
      'BMW', 'Mercedes-Benz', 'Volvo', 'Subaru', 'Hyundai', 'Kia', 'Mazda', 'Mitsubishi', 'Renault', 'Dacia',
      'Peugeot', 'Citroën', 'Fiat', 'Alfa Romeo', 'Land Rover', 'Jaguar', 'Porsche',
    ]
    expect(reportMakes.filter((make) => !covered.has(makeKey(make)))).toEqual([])
  })

  it('shares one entry between VW, Audi, SEAT and Škoda', () => {
    const vw = entryById(kb, 'vw-audi-seat-skoda-code-radio')
    expect(vw.makes).toEqual(['Volkswagen', 'Audi', 'SEAT', 'Škoda'])
  })

  it('keeps the Honda/Acura code radio and the newer re-pairing units apart', () => {
    const code = entryById(kb, 'honda-acura-code-radio')
    const repair = entryById(kb, 'honda-acura-re-pairing')
    expect(code.behaviour).toBe('code')
    expect(code.codeFormat).toMatchObject({ lengths: [5], allowedDigits: [1, 2, 3, 4, 5, 6] })
    expect(repair.behaviour).toBe('pairs-with-car')
    expect(repair.years).toMatchObject({ from: 2012, approximate: true })
  })

  it('says unknown where the report is unconfirmed instead of inventing a behaviour', () => {
    for (const id of ['subaru', 'kia', 'toyota-us-mainstream', 'nissan-us', 'chrysler-dodge-jeep-non-us']) {
      const entry = entryById(kb, id)
      expect(entry.behaviour, id).toBe('unknown')
      expect(entry.codeFormat, id).toBeNull()
      expect(entry.confidence.level, id).toBe('unconfirmed')
    }
  })

  it('does not list insurers or the unconfirmed Nissan site as channels', () => {
    const channelText = JSON.stringify(kb.entries.flatMap((entry) => entry.channels)).toLowerCase()
    expect(channelText).not.toContain('insur')
    expect(channelText).not.toContain('radio-navicode.nissan.com')
  })

  it('has aliases that point at covered makes', () => {
    const covered = new Set(kb.entries.flatMap((entry) => entry.makes.map(makeKey)))
    expect(kb.makeAliases.length).toBeGreaterThan(0)
    for (const alias of kb.makeAliases) expect(covered.has(makeKey(alias.make)), alias.alias).toBe(true)
  })

  it('carries the proof-of-ownership rules and memory-saver facts', () => {
    expect(kb.proofOfOwnership.byMake.map((item) => item.makes[0])).toEqual(
      expect.arrayContaining(['Honda', 'BMW', 'Hyundai', 'Mitsubishi']),
    )
    expect(kb.memorySavers.connections[0]?.detail).toContain('pin 16')
    expect(kb.memorySavers.makerBatteryProcedures.map((item) => item.makes[0])).toEqual(['Citroën', 'Toyota', 'BMW'])
  })
})

describe.skipIf(!fs.existsSync(reportFile))('radio-knowledge.json against the report', () => {
  const report = fs.existsSync(reportFile) ? fs.readFileSync(reportFile, 'utf8') : ''

  it('was transcribed from this version of the report (update sha256 and re-check the data if it changed)', () => {
    expect(crypto.createHash('sha256').update(report).digest('hex')).toBe(kb.sourceDocument.sha256)
  })

  it('copies each source line verbatim from the report’s Sources section', () => {
    for (const source of kb.sources) {
      expect(report, source.id).toContain(`- [${source.id}] ${source.citation}`)
    }
  })
})
