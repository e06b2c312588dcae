import { describe, expect, it } from 'vitest'
import { findRadioGuidance, modelMatches, type RadioGuidance, type RadioQuery } from '../../../shared/knowledge'
import { loadKnowledge } from './load-knowledge'

/* findRadioGuidance: forgiving make matching, year and model limits, and explicit "cannot tell" answers. */

const kb = loadKnowledge()
const find = (query: RadioQuery) => findRadioGuidance(kb, query)

function ids(result: RadioGuidance): string[] {
  switch (result.kind) {
    case 'match':
      return [result.entry.id]
    case 'several':
    case 'no-year':
      return result.candidates.map((candidate) => candidate.entry.id)
    default:
      return []
  }
}

describe('findRadioGuidance: makes', () => {
  it('ignores case, accents, spaces and punctuation', () => {
    for (const make of ['Škoda', 'skoda', 'SKODA', ' Skoda ']) {
      const result = find({ make, year: 1995 })
      expect(result.kind).toBe('several')
      expect(ids(result)).toContain('vw-audi-seat-skoda-code-radio')
      if (result.kind === 'several') expect(result.make).toBe('Škoda')
    }
    expect(ids(find({ make: 'citroen', year: 1995 }))).toContain('peugeot-citroen-europe')
    expect(ids(find({ make: 'land-rover', model: 'Range Rover' }))).toEqual(['land-rover'])
    expect(ids(find({ make: 'alfa romeo', year: 2005 }))).toEqual(['fiat-alfa-code-radio'])
  })

  it('knows VW = Volkswagen, Mercedes = Mercedes-Benz, Chevy = Chevrolet', () => {
    expect(ids(find({ make: 'VW', year: 1995 }))).toEqual(ids(find({ make: 'Volkswagen', year: 1995 })))
    expect(ids(find({ make: 'vw', year: 1995 }))).toContain('vw-audi-seat-skoda-code-radio')
    expect(ids(find({ make: 'Mercedes', year: 1995 }))).toEqual(ids(find({ make: 'Mercedes-Benz', year: 1995 })))
    expect(ids(find({ make: 'mercedes benz', year: 1995 }))).toContain('mercedes-becker-1980s-1990s')
    const chevy = find({ make: 'Chevy', year: 2005 })
    expect(chevy.kind).toBe('match')
    if (chevy.kind === 'match') {
      expect(chevy.make).toBe('Chevrolet')
      expect(chevy.entry.id).toBe('gm-theftlock-vin-paired')
    }
    expect(ids(find({ make: 'Olds', year: 1995 }))).toEqual(ids(find({ make: 'Oldsmobile', year: 1995 })))
  })

  it('covers the GM makes the report lists under GM', () => {
    for (const make of ['Pontiac', 'Buick', 'Cadillac', 'GMC', 'Geo', 'Saturn']) {
      expect(ids(find({ make, year: 1995 })), make).toContain('gm-delco-loc')
    }
  })

  it('answers unknown-make for makes the report does not cover, never a guess', () => {
    const result = find({ make: 'Tesla', year: 2020 })
    expect(result.kind).toBe('unknown-make')
    if (result.kind === 'unknown-make') {
      expect(result.make).toBe('Tesla')
      expect(result.explanation).toContain('Tesla')
      expect(result.knownMakes).toContain('Honda')
    }
    expect(find({ make: 'Volkswagon' }).kind).toBe('unknown-make')
  })

  it('refuses an empty make or an impossible year', () => {
    expect(find({ make: '  ' }).kind).toBe('invalid-query')
    expect(find({ make: 'Honda', year: 95 }).kind).toBe('invalid-query')
    expect(find({ make: 'Honda', year: 2005.5 }).kind).toBe('invalid-query')
  })
})

