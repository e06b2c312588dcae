import { z } from 'zod'

/*
 * Schema of the radio anti-theft knowledge base
 * (resources/radio-knowledge/radio-knowledge.json).
 *
 * The data is a transcription of the research report "Factory radio anti-theft
 * codes: per-make knowledge base for the front desk" (radio-codes-by-make.md),
 * sections 1–4, 7 and 8. Rules for the data:
 *   - Only facts the report gives. Where it says nothing, the field is null
 *     (or an empty list) and the UI must say "unknown".
 *   - No code calculators, serial-to-code algorithms, master codes or bypass
 *     sequences. Where the report says such things exist, an entry may record
 *     (in `excludedByPolicy`) that the app does not provide them, never how.
 *   - Every entry carries the report's confidence and source ids ([S12] → "S12").
 *
 * Cross-field rules (unique ids, known source ids, from ≤ to, a code format on
 * every 'code' entry, ...) are checked by `knowledgeBaseSchema` itself, so
 * parsing the file is the whole validation.
 */

// ---------------------------------------------------------------------------
// Small building blocks

export const SOURCE_ID_PATTERN = /^S[1-9]\d*$/
export const ENTRY_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** A reference to the report's source list: "S12" for [S12]. */
export const sourceIdSchema = z.string().regex(SOURCE_ID_PATTERN, 'A source id looks like "S12".')
export type SourceId = z.infer<typeof sourceIdSchema>

const text = z.string().trim().min(1, 'Text must not be empty.')

/**
 * The report's confidence labels (High / Medium / Low / Unconfirmed), plus the
 * in-between labels it uses in places ("Medium-High", "Low-Medium",
 * "medium-low"). "Low-Medium" and "medium-low" are both stored as 'medium-low'.
 */
export const CONFIDENCE_LEVELS = ['high', 'medium-high', 'medium', 'medium-low', 'low', 'unconfirmed'] as const
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number]

export const confidenceSchema = z.strictObject({
  level: z.enum(CONFIDENCE_LEVELS),
  /** The report's own wording, e.g. "High (med for lockout)". */
  asStated: text,
})
export type Confidence = z.infer<typeof confidenceSchema>

/** A fact in prose, with where it comes from. `confidence` only when the report rates this fact apart from its entry. */
export const noteSchema = z.strictObject({
  text,
  sources: z.array(sourceIdSchema),
  confidence: confidenceSchema.optional(),
})
export type Note = z.infer<typeof noteSchema>

const modelYear = z.number().int().min(1900).max(2100)

/**
 * Model years an entry applies to. `from`/`to` null: the report gives no start
 * / no end (open or unknown). Vague eras are stored widened to whole decades
 * ("late 1980s" → 1980, "to the 1990s" → 1999, "~2012" → 2012) with
 * `approximate: true`, so a lookup never rules out a year the report might
 * cover; `asStated` keeps the report's words for display.
 */
export const yearRangeSchema = z.strictObject({
  from: modelYear.nullable(),
  to: modelYear.nullable(),
  approximate: z.boolean(),
  asStated: text,
})
export type YearRange = z.infer<typeof yearRangeSchema>

// ---------------------------------------------------------------------------
// Parts of an entry

/**
 * - code: the radio locks on power loss and needs its code.
 * - pairs-with-car: no code; the radio re-checks an identity held by the car (VIN, immobiliser).
 * - owner-set-code: a code only if the owner (or, per entry notes, a tester) armed one.
 * - unknown: the report cannot say (see `statusNote`).
 */
export const BEHAVIOURS = ['code', 'pairs-with-car', 'owner-set-code', 'unknown'] as const
export type Behaviour = (typeof BEHAVIOURS)[number]

export const displayTextSchema = z.strictObject({
  /** Exactly as the report writes it, e.g. "CODE ----", "InOP", "1 CDE". */
  text,
  /** What the report says it means; null when it only lists the text. */
  meaning: text.nullable(),
})
export type DisplayText = z.infer<typeof displayTextSchema>

