import { computeCheckDigit } from '../../shared/domain/vin'
import { BUSINESS_SUFFIXES, BUSINESS_WORDS, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, MAKES, STATES, type MakeInfo, type StateInfo } from './catalog'
import type { Rng } from './prng'

/*
 * One realistic record at a time: a person with phones as people write them,
 * a plate in the state's pattern, a VIN with a correct check digit and model
 * year code, a radio serial and a code in the make's format.
 */

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'
const VIN_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ'
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789'
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ'
const ALNUM = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'

/** The shop's own state (most customers) and the others by weight. */
export function pickState(rng: Rng): StateInfo {
  return rng.weighted(STATES.map((s) => [s, s.weight] as const))
}

export function pickMake(rng: Rng): MakeInfo {
  return rng.weighted(MAKES.map((m) => [m, m.weight] as const))
}

/** Fills a pattern: L letter, D digit, A letter or digit; anything else is kept. */
export function fillPattern(rng: Rng, pattern: string): string {
  let out = ''
  for (const ch of pattern) {
    if (ch === 'L') out += rng.chars(LETTERS, 1)
    else if (ch === 'D') out += rng.digits(1)
    else if (ch === 'A') out += rng.chars(ALNUM, 1)
    else out += ch
  }
  return out
}

export interface PersonRecord {
  readonly name: string
  readonly email: string
  readonly language: 'en' | 'es'
  readonly phones: readonly { readonly label: string; readonly number: string }[]
}

const SPANISH_FIRST = new Set(['José', 'María', 'Juan', 'Guadalupe', 'Luis', 'Rosa', 'Carlos', 'Ana', 'Jesús', 'Lucía', 'Miguel', 'Sofía', 'Alejandro', 'Verónica', 'Ramón', 'Inés', 'Andrés', 'Mónica', 'Héctor', 'Raúl'])

function asciiFold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
}

/** A US phone number in one of the ways people write them at the counter. */
export function makePhone(rng: Rng, state: StateInfo): string {
  const area = rng.pick(state.areaCodes)
  const exchange = String(rng.int(201, 989))
  const line = rng.digits(4)
  switch (rng.int(0, 9)) {
    case 0:
    case 1:
    case 2:
      return `(${area}) ${exchange}-${line}`
    case 3:
    case 4:
    case 5:
      return `${area}-${exchange}-${line}`
    case 6:
      return `${area}.${exchange}.${line}`
    case 7:
      return `+1 ${area} ${exchange} ${line}`
    case 8:
      return `${area}${exchange}${line}`
    default:
      return `1-${area}-${exchange}-${line}`
  }
}

export function makePerson(rng: Rng, state: StateInfo): PersonRecord {
  let name: string
  let first = ''
  let last = ''
  if (rng.chance(0.04)) {
    name = `${rng.pick(LAST_NAMES)} ${rng.pick(BUSINESS_WORDS)} ${rng.pick(BUSINESS_SUFFIXES)}`
  } else {
    first = rng.pick(FIRST_NAMES)
    last = rng.pick(LAST_NAMES)
    if (rng.chance(0.06)) last = `${last}-${rng.pick(LAST_NAMES)}`
    const middle = rng.chance(0.08) ? ` ${rng.chars(LETTERS, 1)}.` : ''
    name = `${first}${middle} ${last}`
  }
  const email = rng.chance(0.45)
    ? `${asciiFold(first || name).slice(0, 12)}${rng.chance(0.5) ? '.' : ''}${asciiFold(last).slice(0, 12)}${rng.chance(0.4) ? rng.int(1, 99) : ''}@${rng.pick(EMAIL_DOMAINS)}`
    : ''
  const count = rng.weighted([
    [0, 3],
    [1, 67],
    [2, 25],
    [3, 5],
  ] as const)
  const phones = []
  for (let i = 0; i < count; i += 1) phones.push({ label: rng.pick(['mobile', 'home', 'work'] as const), number: makePhone(rng, state) })
  return { name, email, language: SPANISH_FIRST.has(first) && rng.chance(0.5) ? 'es' : 'en', phones }
}

export function makePlate(rng: Rng, state: StateInfo): string {
  return fillPattern(rng, rng.pick(state.plates))
}

/**
 * A 17-character VIN for this make and model year with a correct check
 * digit. `sequence` (0 ≤ sequence < 1,000,000) fills positions 12–17 through
 * a bijection, so VINs never repeat within a run.
 */
export function makeVin(rng: Rng, make: MakeInfo, year: number, sequence: number): string {
  const wmi = rng.pick(make.wmis)
  // Positions 4–8 (vehicle descriptor); position 7 a letter from 2010 on, a digit before (the rule the app's year check reads).
  const vds = rng.chars(VIN_CHARS, 3) + (year >= 2010 ? rng.chars(VIN_LETTERS, 1) : rng.digits(1)) + rng.chars(VIN_CHARS, 1)
  const yearCode = YEAR_CODES.charAt((year - 1980) % 30)
  const plant = rng.chars(VIN_LETTERS, 1)
  const serial = String((sequence * 7919 + 104729) % 1_000_000).padStart(6, '0')
  const draft = `${wmi}${vds}0${yearCode}${plant}${serial}`
  const check = computeCheckDigit(draft)
  if (check === null) throw new Error(`bad VIN draft ${draft}`)
  return draft.slice(0, 8) + check + draft.slice(9)
}

export function makeSerial(rng: Rng, make: MakeInfo): string {
  return fillPattern(rng, rng.pick(make.serials))
}

export function makeCode(rng: Rng, make: MakeInfo): string {
  return rng.chars(make.code.digits, make.code.length)
}
