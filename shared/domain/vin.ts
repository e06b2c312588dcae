import { z } from 'zod'

/*
 * VIN rules for the front desk: normalising what a person types or a barcode
 * scanner sends, and checking the 17 characters before anything is saved or
 * decoded. Pure: no Node, DOM or Electron. Sources: the team's knowledge base
 * (radio-codes-by-make.md §5 "Code 39 VIN barcode" and §6 "VIN structure facts"),
 * which cites 49 CFR 565.
 */

export const VIN_LENGTH = 17

/** Characters a VIN may use: digits and A–Z except I, O and Q. */
const VIN_CHAR = /^[0-9A-HJ-NPR-Z]$/

/** What a person probably meant when they typed a letter VINs never use. */
const FORBIDDEN_LETTERS: Readonly<Record<string, string>> = {
  I: '1 (one)',
  O: '0 (zero)',
  Q: '0 (zero)',
}

/** Check-digit transliteration (49 CFR 565.15 / §6 of the knowledge base). Digits keep their value. */
const LETTER_VALUES: Readonly<Record<string, number>> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
}

/** Weight of each position 1–17; position 9 (the check digit itself) weighs 0. */
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const

/**
 * Model-year codes of position 10, in order: A = 1980/2010 … Y = 2000/2030,
 * 1 = 2001/2031 … 9 = 2009/2039. Never I, O, Q, U, Z or 0.
 */
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789'

// ---- normalising ----------------------------------------------------------------

/**
 * Separators people type or paste inside a VIN: any whitespace (incl. no-break
 * spaces), the hyphen/dash family, dots, middle dots, underscores, slashes,
 * pipes, colons, commas, semicolons, the Code 39 start/stop `*`, and quotes or
 * apostrophes (a spreadsheet's leading `'`). None can be part of a VIN.
 */
