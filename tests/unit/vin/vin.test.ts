import { describe, expect, it } from 'vitest'
import {
  computeCheckDigit,
  fromScannerInput,
  modelYearCycle,
  normalizeVin,
  optionalVinSchema,
  validateVin,
  vinSchema,
} from '../../../shared/domain/vin'

/** A fixed "today" so model-year tests don't change meaning over time. */
const now = new Date('2026-06-01T12:00:00Z')
const check = (vin: string) => validateVin(vin, { now })

/*
 * Check digits worked out by hand (weights 8 7 6 5 4 3 2 10 0 9 8 7 6 5 4 3 2;
 * A=1 B=2 C=3 D=4 E=5 F=6 G=7 H=8 J=1 K=2 L=3 M=4 N=5 P=7 R=9 S=2 T=3 U=4 V=5
 * W=6 X=7 Y=8 Z=9; digits keep their value; sum mod 11, 10 = X).
 *
 * 1HGCM82633A004352 (2003 Honda Accord EX-V6 coupe, a widely quoted sample VIN):
 *   1×8=8  H 8×7=56  G 7×6=42  C 3×5=15  M 4×4=16  8×3=24  2×2=4  6×10=60  (3)×0=0
 *   3×9=27  A 1×8=8  0×7=0  0×6=0  4×5=20  3×4=12  5×3=15  2×2=4
 *   8+56+42+15+16+24+4+60+0+27+8+0+0+20+12+15+4 = 311;  311 = 28×11 + 3  → 3 ✓ (position 9 is 3)
 *
 * JHLRD77874C026456 (2004 Honda CR-V, quoted in the knowledge base §6):
 *   J 1×8=8  H 8×7=56  L 3×6=18  R 9×5=45  D 4×4=16  7×3=21  7×2=14  8×10=80  (7)×0=0
 *   4×9=36  C 3×8=24  0×7=0  2×6=12  6×5=30  4×4=16  5×3=15  6×2=12
 *   8+56+18+45+16+21+14+80+0+36+24+0+12+30+16+15+12 = 403;  403 = 36×11 + 7  → 7 ✓
 *
 * 3VWL17AJXHM239362 (2017 VW Jetta, Puebla; a remainder of 10):
 *   3×8=24  V 5×7=35  W 6×6=36  L 3×5=15  1×4=4  7×3=21  A 1×2=2  J 1×10=10  (X)×0=0
 *   H 8×9=72  M 4×8=32  2×7=14  3×6=18  9×5=45  3×4=12  6×3=18  2×2=4
 *   24+35+36+15+4+21+2+10+0+72+32+14+18+45+12+18+4 = 362;  362 = 32×11 + 10  → X ✓
 *
 * 1HGCM8A62YA004352 (made up for the model-year test: a letter in position 7, year code Y):
 *   8 + 56 + 42 + 15 + 16 + 24 + A 1×2=2 + 60 + 0 + Y 8×9=72 + A 1×8=8 + 0 + 0 + 20 + 12 + 15 + 4
 *   = 354;  354 = 32×11 + 2  → 2 ✓
 *
 * 1HGCM82633A004353 (the Accord with its last digit changed 2 → 3): 311 − 2×2 + 3×2 = 313;
 *   313 = 28×11 + 5 → the check digit should be 5, but position 9 says 3 ✗
 */

describe('normalizeVin', () => {
  it('upper-cases and removes spaces, dashes, dots and other typed separators', () => {
    expect(normalizeVin(' 1hg-cm8 2633.a00 4352 ')).toBe('1HGCM82633A004352')
    expect(normalizeVin('1HG–CM8—2633_A00/4352')).toBe('1HGCM82633A004352')
    expect(normalizeVin('1HGCM\u00a082633\tA004352\n')).toBe('1HGCM82633A004352')
    expect(normalizeVin("'1HGCM82633A004352")).toBe('1HGCM82633A004352')
  })

  it('folds full-width characters (a Japanese/Chinese IME) to ASCII', () => {
    expect(normalizeVin('１ＨＧＣＭ８２６３３Ａ００４３５２')).toBe('1HGCM82633A004352')
  })

  it('drops a pasted "VIN:" label, but never letters inside the number', () => {
    expect(normalizeVin('VIN: 1HGCM82633A004352')).toBe('1HGCM82633A004352')
    expect(normalizeVin('vin # 1HGCM82633A004352')).toBe('1HGCM82633A004352')
    expect(normalizeVin('VIN no. 1HGCM82633A004352')).toBe('1HGCM82633A004352')
  })

  it('keeps I, O and Q so validation can point at them', () => {
    expect(normalizeVin('1hgcm826o3a004352')).toBe('1HGCM826O3A004352')
  })
})

