import { makeKey, type KnowledgeBase, type KnowledgeEntry, type YearRange } from './schema'

/*
 * Finds the knowledge-base entries that apply to a vehicle. It never guesses:
 * when the report's entries cannot be told apart with what is known (market,
 * audio system, uncertain change-over years...), every candidate comes back
 * with what would separate them.
 */

export interface RadioQuery {
  readonly make: string
  readonly model?: string | null
  /** Model year. */
  readonly year?: number | null
}

export interface GuidanceCandidate {
  readonly entry: KnowledgeEntry
  /**
   * What the desk must check on the car before relying on this entry: the
   * market, audio system or models it is limited to (when the query did not
   * already establish them). Empty when nothing limits it.
   */
  readonly mustConfirm: readonly string[]
  /** Context: how the model and year fit, and the entry's confidence when not high. */
  readonly why: readonly string[]
}

/** What would tell several candidates apart. */
export type Distinction = 'market' | 'audio-system' | 'model' | 'era'

export type RadioGuidance =
  | { readonly kind: 'invalid-query'; readonly explanation: string }
  | {
      readonly kind: 'unknown-make'
      readonly make: string
      readonly explanation: string
      /** The makes the knowledge base does cover, sorted. */
      readonly knownMakes: readonly string[]
    }
  | ({
      /** Exactly one entry fits. It may still be limited (see mustConfirm): the report might cover only one audio system or market for this make. */
      readonly kind: 'match'
      /** The make as the knowledge base spells it. */
      readonly make: string
      readonly explanation: string
    } & GuidanceCandidate)
  | {
      readonly kind: 'several'
      readonly make: string
      readonly candidates: readonly GuidanceCandidate[]
      readonly distinguishBy: readonly Distinction[]
      readonly explanation: string
    }
  | {
      /** The year was not given and the report's guidance for this make depends on it. */
      readonly kind: 'no-year'
      readonly make: string
      readonly candidates: readonly GuidanceCandidate[]
      readonly explanation: string
    }
  | {
      /** The make is covered, but no entry fits this model or year. */
      readonly kind: 'no-entry'
      readonly make: string
      readonly reason: 'model' | 'year'
      /** The make's entries that were ruled out. */
      readonly others: readonly KnowledgeEntry[]
      readonly explanation: string
    }

// ---------------------------------------------------------------------------
// Matching helpers

function tokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((token) => token.length > 0)
}

/**
 * Whether a model the user typed is one an entry names. Case, accents and
 * punctuation are ignored ("x trail" = "X-Trail"); the entry's model must
 * appear as whole words ("Range Rover Sport" matches "Range Rover"). "700
 * series" matches any three-digit model starting with 7 ("740", "760").
 */
export function modelMatches(entryModel: string, userModel: string): boolean {
  const wanted = tokens(entryModel)
  const given = tokens(userModel)
  if (wanted.length === 0 || given.length === 0) return false

  const series = /^(\d)00 SERIES$/.exec(wanted.join(' '))
  if (series && given.some((token) => token.length === 3 && /^\d{3}$/.test(token) && token[0] === series[1])) return true

  const target = wanted.join('')
  for (let start = 0; start < given.length; start += 1) {
    let joined = ''
    for (let end = start; end < given.length && joined.length < target.length; end += 1) {
      joined += given[end]
      if (joined === target) return true
    }
  }
  return false
}

export function yearInRange(year: number, range: YearRange | null): boolean {
  if (!range) return true
  return (range.from === null || year >= range.from) && (range.to === null || year <= range.to)
}

function hasYearBounds(entry: KnowledgeEntry): boolean {
  return entry.years !== null && (entry.years.from !== null || entry.years.to !== null)
}

/** "1990s to late 2000s (approximate)" etc. */
export function describeYears(range: YearRange | null): string | null {
  if (!range) return null
  if (range.from === null && range.to === null) return range.asStated
  return range.approximate ? `${range.asStated} (approximate)` : range.asStated
}

function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/** Resolves what the user typed to the make as the entries spell it, through aliases. */
export function resolveMake(kb: KnowledgeBase, make: string): string | null {
  const key = makeKey(make)
  if (key.length === 0) return null
  const alias = kb.makeAliases.find((item) => makeKey(item.alias) === key)
  const wanted = alias ? makeKey(alias.make) : key
  for (const entry of kb.entries) {
    const found = entry.makes.find((candidate) => makeKey(candidate) === wanted)
    if (found) return found
  }
  return null
}

/** All makes the knowledge base covers, sorted. */
export function knownMakes(kb: KnowledgeBase): string[] {
  return [...new Set(kb.entries.flatMap((entry) => entry.makes))].sort((a, b) => a.localeCompare(b))
}

function candidateFor(entry: KnowledgeEntry, query: { model: string | null; year: number | null }): GuidanceCandidate {
  const mustConfirm: string[] = []
  const why: string[] = []
  if (entry.market) mustConfirm.push(`The car is a ${entry.market}-market car.`)
  if (entry.audioSystem) mustConfirm.push(`The car has this audio system: ${entry.audioSystem}.`)
  if (entry.models) {
    const matched = query.model ? entry.models.filter((model) => modelMatches(model, query.model ?? '')) : []
    if (matched.length > 0) why.push(`The report ties this entry to the ${listText(matched)}.`)
    else mustConfirm.push(`The car is one of these models: ${listText(entry.models)}.`)
  }
  const years = describeYears(entry.years)
  if (years) {
    if (query.year !== null && hasYearBounds(entry)) why.push(`${query.year} falls within: ${years}.`)
    else why.push(`Years: ${years}.`)
  }
  if (entry.confidence.level !== 'high') why.push(`Confidence: ${entry.confidence.level} (${entry.confidence.asStated}).`)
  return { entry, mustConfirm, why }
}