export const lockedDisplaySchema = z.strictObject({
  texts: z.array(displayTextSchema).min(1),
  notes: z.array(noteSchema),
  sources: z.array(sourceIdSchema),
})
export type LockedDisplay = z.infer<typeof lockedDisplaySchema>

const digit = z.number().int().min(0).max(9)

export const codeFormatSchema = z.strictObject({
  /** Possible code lengths in digits, e.g. [5] or [4, 6]; null when the report gives none. */
  lengths: z.array(z.number().int().min(1).max(12)).min(1).nullable(),
  /** Digits a code may contain, e.g. [1,2,3,4,5,6]; null when the report does not restrict them. */
  allowedDigits: z.array(digit).min(1).nullable(),
  description: text,
  sources: z.array(sourceIdSchema),
  confidence: confidenceSchema.optional(),
})
export type CodeFormat = z.infer<typeof codeFormatSchema>

export const showOnDisplaySchema = z.strictObject({
  /** Short button hint for one-line summaries, e.g. "presets 1+6". */
  short: text.nullable(),
  steps: z.array(text).min(1),
  /** Which radios/years the method is reported for; null when not narrowed. */
  appliesTo: text.nullable(),
  sources: z.array(sourceIdSchema),
  confidence: confidenceSchema.optional(),
})
export type ShowOnDisplay = z.infer<typeof showOnDisplaySchema>

/**
 * The radio's identifier that the dealer or maker uses to look the code up
 * (serial, Renault pre-code, GM radio display code, ...). Never the code itself.
 */
export const serialInfoSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('described'),
    /** What the report calls it: "serial", "pre-code", "radio display code", "sales code", ... */
    name: text,
    /** Its form, e.g. "8-digit serial"; null when not given. */
    format: text.nullable(),
    whereFound: z.array(noteSchema),
    showOnDisplay: z.array(showOnDisplaySchema),
    notes: z.array(noteSchema),
    sources: z.array(sourceIdSchema),
    confidence: confidenceSchema.optional(),
  }),
  z.strictObject({
    /** The report says no serial is needed or applicable (e.g. owner-set codes). */
    status: z.literal('not-applicable'),
    reason: text,
    sources: z.array(sourceIdSchema),
  }),
])
export type SerialInfo = z.infer<typeof serialInfoSchema>

/**
 * How digits are entered (report section 3.2):
 * - press-digit-preset: press the preset whose number is the digit (digits 1–6 only);
 * - step-preset: step a preset until the digit shows (digits 0–9);
 * - not-stated: the report does not say which.
 */
export const ENTRY_STYLES = ['press-digit-preset', 'step-preset', 'not-stated'] as const
export type EntryStyle = (typeof ENTRY_STYLES)[number]

export const codeEntrySchema = z.strictObject({
  style: z.enum(ENTRY_STYLES),
  steps: z.array(text).min(1),
  notes: z.array(noteSchema),
  sources: z.array(sourceIdSchema),
  confidence: confidenceSchema.optional(),
})
export type CodeEntry = z.infer<typeof codeEntrySchema>

/** For radios that re-check an identity held by the car instead of taking a code. */
export const pairingSchema = z.strictObject({
  howItWorks: z.array(noteSchema).min(1),
  /** What to do when the radio does not recover by itself (usually: dealer). */
  ifItFails: z.array(noteSchema),
  sources: z.array(sourceIdSchema),
  confidence: confidenceSchema.optional(),
})
export type Pairing = z.infer<typeof pairingSchema>

export const lockoutSchema = z.strictObject({
  /** The rule in words, as the report gives it. */
  rule: text,
  /** Wrong tries before the radio stops accepting codes; null when not stated. */
  triesBeforeLockout: z.number().int().min(1).nullable(),
  /** True when the report says "about"/"~" for the try count. */
  triesApproximate: z.boolean(),
  /** Wait before more tries are allowed, in minutes (max null: "more than min"); null when not stated. */
  waitMinutes: z
    .strictObject({ min: z.number().positive(), max: z.number().positive().nullable() })
    .refine((w) => w.max === null || w.min <= w.max, 'waitMinutes.min must not exceed waitMinutes.max.')
    .nullable(),
  /** What must stay on during the wait (radio, ignition position...), when stated. */
  conditions: text.nullable(),
  /** Other units or situations with a different rule. */
  variants: z.array(noteSchema),
  sources: z.array(sourceIdSchema),
  confidence: confidenceSchema.optional(),
})
export type Lockout = z.infer<typeof lockoutSchema>