describe('computeCheckDigit', () => {
  it('matches the hand-worked sums above', () => {
    expect(computeCheckDigit('1HGCM82633A004352')).toBe('3')
    expect(computeCheckDigit('JHLRD77874C026456')).toBe('7')
    expect(computeCheckDigit('3VWL17AJXHM239362')).toBe('X')
    expect(computeCheckDigit('1HGCM8A62YA004352')).toBe('2')
    expect(computeCheckDigit('1HGCM82633A004353')).toBe('5')
  })

  it("matches the knowledge base's samples: the regulation's own and the textbook one", () => {
    // 1G4AH59H?5G118341 sums to 411 → 4; 1M8GDM9A?KP042788 gives X.
    expect(computeCheckDigit('1G4AH59H05G118341')).toBe('4')
    expect(computeCheckDigit('1M8GDM9A0KP042788')).toBe('X')
  })

  it('ignores whatever is in position 9', () => {
    expect(computeCheckDigit('1HGCM826Z3A004352')).toBe('3')
  })

  it('gives null unless there are 17 valid characters', () => {
    expect(computeCheckDigit('1HGCM82633A00435')).toBeNull()
    expect(computeCheckDigit('1HGCM826O3A004352')).toBeNull()
  })
})

describe('validateVin: real VINs', () => {
  const real = [
    { vin: '1HGCM82633A004352', year: 2003 }, // Honda Accord
    { vin: 'JHLRD77874C026456', year: 2004 }, // Honda CR-V
    { vin: '3VWL17AJXHM239362', year: 2017 }, // VW Jetta
    { vin: '1N6AA0ED4AN318993', year: 2010 }, // Nissan Titan (the barcode with the leading I)
    { vin: '2FTPX28L0XCA15511', year: 1999 }, // Ford F-250, Canada
    { vin: '1FTFW1ET9EKG13926', year: 2014 }, // Ford F-150
    { vin: '1C4PJMBN0PD109492', year: 2023 }, // Jeep Cherokee
    { vin: '1G4AH59H45G118341', year: 2005 }, // 49 CFR 565's own sample
    { vin: '1M8GDM9AXKP042788', year: 1989 }, // textbook sample (a 1989 coach)
  ]

  it.each(real)('$vin is valid, with a matching check digit and model year $year', ({ vin, year }) => {
    const result = check(vin)
    expect(result.valid).toBe(true)
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([])
    expect(result.checkDigit).toEqual({ position: 9, expected: vin.charAt(8), actual: vin.charAt(8), valid: true })
    expect(result.modelYear.year).toBe(year)
    expect(result.modelYear.confidence).toBe('high')
  })

  it('returns the normalised VIN, its WMI and whether it is North American', () => {
    const result = check('jhl-rd7-7874-c026456')
    expect(result.vin).toBe('JHLRD77874C026456')
    expect(result.wmi).toBe('JHL')
    expect(result.northAmerican).toBe(false)
    expect(check('1HGCM82633A004352').northAmerican).toBe(true)
  })
})

describe('validateVin: check digit', () => {
  it('a wrong check digit is a warning, not an error, and says what it should be', () => {
    const result = check('1HGCM82633A004353')
    expect(result.valid).toBe(true)
    expect(result.errors).toEqual([])
    expect(result.checkDigit).toEqual({ position: 9, expected: '5', actual: '3', valid: false })
    expect(result.warnings).toEqual([
      {
        code: 'CHECK_DIGIT_MISMATCH',
        position: 9,
        message:
          'The check digit (position 9) is 3, but the other characters work out to 5. One character is probably wrong: read the VIN again.',
      },
    ])
  })

  it('catches one mistyped character anywhere in the VIN', () => {
    // The Accord with position 5 (M) typed as N.
    const result = check('1HGCN82633A004352')
    expect(result.checkDigit.valid).toBe(false)
    expect(result.warnings[0]?.code).toBe('CHECK_DIGIT_MISMATCH')
  })

  it('for a VIN from outside North America, the warning says the check digit may not be used', () => {
    // The knowledge base's Land Rover sample: North American rule gives 7, the VIN has 4.
    const result = check('SALVA2AE4EH877322')
    expect(result.valid).toBe(true)
    expect(result.checkDigit).toMatchObject({ expected: '7', actual: '4', valid: false })
    expect(result.warnings[0]?.message).toMatch(/outside North America often don’t use a check digit/)
    expect(result.modelYear.confidence).toBe('medium')
  })

  it('a letter in position 9 (a European-format VIN) is a different warning, and the year is a guess', () => {
    const result = check('WVWZZZ1JZ3W386752')
    expect(result.valid).toBe(true)
    expect(result.warnings.map((w) => w.code)).toEqual(['NO_CHECK_DIGIT'])
    expect(result.warnings[0]?.message).toBe(
      'Position 9 is “Z”, not a check digit: this VIN doesn’t use the North American check, so typos can’t be caught. Read it again carefully.',
    )
    expect(result.modelYear).toMatchObject({ year: 2003, confidence: 'low' })
  })
})