const DISTINCTION_TEXT: Record<Distinction, string> = {
  market: 'the market the car was sold in',
  'audio-system': 'the audio system fitted',
  model: 'the model',
  era: 'the radio generation (the report gives only approximate or unconfirmed change-over years)',
}

function distinctions(entries: readonly KnowledgeEntry[], modelGiven: boolean): Distinction[] {
  const out: Distinction[] = []
  if (new Set(entries.map((entry) => entry.market ?? '')).size > 1) out.push('market')
  if (new Set(entries.map((entry) => entry.audioSystem ?? '')).size > 1) out.push('audio-system')
  if (!modelGiven && entries.some((entry) => entry.models !== null)) out.push('model')
  if (entries.filter(hasYearBounds).length >= 2) out.push('era')
  return out
}

function vehicleText(make: string, model: string | null, year: number | null): string {
  return [year === null ? null : String(year), make, model].filter((part) => part !== null).join(' ')
}

// ---------------------------------------------------------------------------

/**
 * The knowledge-base guidance for a vehicle. Make matching ignores case,
 * accents and punctuation and knows the aliases in the data ("VW",
 * "Mercedes", "Chevy"...). Model years are respected; entries whose years the
 * report does not bound stay in. Never picks between entries it cannot tell
 * apart: returns 'several' (or 'no-year' when the year would help) instead.
 */
export function findRadioGuidance(kb: KnowledgeBase, query: RadioQuery): RadioGuidance {
  const typedMake = query.make.trim()
  if (typedMake.length === 0) return { kind: 'invalid-query', explanation: 'Enter the make to look up radio guidance.' }
  const year = query.year ?? null
  if (year !== null && (!Number.isInteger(year) || year < 1900 || year > 2100)) {
    return { kind: 'invalid-query', explanation: `“${String(year)}” is not a model year.` }
  }
  const model = query.model?.trim() ? query.model.trim() : null

  const make = resolveMake(kb, typedMake)
  if (!make) {
    return {
      kind: 'unknown-make',
      make: typedMake,
      knownMakes: knownMakes(kb),
      explanation: `The radio code report does not cover “${typedMake}”, so there is no guidance: treat the radio as unknown.`,
    }
  }

  const forMake = kb.entries.filter((entry) => entry.makes.some((name) => makeKey(name) === makeKey(make)))

  // Model: entries tied to models drop out when the model is known and is not one of them.
  let kept = model ? forMake.filter((entry) => entry.models === null || entry.models.some((m) => modelMatches(m, model))) : forMake
  if (kept.length === 0) {
    return {
      kind: 'no-entry',
      make,
      reason: 'model',
      others: forMake,
      explanation: `The report has no ${make} entry for the ${model}: its ${make} entries are limited to other models. Treat the radio as unknown.`,
    }
  }

  if (year === null) {
    if (kept.some(hasYearBounds)) {
      const candidates = kept.map((entry) => candidateFor(entry, { model, year }))
      return {
        kind: 'no-year',
        make,
        candidates,
        explanation: `The report’s guidance for ${make} depends on the model year. Enter the year to narrow down ${candidates.length === 1 ? 'whether this entry applies' : `${candidates.length} possible entries`}.`,
      }
    }
  } else {
    const inYear = kept.filter((entry) => yearInRange(year, entry.years))
    if (inYear.length === 0) {
      const covered = kept.map((entry) => `${entry.label} (${describeYears(entry.years) ?? 'no years given'})`)
      return {
        kind: 'no-entry',
        make,
        reason: 'year',
        others: kept,
        explanation: `The report has no ${make} entry covering ${year}. Its entries cover: ${covered.join('; ')}. Treat the radio as unknown.`,
      }
    }
    kept = inYear
  }

  // Entries the report ties to the typed model come first.
  const ordered = model
    ? [...kept.filter((entry) => entry.models !== null), ...kept.filter((entry) => entry.models === null)]
    : kept
  const vehicle = vehicleText(make, model, year)

  const [only] = ordered
  if (only && ordered.length === 1) {
    const candidate = candidateFor(only, { model, year })
    const confirm = candidate.mustConfirm.length > 0 ? ` It applies only if: ${candidate.mustConfirm.join(' ')}` : ''
    return {
      kind: 'match',
      make,
      ...candidate,
      explanation: `One entry in the report fits the ${vehicle}: ${only.label}.${confirm}`,
    }
  }

  const distinguishBy = distinctions(ordered, model !== null)
  const separate =
    distinguishBy.length > 0
      ? `They differ by ${listText(distinguishBy.map((item) => DISTINCTION_TEXT[item]))}; check the car and its radio rather than picking one.`
      : 'The query cannot tell them apart; check the car and its radio rather than picking one.'
  return {
    kind: 'several',
    make,
    candidates: ordered.map((entry) => candidateFor(entry, { model, year })),
    distinguishBy,
    explanation: `${ordered.length} entries in the report could fit the ${vehicle}. ${separate}`,
  }
}