export const CHANNEL_KINDS = [
  'code-card',
  'glovebox-sticker',
  'other-label-or-note',
  'owners-documents',
  'owner',
  'dealer',
  'manufacturer-website',
  'manufacturer-customer-service',
] as const
export type ChannelKind = (typeof CHANNEL_KINDS)[number]

/** A legitimate way to get the code (report: "legitimate channels"). */
export const channelSchema = z.strictObject({
  kind: z.enum(CHANNEL_KINDS),
  description: text,
  /** Web address as the report gives it (manufacturer websites). */
  url: text.nullable(),
  /** Market it is limited to, e.g. "US", "Canada", "Australia"; null when not limited in the report. */
  region: text.nullable(),
  /** What they ask for, as reported: "VIN", "radio serial", "proof of ownership", ... Empty when not stated. */
  asks: z.array(text),
  notes: z.array(noteSchema),
  sources: z.array(sourceIdSchema),
  confidence: confidenceSchema.optional(),
})
export type Channel = z.infer<typeof channelSchema>

// ---------------------------------------------------------------------------
// Entry

export const knowledgeEntrySchema = z.strictObject({
  /** Stable kebab-case id; other data may point at it, so never rename. */
  id: z.string().regex(ENTRY_ID_PATTERN, 'An entry id is kebab-case, e.g. "honda-acura-code-radio".'),
  /** Name for sentences and headings, e.g. "Honda/Acura radio". */
  label: text,
  /** Makes as the report groups them; VW/Audi/SEAT/Škoda share one entry. */
  makes: z.array(text).min(1),
  /** Market the entry is limited to ("Europe/UK", "US", ...); null when the report does not limit it. */
  market: text.nullable(),
  /** Models the entry is limited to; null when it applies to the makes in general. */
  models: z.array(text).min(1).nullable(),
  /** Audio system or radio family, when the behaviour is tied to one. */
  audioSystem: text.nullable(),
  years: yearRangeSchema.nullable(),
  behaviour: z.enum(BEHAVIOURS),
  /** Short status in the report's words when the behaviour alone does not tell it (unknown, conditional...). */
  statusNote: text.nullable(),
  /** Things the front desk can see that identify this kind of radio. */
  identifyingCues: z.array(noteSchema),
  lockedDisplay: lockedDisplaySchema.nullable(),
  codeFormat: codeFormatSchema.nullable(),
  serial: serialInfoSchema.nullable(),
  entry: codeEntrySchema.nullable(),
  pairing: pairingSchema.nullable(),
  lockout: lockoutSchema.nullable(),
  channels: z.array(channelSchema),
  /** What the report tells the app or the desk to do for these radios. */
  appRules: z.array(noteSchema),
  notes: z.array(noteSchema),
  /** Things the report says exist but deliberately leaves out (calculators, reset codes...). The app does not provide them. */
  excludedByPolicy: z.array(text),
  confidence: confidenceSchema,
  /** Every source id used anywhere in this entry. */
  sources: z.array(sourceIdSchema),
})
export type KnowledgeEntry = z.infer<typeof knowledgeEntrySchema>

// ---------------------------------------------------------------------------
// Knowledge-base level data

export const sourceSchema = z.strictObject({
  id: sourceIdSchema,
  /** The report's source line, verbatim (titles, dates, addresses as given; some addresses are truncated with "…" in the report itself). */
  citation: text,
  /** http(s) addresses found in the citation. */
  urls: z.array(text),
  /** Set when the report lists this id as the same source as another ("[S7] = [S2]"). */
  sameAs: sourceIdSchema.nullable(),
})
export type Source = z.infer<typeof sourceSchema>