describe('validateVin: errors the desk can act on', () => {
  it('says how many characters there are when the length is wrong', () => {
    expect(check('1HGCM82633A00435').errors).toEqual([{ code: 'LENGTH', message: 'A VIN has 17 characters; this has 16.' }])
    expect(check('1HGCM82633A0043522').errors[0]?.message).toBe('A VIN has 17 characters; this has 18.')
    expect(check('1HGCM82633A00435').checkDigit).toEqual({ position: 9, expected: null, actual: '3', valid: false })
    expect(check('1HGCM82633A00435').modelYear).toMatchObject({ year: null, confidence: 'none', candidates: [] })
  })

  it('asks for the VIN when it is empty', () => {
    const result = check('  - ')
    expect(result.valid).toBe(false)
    expect(result.errors).toEqual([{ code: 'EMPTY', message: 'Enter the VIN: 17 letters and digits.' }])
    expect(result.wmi).toBeNull()
  })

  it('names the letter O, suggests zero and gives its position', () => {
    const result = check('1HGCO82633A004352')
    expect(result.valid).toBe(false)
    expect(result.errors).toEqual([
      { code: 'FORBIDDEN_LETTER', position: 5, message: 'VINs never use the letter O — did you mean 0 (zero)? (position 5)' },
    ])
  })

  it('names I (did you mean one) and Q (did you mean zero), every occurrence', () => {
    const result = check('1HGCM82633AI04Q52')
    expect(result.errors.map((e) => e.message)).toEqual([
      'VINs never use the letter I — did you mean 1 (one)? (position 12)',
      'VINs never use the letter Q — did you mean 0 (zero)? (position 15)',
    ])
  })

  it('rejects other characters with their position', () => {
    const result = check('1HGCM82633A00#352')
    expect(result.errors).toEqual([
      {
        code: 'INVALID_CHARACTER',
        position: 14,
        message: '“#” can’t be in a VIN: only digits and the letters A–Z except I, O and Q. (position 14)',
      },
    ])
  })

  it('reports a wrong length and a wrong letter together', () => {
    const codes = check('1HGCO82633A00435').errors.map((e) => e.code)
    expect(codes).toEqual(['LENGTH', 'FORBIDDEN_LETTER'])
  })
})

describe('validateVin: model year (position 10, with position 7 for the 30-year cycle)', () => {
  it('knows both years of every code and that U, Z and 0 are not year codes', () => {
    expect(modelYearCycle('A')).toEqual([1980, 2010])
    expect(modelYearCycle('Y')).toEqual([2000, 2030])
    expect(modelYearCycle('1')).toEqual([2001, 2031])
    expect(modelYearCycle('9')).toEqual([2009, 2039])
    for (const code of ['U', 'Z', '0', 'I', 'O', 'Q']) expect(modelYearCycle(code)).toBeNull()
  })

  it('position 7 a digit → the earlier year', () => {
    expect(check('1HGCM82633A004352').modelYear).toEqual({
      code: '3',
      candidates: [2003],
      year: 2003,
      confidence: 'high',
      basis: 'Position 10 is “3” (2003 or 2033); position 7 is a digit, so 2003.',
    })
  })

  it('position 7 a letter → the later year; both years stay as candidates when both have happened', () => {
    expect(check('1C4PJMBN0PD109492').modelYear).toEqual({
      code: 'P',
      candidates: [1993, 2023],
      year: 2023,
      confidence: 'high',
      basis: 'Position 10 is “P” (1993 or 2023); position 7 is a letter, so 2023.',
    })
  })

  it('position 7 a letter but the later year has not come yet → the earlier year (pre-2010 VIN)', () => {
    expect(check('1HGCM8A62YA004352').modelYear).toEqual({
      code: 'Y',
      candidates: [2000],
      year: 2000,
      confidence: 'high',
      basis: 'Position 10 is “Y” (2000 or 2030); 2030 has not come yet, so 2000.',
    })
  })

  it('next year counts as possible (models go on sale early); the year after does not', () => {
    // Titan: letter in position 7, code A = 1980/2010.
    expect(validateVin('1N6AA0ED4AN318993', { now: new Date('2009-03-01T12:00:00Z') }).modelYear.year).toBe(2010)
    expect(validateVin('1N6AA0ED4AN318993', { now: new Date('2008-03-01T12:00:00Z') }).modelYear.year).toBe(1980)
  })

  it('a VIN with a wrong check digit gets the same year with medium confidence', () => {
    expect(check('1HGCM82633A004353').modelYear).toMatchObject({ year: 2003, confidence: 'medium' })
  })

  it('0, U or Z in position 10: no year, and a warning saying so', () => {
    // A European-format VIN (no check digit) with 0 in position 10.
    const result = check('WVWZZZ1KZ0W123456')
    expect(result.modelYear).toMatchObject({ code: '0', year: null, confidence: 'none', candidates: [] })
    expect(result.warnings).toContainEqual({
      code: 'NO_MODEL_YEAR',
      position: 10,
      message: 'Position 10 is “0”, which is not a model-year code, so this VIN does not say the model year.',
    })
  })
})

