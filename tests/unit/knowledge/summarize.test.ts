import { describe, expect, it } from 'vitest'
import { summarizeGuidance } from '../../../shared/knowledge'
import { entryById, loadKnowledge } from './load-knowledge'

/* summarizeGuidance: one line per entry, built only from the entry. */

const kb = loadKnowledge()
const line = (id: string) => summarizeGuidance(entryById(kb, id))

describe('summarizeGuidance', () => {
  it('describes a code radio with its format and how to show the serial', () => {
    expect(line('honda-acura-code-radio')).toBe(
      'Honda/Acura radio (1990s to late 2000s): 5-digit code, digits 1–6; serial shows with presets 1+6',
    )
    expect(line('renault-dacia-code-radio')).toBe(
      'Renault/Dacia radio (1990s–2010s): 4-digit code, digits 0–9; pre-code shows with presets 1+6 for ~2 s',
    )
  })

  it('gives several lengths and the confidence when it is not high', () => {
    expect(line('volvo-700-900')).toBe('Volvo 700/900-series radio: 4- or 6-digit code (medium confidence)')
    expect(line('jaguar')).toBe('Jaguar radio: 4- or 5-digit code (medium-low confidence)')
    expect(line('bmw-code-radio')).toBe('BMW radio (1980s–1990s (E30/E34/E36 era)): 5-digit code, digits 1–6 (medium-high confidence)')
  })

  it('says when no code is needed because the radio pairs with the car', () => {
    expect(line('gm-theftlock-vin-paired')).toBe('GM Theftlock (VIN-paired) radio (late 1990s onward): no code: the radio pairs with the car')
    expect(line('nissan-nats-audio-link')).toBe('Nissan NATS-linked audio: no code: the radio pairs with the car')
  })

  it('says when a code exists only if the owner set one', () => {
    expect(line('lexus-toyota-owner-set')).toBe(
      'Lexus/Toyota owner-set audio code: locked only if the owner set a code (3-digit code) (medium-low confidence)',
    )
    expect(line('gm-delco-loc')).toBe(
      'GM Delco LOC radio (roughly late 1980s to the 1990s): locked only if the owner set a code; radio display code shows with presets 2+3',
    )
  })

  it('says unknown, with what the report does say', () => {
    expect(line('subaru')).toBe(
      'Subaru: unknown — No factory audio PIN for US-market Subarus was found in owner’s-manual or service material (unconfirmed)',
    )
    expect(line('ford-us')).toBe('Ford (US) radio: unknown — US-market Ford radios are usually reported as code-free (low confidence)')
  })

  it('keeps conditions the report attaches to a code', () => {
    expect(line('mercedes-audio-30-aps')).toContain('only if anti-theft protection was activated by tester')
  })

  it('produces a single non-empty line for every entry', () => {
    for (const entry of kb.entries) {
      const summary = summarizeGuidance(entry)
      expect(summary.startsWith(entry.label), entry.id).toBe(true)
      expect(summary, entry.id).not.toContain('\n')
      expect(summary.length, entry.id).toBeLessThan(260)
    }
  })
})