export const makeAliasSchema = z.strictObject({
  /** What a user may type, e.g. "VW". Lookup conveniences, not facts from the report. */
  alias: text,
  /** A make that appears in some entry's `makes`. */
  make: text,
})
export type MakeAlias = z.infer<typeof makeAliasSchema>

export const proofOfOwnershipItemSchema = z.strictObject({
  makes: z.array(text).min(1),
  region: text.nullable(),
  /** What dealers or makers ask for, as reported. */
  asks: z.array(text),
  /** true: reported not to give codes by phone; false: reported to give them by phone; null: not stated. */
  byPhone: z.boolean().nullable(),
  notes: z.array(noteSchema),
  sources: z.array(sourceIdSchema),
  confidence: confidenceSchema.optional(),
})
export type ProofOfOwnershipItem = z.infer<typeof proofOfOwnershipItemSchema>

export const proofOfOwnershipSchema = z.strictObject({
  summary: noteSchema,
  byMake: z.array(proofOfOwnershipItemSchema).min(1),
  /** Further rules (altered serials, insurers...). */
  rules: z.array(noteSchema),
})
export type ProofOfOwnership = z.infer<typeof proofOfOwnershipSchema>

export const memorySaverConnectionSchema = z.strictObject({
  method: text,
  detail: text.nullable(),
  caveats: z.array(noteSchema),
  sources: z.array(sourceIdSchema),
})

export const batteryProcedureSchema = z.strictObject({
  makes: z.array(text).min(1),
  /** Minutes to wait after switching off before disconnecting the battery; null when not stated. */
  waitBeforeDisconnectMinutes: z
    .strictObject({ min: z.number().positive(), max: z.number().positive() })
    .refine((w) => w.min <= w.max, 'min must not exceed max.')
    .nullable(),
  steps: z.array(noteSchema).min(1),
  sources: z.array(sourceIdSchema),
  confidence: confidenceSchema.optional(),
})
export type BatteryProcedure = z.infer<typeof batteryProcedureSchema>

export const memorySaversSchema = z.strictObject({
  whatTheyAre: noteSchema,
  connections: z.array(memorySaverConnectionSchema).min(1),
  procedure: z.array(noteSchema),
  caveats: z.array(noteSchema),
  makerBatteryProcedures: z.array(batteryProcedureSchema),
  alarm: noteSchema,
  frontDeskRule: noteSchema,
})
export type MemorySavers = z.infer<typeof memorySaversSchema>

export const confidenceScaleItemSchema = z.strictObject({
  level: z.enum(CONFIDENCE_LEVELS),
  meaning: text,
})

// ---------------------------------------------------------------------------
// Whole file, with cross-field checks

const knowledgeBaseShape = z.strictObject({
  $comment: text,
  /** Bump when the data changes. */
  version: z.number().int().min(1),
  sourceDocument: z.strictObject({
    title: text,
    file: text,
    /** sha256 (hex) of the report this data was transcribed from. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    sectionsUsed: text,
  }),
  policy: z.array(noteSchema).min(1),
  confidenceScale: z.array(confidenceScaleItemSchema).min(1),
  makeAliases: z.array(makeAliasSchema),
  generalRules: z.array(noteSchema),
  entries: z.array(knowledgeEntrySchema).min(1),
  proofOfOwnership: proofOfOwnershipSchema,
  memorySavers: memorySaversSchema,
  /** Items the report lists as unconfirmed or weak (section 7) that concern radios. */
  unconfirmed: z.array(noteSchema),
  sources: z.array(sourceSchema).min(1),
})

type KnowledgeBaseShape = z.infer<typeof knowledgeBaseShape>
type Path = (string | number)[]

/** Every source id used in a value, with the path it was found at. */
function collectSourceRefs(value: unknown, path: Path, out: { id: string; path: Path }[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectSourceRefs(item, [...path, index], out))
    return
  }
  if (value === null || typeof value !== 'object') return
  for (const [key, child] of Object.entries(value)) {
    if (key === 'sources' && Array.isArray(child)) {
      child.forEach((id, index) => {
        if (typeof id === 'string') out.push({ id, path: [...path, key, index] })
      })
    } else {
      collectSourceRefs(child, [...path, key], out)
    }
  }
}

/** Key used to compare make names: accents folded, case and punctuation ignored. */
export function makeKey(make: string): string {
  return make
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '')
}