describe('fromScannerInput (USB barcode scanner, Code 39)', () => {
  it('drops the leading I of an 18-character read (the Nissan Titan label from the knowledge base)', () => {
    const scanned = fromScannerInput('I1N6AA0ED4AN318993\r\n', { now })
    expect(scanned.vin).toBe('1N6AA0ED4AN318993')
    expect(scanned.droppedPrefix).toBe('I')
    expect(scanned.validation.valid).toBe(true)
    expect(scanned.validation.checkDigit.valid).toBe(true)
  })

  it('removes the Code 39 start/stop asterisks, spaces, Tab/Enter and other control characters', () => {
    const scanned = fromScannerInput('\u0002*I1N6AA0ED4AN318993*\u0003\t\r', { now })
    expect(scanned.vin).toBe('1N6AA0ED4AN318993')
    expect(scanned.droppedPrefix).toBe('I')
  })

  it('drops the I even when the rest then has a wrong check digit (I is never a VIN character)', () => {
    const scanned = fromScannerInput('I1N6AA0ED4AN318994', { now })
    expect(scanned.vin).toBe('1N6AA0ED4AN318994')
    expect(scanned.droppedPrefix).toBe('I')
    expect(scanned.validation.valid).toBe(true)
    expect(scanned.validation.warnings[0]?.code).toBe('CHECK_DIGIT_MISMATCH')
  })

  it('drops another leading character only when the other 17 pass, check digit included', () => {
    const good = fromScannerInput('X1N6AA0ED4AN318993', { now })
    expect(good).toMatchObject({ vin: '1N6AA0ED4AN318993', droppedPrefix: 'X' })

    const rest = fromScannerInput('X1N6AA0ED4AN318994', { now })
    expect(rest.vin).toBe('X1N6AA0ED4AN318994')
    expect(rest.droppedPrefix).toBeNull()
    expect(rest.validation.errors[0]?.message).toBe('A VIN has 17 characters; this has 18.')
  })

  it('leaves a clean 17-character read alone', () => {
    const scanned = fromScannerInput('1N6AA0ED4AN318993\r', { now })
    expect(scanned).toMatchObject({ vin: '1N6AA0ED4AN318993', droppedPrefix: null })
    expect(scanned.validation.valid).toBe(true)
  })

  it('does not drop anything from a read of another length', () => {
    expect(fromScannerInput('II1N6AA0ED4AN318993').droppedPrefix).toBeNull()
    expect(fromScannerInput('I1N6AA0ED4AN31899').droppedPrefix).toBeNull()
  })
})

describe('vinSchema / optionalVinSchema', () => {
  it('outputs the normalised VIN and accepts a wrong check digit (a warning only)', () => {
    expect(vinSchema.parse('1hgcm8-2633-a004352')).toBe('1HGCM82633A004352')
    expect(vinSchema.parse('1HGCM82633A004353')).toBe('1HGCM82633A004353')
  })

  it('refuses an unusable VIN with the desk-friendly messages', () => {
    const result = vinSchema.safeParse('1HGCO82633A00435')
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'A VIN has 17 characters; this has 16.',
      'VINs never use the letter O — did you mean 0 (zero)? (position 5)',
    ])
    expect(vinSchema.safeParse('').success).toBe(false)
  })

  it('optionalVinSchema allows an empty field', () => {
    expect(optionalVinSchema.parse(' ')).toBe('')
    expect(optionalVinSchema.parse('jhlrd77874c026456')).toBe('JHLRD77874C026456')
    expect(optionalVinSchema.safeParse('JHLRD77874C02645').success).toBe(false)
  })
})