describe('findRadioGuidance: years', () => {
  it('asks for the year when the make’s entries depend on it', () => {
    const result = find({ make: 'Honda' })
    expect(result.kind).toBe('no-year')
    if (result.kind === 'no-year') {
      expect(ids(result)).toEqual(['honda-acura-re-pairing', 'honda-acura-code-radio', 'honda-acura-navigation'])
      expect(result.explanation).toContain('model year')
    }
    expect(find({ make: 'BMW' }).kind).toBe('no-year')
    expect(find({ make: 'Mitsubishi' }).kind).toBe('no-year')
  })

  it('does not ask for the year when nothing for the make depends on it', () => {
    expect(find({ make: 'Hyundai' }).kind).toBe('match')
    expect(find({ make: 'Subaru' }).kind).toBe('match')
  })

  it('respects the Honda re-pairing boundary (~2012)', () => {
    expect(ids(find({ make: 'Honda', year: 2011 }))).toEqual(['honda-acura-code-radio', 'honda-acura-navigation'])
    const newer = find({ make: 'Acura', year: 2012 })
    expect(newer.kind).toBe('several')
    if (newer.kind === 'several') {
      // The report: try the power-button re-pair first on ~2012+ units, then look for a code.
      expect(ids(newer)).toEqual(['honda-acura-re-pairing', 'honda-acura-code-radio', 'honda-acura-navigation'])
      expect(newer.distinguishBy).toEqual(expect.arrayContaining(['era', 'audio-system']))
    }
  })

  it('respects the Mercedes 2000s / after-2010 boundary', () => {
    expect(ids(find({ make: 'Mercedes-Benz', year: 2009 }))).toEqual(['mercedes-2000s-code-radio', 'mercedes-audio-30-aps'])
    expect(ids(find({ make: 'Mercedes-Benz', year: 2010 }))).toEqual(['mercedes-audio-30-aps', 'mercedes-post-2010-protection'])
    expect(ids(find({ make: 'Mercedes-Benz', year: 1999 }))).toEqual(['mercedes-becker-1980s-1990s', 'mercedes-audio-30-aps'])
  })

  it('returns both GM generations where the change-over is unconfirmed, and only Theftlock later', () => {
    const overlap = find({ make: 'Chevrolet', year: 1996 })
    expect(ids(overlap)).toEqual(['gm-delco-loc', 'gm-theftlock-vin-paired'])
    if (overlap.kind === 'several') expect(overlap.distinguishBy).toContain('era')
    expect(ids(find({ make: 'Chevrolet', year: 2000 }))).toEqual(['gm-theftlock-vin-paired'])
    expect(ids(find({ make: 'Chevrolet', year: 1999 }))).toEqual(['gm-delco-loc', 'gm-theftlock-vin-paired'])
  })

  it('says no entry when the year is outside everything the report covers for the make', () => {
    const result = find({ make: 'Mitsubishi', year: 2015 })
    expect(result.kind).toBe('no-entry')
    if (result.kind === 'no-entry') {
      expect(result.reason).toBe('year')
      expect(result.others.map((entry) => entry.id)).toEqual(['mitsubishi-code-radio'])
      expect(result.explanation).toContain('2015')
    }
    expect(find({ make: 'Fiat', year: 2015 }).kind).toBe('no-entry')
  })

  it('treats year bounds as inclusive', () => {
    expect(find({ make: 'Mitsubishi', year: 1990 }).kind).toBe('match')
    expect(find({ make: 'Mitsubishi', year: 2009 }).kind).toBe('match')
    expect(find({ make: 'Mitsubishi', year: 1989 }).kind).toBe('no-entry')
    expect(find({ make: 'Mitsubishi', year: 2010 }).kind).toBe('no-entry')
  })
})

describe('findRadioGuidance: models, markets and audio systems', () => {
  it('uses models the report ties entries to', () => {
    expect(ids(find({ make: 'Volvo', model: '850 GLT' }))).toEqual(['volvo-850-s70', 'volvo-later-vida'])
    expect(ids(find({ make: 'Volvo', model: '940 Turbo' }))).toEqual(['volvo-700-900', 'volvo-later-vida'])
    expect(ids(find({ make: 'Volvo', model: 'XC90' }))).toEqual(['volvo-later-vida'])
    expect(ids(find({ make: 'Nissan', model: 'x trail' }))[0]).toBe('nissan-nats-audio-link')
    expect(ids(find({ make: 'Nissan', model: 'Micra' }))).not.toContain('nissan-nats-audio-link')
  })

  it('says when the make is covered but not the model', () => {
    const result = find({ make: 'Land Rover', model: 'Defender' })
    expect(result.kind).toBe('no-entry')
    if (result.kind === 'no-entry') {
      expect(result.reason).toBe('model')
      expect(result.others.map((entry) => entry.id)).toEqual(['land-rover'])
    }
  })

  it('lists what must be confirmed when the only entry is limited', () => {
    const result = find({ make: 'Vauxhall', model: 'Astra', year: 2006 })
    expect(result.kind).toBe('match')
    if (result.kind === 'match') {
      expect(result.entry.id).toBe('opel-vauxhall-cd400')
      expect(result.mustConfirm.join(' ')).toContain('CD400')
      expect(result.explanation).toContain('applies only if')
    }
    const ford = find({ make: 'Ford', year: 2022 })
    expect(ford.kind).toBe('match')
    if (ford.kind === 'match') expect(ford.mustConfirm).toEqual(['The car is a US-market car.'])
  })

  it('returns several candidates split by market instead of picking one', () => {
    const result = find({ make: 'Ford', year: 2005 })
    expect(result.kind).toBe('several')
    if (result.kind === 'several') {
      expect(ids(result)).toEqual(['ford-europe', 'ford-us'])
      expect(result.distinguishBy).toContain('market')
      expect(result.explanation).toContain('market')
    }
  })

  it('mentions non-high confidence in the candidate notes', () => {
    const result = find({ make: 'Kia', year: 2010 })
    expect(result.kind).toBe('match')
    if (result.kind === 'match') expect(result.why.join(' ')).toContain('unconfirmed')
  })
})

describe('modelMatches', () => {
  it('matches whole words, ignoring case and punctuation', () => {
    expect(modelMatches('X-Trail', 'XTRAIL')).toBe(true)
    expect(modelMatches('Range Rover', 'Range Rover Sport')).toBe(true)
    expect(modelMatches('S70', 'S70 T5')).toBe(true)
    expect(modelMatches('S70', 'S7')).toBe(false)
    expect(modelMatches('850', '8500')).toBe(false)
    expect(modelMatches('E46', '330i (E46)')).toBe(true)
  })

  it('reads "700 series" as the three-digit 7xx models', () => {
    expect(modelMatches('700 series', '740 GL')).toBe(true)
    expect(modelMatches('700 series', '700 Series')).toBe(true)
    expect(modelMatches('900 series', '850')).toBe(false)
  })
})