const SEPARATORS = /[\s\u00AD\u2010-\u2015\u2212\uFE58\uFE63\-._\u00B7\u2022/\\|:,;*'"\u2018\u2019\u201C\u201D`]+/g

/** A leading "VIN", "VIN:", "VIN #" or "VIN no." label pasted with the number (no VIN can start with "VI": I is never used). */
const VIN_LABEL = /^\s*VIN\b\s*(?:#|NO\b\.?|NUMBER\b)?\s*:?/

/**
 * Upper case, full-width characters folded to ASCII (NFKC), a pasted "VIN:"
 * label dropped, and every separator removed. Letters that VINs never use
 * (I, O, Q) are kept, so validateVin can say where they are.
 */
export function normalizeVin(input: string): string {
  return input.normalize('NFKC').toUpperCase().replace(VIN_LABEL, '').replace(SEPARATORS, '')
}

// ---- check digit and model year -------------------------------------------------

function charValue(char: string): number | null {
  if (char >= '0' && char <= '9') return char.charCodeAt(0) - 48
  return LETTER_VALUES[char] ?? null
}

/**
 * The North American check digit ('0'–'9' or 'X') for a 17-character VIN, or
 * null when the VIN is not 17 valid characters. Position 9 itself does not
 * count (weight 0), so this works whatever is written there.
 */
export function computeCheckDigit(vin: string): string | null {
  if (vin.length !== VIN_LENGTH) return null
  let sum = 0
  for (let i = 0; i < VIN_LENGTH; i += 1) {
    const char = vin.charAt(i)
    if (!VIN_CHAR.test(char)) return null
    sum += (charValue(char) ?? 0) * (WEIGHTS[i] ?? 0)
  }
  const remainder = sum % 11
  return remainder === 10 ? 'X' : String(remainder)
}

/** The two model years a position-10 code stands for ([1980–2009, 2010–2039]), or null if it is not a year code. */
export function modelYearCycle(code: string): readonly [number, number] | null {
  if (code.length !== 1) return null
  const index = YEAR_CODES.indexOf(code)
  return index < 0 ? null : [1980 + index, 2010 + index]
}

// ---- validation ----------------------------------------------------------------

export type VinErrorCode = 'EMPTY' | 'LENGTH' | 'FORBIDDEN_LETTER' | 'INVALID_CHARACTER'
export type VinWarningCode = 'CHECK_DIGIT_MISMATCH' | 'NO_CHECK_DIGIT' | 'NO_MODEL_YEAR'

export interface VinIssue<Code extends string> {
  readonly code: Code
  /** A sentence for the person at the desk. */
  readonly message: string
  /** 1-based position in the VIN, when the problem is at one place. */
  readonly position?: number
}

export interface VinCheckDigit {
  /** Always 9. */
  readonly position: 9
  /** What position 9 should be under the North American rule; null when the VIN is not 17 valid characters. */
  readonly expected: string | null
  /** What position 9 is; null when the VIN is shorter than 9 characters. */
  readonly actual: string | null
  readonly valid: boolean
}

/**
 * How sure the model year is:
 * - high: the check digit is right, so the VIN follows the North American
 *   rules the position-7 test relies on (for cars and light trucks);
 * - medium: the check digit is wrong (a typo, or a VIN built for another market);
 * - low: position 9 is not a check digit at all (a VIN built for another market,
 *   where position 10 may not be a year);
 * - none: no year could be read.
 */
export type ModelYearConfidence = 'high' | 'medium' | 'low' | 'none'

export interface VinModelYear {
  /** Position 10, or null when the VIN is too short or the character is not allowed. */
  readonly code: string | null
  /** Every year the code can stand for, not later than next year, oldest first. */
  readonly candidates: readonly number[]
  /** The year picked by the position-7 rule, or null. */
  readonly year: number | null
  readonly confidence: ModelYearConfidence
  /** One sentence on how the year was picked. */
  readonly basis: string
}

export interface VinValidation {
  /** The normalised VIN the checks ran on. */
  readonly vin: string
  /** True when there are no errors (warnings allowed). */
  readonly valid: boolean
  readonly errors: readonly VinIssue<VinErrorCode>[]
  readonly warnings: readonly VinIssue<VinWarningCode>[]
  readonly checkDigit: VinCheckDigit
  readonly modelYear: VinModelYear
  /** Positions 1–3 (the maker's code), or null when the VIN is too short. */
  readonly wmi: string | null
  /** First character 1–5: a VIN assigned in North America. */
  readonly northAmerican: boolean
}

export interface ValidateVinOptions {
  /** "Today", for the latest possible model year (next calendar year). Defaults to the clock. */
  readonly now?: Date
}

function quote(char: string): string {
  return `“${char}”`
}

function characterErrors(vin: string): VinIssue<VinErrorCode>[] {
  const errors: VinIssue<VinErrorCode>[] = []
  for (let i = 0; i < vin.length; i += 1) {
    const char = vin.charAt(i)
    if (VIN_CHAR.test(char)) continue
    const position = i + 1
    const meant = FORBIDDEN_LETTERS[char]
    if (meant) {
      errors.push({
        code: 'FORBIDDEN_LETTER',
        position,
        message: `VINs never use the letter ${char} — did you mean ${meant}? (position ${position})`,
      })
    } else {
      errors.push({
        code: 'INVALID_CHARACTER',
        position,
        message: `${quote(char)} can’t be in a VIN: only digits and the letters A–Z except I, O and Q. (position ${position})`,
      })
    }
  }
  return errors
}

function readModelYear(vin: string, checkDigit: VinCheckDigit, now: Date): VinModelYear {
  const none = (code: string | null, basis: string): VinModelYear => ({ code, candidates: [], year: null, confidence: 'none', basis })
  if (vin.length !== VIN_LENGTH) return none(null, 'The model year is read from position 10 of a complete 17-character VIN.')
  const code = vin.charAt(9)
  const position7 = vin.charAt(6)
  if (!VIN_CHAR.test(code)) return none(null, 'Position 10 is not a character VINs use.')
  const cycle = modelYearCycle(code)
  if (!cycle) {
    return none(code, `Position 10 is ${quote(code)}, which is not a model-year code, so this VIN does not say the model year.`)
  }
  const latest = now.getFullYear() + 1
  const [earlier, later] = cycle
  const candidates = cycle.filter((year) => year <= latest)
  const confidence: ModelYearConfidence = checkDigit.valid ? 'high' : /^[0-9X]$/.test(checkDigit.actual ?? '') ? 'medium' : 'low'

  if (!VIN_CHAR.test(position7)) return { code, candidates, year: null, confidence: 'none', basis: 'Position 7 is not a character VINs use, so the 30-year cycle is unknown.' }
  const position7IsDigit = position7 >= '0' && position7 <= '9'
  if (position7IsDigit) {
    return {
      code,
      candidates,
      year: earlier,
      confidence,
      basis: `Position 10 is ${quote(code)} (${earlier} or ${later}); position 7 is a digit, so ${earlier}.`,
    }
  }
  if (later > latest) {
    // Since model year 2010, cars and light trucks carry a letter in position 7.
    // Here the later year has not come yet, so this is the earlier cycle: a
    // vehicle from before the 2010 rule whose maker already used a letter there.
    return {
      code,
      candidates,
      year: earlier,
      confidence,
      basis: `Position 10 is ${quote(code)} (${earlier} or ${later}); ${later} has not come yet, so ${earlier}.`,
    }
  }
  return {
    code,
    candidates,
    year: later,
    confidence,
    basis: `Position 10 is ${quote(code)} (${earlier} or ${later}); position 7 is a letter, so ${later}.`,
  }
}

/**
 * Checks a VIN (normalised first, so raw typed text is fine). Errors make it
 * unusable: wrong length, letters I/O/Q or other characters VINs never use.
 * A wrong check digit is only a warning: vehicles built for markets outside
 * North America often don't use one.
 */
export function validateVin(input: string, options: ValidateVinOptions = {}): VinValidation {
  const vin = normalizeVin(input)
  const now = options.now ?? new Date()
  const errors: VinIssue<VinErrorCode>[] = []
  const warnings: VinIssue<VinWarningCode>[] = []

  if (vin.length === 0) {
    errors.push({ code: 'EMPTY', message: 'Enter the VIN: 17 letters and digits.' })
  } else if (vin.length !== VIN_LENGTH) {
    errors.push({ code: 'LENGTH', message: `A VIN has 17 characters; this has ${vin.length}.` })
  }
  errors.push(...characterErrors(vin))

  const expected = computeCheckDigit(vin)
  const actual = vin.length >= 9 ? vin.charAt(8) : null
  const checkDigit: VinCheckDigit = { position: 9, expected, actual, valid: expected !== null && expected === actual }
  const northAmerican = /^[1-5]/.test(vin)

  if (expected !== null && !checkDigit.valid && actual !== null) {
    if (/^[0-9X]$/.test(actual)) {
      warnings.push({
        code: 'CHECK_DIGIT_MISMATCH',
        position: 9,
        message: northAmerican
          ? `The check digit (position 9) is ${actual}, but the other characters work out to ${expected}. One character is probably wrong: read the VIN again.`
          : `The check digit (position 9) is ${actual}, but the other characters work out to ${expected}. Read the VIN again; vehicles built for markets outside North America often don’t use a check digit.`,
      })
    } else {
      warnings.push({
        code: 'NO_CHECK_DIGIT',
        position: 9,
        message: `Position 9 is ${quote(actual)}, not a check digit: this VIN doesn’t use the North American check, so typos can’t be caught. Read it again carefully.`,
      })
    }
  }

  const modelYear = readModelYear(vin, checkDigit, now)
  if (vin.length === VIN_LENGTH && modelYear.code !== null && modelYear.year === null && modelYearCycle(modelYear.code) === null) {
    warnings.push({ code: 'NO_MODEL_YEAR', position: 10, message: modelYear.basis })
  }

  return {
    vin,
    valid: errors.length === 0,
    errors,
    warnings,
    checkDigit,
    modelYear,
    wmi: vin.length >= 3 ? vin.slice(0, 3) : null,
    northAmerican,
  }
}

// ---- barcode scanner input ------------------------------------------------------

export interface ScannedVin {
  /** The VIN to use (17 characters when the read was good). */
  readonly vin: string
  /** The extra leading character that was dropped, or null. */
  readonly droppedPrefix: string | null
  readonly validation: VinValidation
}

/** Drops Enter/Tab and other control characters a keyboard-wedge scanner sends around the data. */
function withoutControlCharacters(text: string): string {
  let kept = ''
  for (const char of text) {
    const code = char.charCodeAt(0)
    if (code > 0x1f && (code < 0x7f || code > 0x9f)) kept += char
  }
  return kept
}

/**
 * What a USB barcode scanner typed (it acts as a keyboard and ends with Enter).
 * Code 39 VIN labels often encode an extra leading character; per the
 * knowledge base (§5):
 *  1. upper-case, drop spaces and `*` (the Code 39 start/stop character; also
 *     control characters such as the trailing Enter);
 *  2. 18 characters starting with `I`: drop the `I` (never a VIN character);
 *  3. 18 characters starting with anything else: drop it only when the other
 *     17 pass validation with a correct check digit (it may be a misread
 *     first character rather than a prefix);
 *  4. then validate.
 */
export function fromScannerInput(input: string, options: ValidateVinOptions = {}): ScannedVin {
  const read = normalizeVin(withoutControlCharacters(input))
  if (read.length === VIN_LENGTH + 1) {
    const rest = read.slice(1)
    const restValidation = validateVin(rest, options)
    const first = read.charAt(0)
    if (first === 'I' || (restValidation.valid && restValidation.checkDigit.valid)) {
      return { vin: rest, droppedPrefix: first, validation: restValidation }
    }
  }
  return { vin: read, droppedPrefix: null, validation: validateVin(read, options) }
}

// ---- schemas --------------------------------------------------------------------

/** A VIN field that must hold a usable VIN; outputs the normalised VIN. */
export const vinSchema = z
  .string()
  .transform(normalizeVin)
  .superRefine((vin, ctx) => {
    for (const error of validateVin(vin).errors) ctx.addIssue({ code: 'custom', message: error.message })
  })

/** A VIN field that may be left empty (VIN not known yet); outputs '' or the normalised VIN. */
export const optionalVinSchema = z
  .string()
  .transform(normalizeVin)
  .superRefine((vin, ctx) => {
    if (vin === '') return
    for (const error of validateVin(vin).errors) ctx.addIssue({ code: 'custom', message: error.message })
  })