function checkKnowledgeBase(kb: KnowledgeBaseShape, ctx: z.RefinementCtx): void {
  const issue = (message: string, path: Path) => ctx.addIssue({ code: 'custom', message, path })

  const sourceIds = new Set<string>()
  kb.sources.forEach((source, index) => {
    if (sourceIds.has(source.id)) issue(`Source ${source.id} is listed twice.`, ['sources', index, 'id'])
    sourceIds.add(source.id)
  })
  kb.sources.forEach((source, index) => {
    if (source.sameAs !== null && !sourceIds.has(source.sameAs)) {
      issue(`Source ${source.id} points at unknown source ${source.sameAs}.`, ['sources', index, 'sameAs'])
    }
  })

  // Every source reference outside the sources list must exist.
  const { sources: _sources, ...rest } = kb
  const refs: { id: string; path: Path }[] = []
  collectSourceRefs(rest, [], refs)
  for (const ref of refs) {
    if (!sourceIds.has(ref.id)) issue(`Unknown source id ${ref.id}.`, ref.path)
  }

  const entryIds = new Set<string>()
  const makeKeys = new Set<string>()
  kb.entries.forEach((entry, index) => {
    const at = (...rest: Path): Path => ['entries', index, ...rest]
    if (entryIds.has(entry.id)) issue(`Entry id "${entry.id}" is used twice.`, at('id'))
    entryIds.add(entry.id)
    for (const make of entry.makes) makeKeys.add(makeKey(make))

    if (entry.years && entry.years.from !== null && entry.years.to !== null && entry.years.from > entry.years.to) {
      issue(`Year range runs backwards (${entry.years.from} > ${entry.years.to}).`, at('years'))
    }
    if (entry.behaviour === 'code') {
      if (!entry.codeFormat) issue('A "code" entry needs a codeFormat.', at('codeFormat'))
      if (entry.sources.length === 0) issue('A "code" entry needs at least one source.', at('sources'))
    }
    if (entry.behaviour === 'pairs-with-car') {
      if (!entry.pairing) issue('A "pairs-with-car" entry needs a pairing section.', at('pairing'))
      if (entry.codeFormat) issue('A "pairs-with-car" entry takes no code, so it has no codeFormat.', at('codeFormat'))
    }
    if (entry.behaviour === 'unknown' && !entry.statusNote) {
      issue('An "unknown" entry needs a statusNote saying what the report does say.', at('statusNote'))
    }
    const format = entry.codeFormat
    if (format?.allowedDigits && new Set(format.allowedDigits).size !== format.allowedDigits.length) {
      issue('allowedDigits lists a digit twice.', at('codeFormat', 'allowedDigits'))
    }

    // The entry's own list must name every source its parts use.
    const declared = new Set(entry.sources)
    if (declared.size !== entry.sources.length) issue('The entry lists a source twice.', at('sources'))
    const { sources: _own, ...parts } = entry
    const used: { id: string; path: Path }[] = []
    collectSourceRefs(parts, at(), used)
    for (const ref of used) {
      if (!declared.has(ref.id)) issue(`Source ${ref.id} is used in the entry but missing from its sources list.`, ref.path)
    }
  })

  kb.makeAliases.forEach((alias, index) => {
    if (!makeKeys.has(makeKey(alias.make))) {
      issue(`Alias "${alias.alias}" points at "${alias.make}", which no entry covers.`, ['makeAliases', index, 'make'])
    }
    if (makeKeys.has(makeKey(alias.alias))) {
      issue(`Alias "${alias.alias}" is itself a make in the entries.`, ['makeAliases', index, 'alias'])
    }
  })
}

export const knowledgeBaseSchema = knowledgeBaseShape.superRefine(checkKnowledgeBase)
export type KnowledgeBase = z.infer<typeof knowledgeBaseSchema>
