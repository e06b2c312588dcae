import { describe, expect, it } from 'vitest'
import {
  ASK_FOR_CODE_CARD,
  checkInSchema,
  codeUnknown,
  radioExpectation,
  roNumberSchema,
  summarizeCodeSituation,
  type CodeOnFile,
} from '../../../shared/domain/battery-job'
import { findRadioGuidance } from '../../../shared/knowledge'
import { loadKnowledge } from '../knowledge/load-knowledge'

/*
 * The check-in answer, from the real knowledge base: code on file (verified
 * or not), code expected and missing, no code expected, or unknown.
 */

const kb = loadKnowledge()
const guidance = (make: string, model: string, year: number | null) => findRadioGuidance(kb, { make, model, year })

const code = (verified: boolean, source: CodeOnFile['source'] = 'customer'): CodeOnFile => ({ codeId: 7, radioId: 3, verified, source })

describe('code situation at check-in', () => {
  it('a 2005 Honda Accord with no code: code expected and missing, ask for the card, offer retrieval', () => {
    const situation = summarizeCodeSituation({ code: null, radioOnFile: true, guidance: guidance('Honda', 'Accord', 2005) })
    expect(situation.kind).toBe('code-expected-missing')
    expect(situation.sentence).toMatch(/^This radio usually needs a code after the battery is disconnected \(Honda\/Acura radio/)
    expect(situation.sentence).toMatch(/we have no code on file\./)
    expect(situation.sentence.endsWith(ASK_FOR_CODE_CARD)).toBe(true)
    expect(ASK_FOR_CODE_CARD).toMatch(/owner’s manual wallet and the glove box/)
    expect(situation).toMatchObject({ askForCodeCard: true, offerRetrieval: true, code: null, codeClearsGate: false })
    expect(codeUnknown(situation)).toBe(true)
  })

  it('the same car with a verified code: code on file, verified; nothing to ask', () => {
    const situation = summarizeCodeSituation({ code: code(true), radioOnFile: true, guidance: guidance('Honda', 'Accord', 2005) })
    expect(situation).toMatchObject({ kind: 'code-on-file-verified', askForCodeCard: false, offerRetrieval: false, codeClearsGate: true })
    expect(situation.sentence).toBe('A code is on file for this radio, and it has worked in the radio.')
  })

  it('an unconfirmed code says where it came from and whether it clears the gate', () => {
    const fromCustomer = summarizeCodeSituation({ code: code(false), radioOnFile: true, guidance: guidance('Honda', 'Accord', 2005) })
    expect(fromCustomer.kind).toBe('code-on-file')
    expect(fromCustomer.sentence).toMatch(/source: told by the customer.*not been confirmed.*memory saver/)
    expect(fromCustomer.codeClearsGate).toBe(false)
    const fromCard = summarizeCodeSituation({ code: code(false, 'owner-card'), radioOnFile: true, guidance: guidance('Honda', 'Accord', 2005) })
    expect(fromCard.codeClearsGate).toBe(true)
    expect(fromCard.sentence).not.toMatch(/memory saver/)
  })

  it('a radio that pairs with the car: no code expected', () => {
    const situation = summarizeCodeSituation({ code: null, radioOnFile: false, guidance: guidance('Chevrolet', 'Impala', 2008) })
    expect(situation.kind).toBe('no-code-expected')
    expect(situation.sentence).toMatch(/pairs itself with the car .*no code is expected after a battery disconnect/)
    expect(situation.sentence).toMatch(/Check first: The car has this audio system/)
    expect(situation.askForCodeCard).toBe(false)
    expect(codeUnknown(situation)).toBe(false)
  })

  it('an unknown make: unknown, still asks for the card', () => {
    const situation = summarizeCodeSituation({ code: null, radioOnFile: false, guidance: guidance('Tesla', 'Model S', 2015) })
    expect(situation.kind).toBe('unknown')
    expect(situation.sentence).toMatch(/does not cover “Tesla”/)
    expect(situation.askForCodeCard).toBe(true)
  })

  it('no make on file: unknown', () => {
    const situation = summarizeCodeSituation({ code: null, radioOnFile: false, guidance: guidance('', '', null) })
    expect(situation.kind).toBe('unknown')
    expect(situation.sentence).toMatch(/Enter the make/)
  })

  it('no year where the year matters: the safe reading (a code may be needed) and a hint to add the year', () => {
    const situation = summarizeCodeSituation({ code: null, radioOnFile: false, guidance: guidance('Honda', 'Accord', null) })
    expect(situation.kind).toBe('code-expected-missing')
    expect(situation.sentence).toMatch(/Some of these cars pair the radio with the car instead/)
    expect(situation.sentence).toMatch(/Add the model year/)
  })

  it('a radio that locks only if the owner set a code: unknown, ask the customer', () => {
    const situation = summarizeCodeSituation({ code: null, radioOnFile: false, guidance: guidance('Mazda', '3', 2008) })
    expect(radioExpectation(guidance('Mazda', '3', 2008)).kind).toBe('owner-set')
    expect(situation.kind).toBe('unknown')
    expect(situation.sentence).toMatch(/locks only if the owner set a code/)
  })

  it('entries the report cannot tell apart (pairs or unknown): unknown', () => {
    expect(radioExpectation(guidance('Jeep', 'Cherokee', 2008)).kind).toBe('unknown')
    expect(summarizeCodeSituation({ code: null, radioOnFile: false, guidance: guidance('Jeep', 'Cherokee', 2008) }).kind).toBe('unknown')
  })
})

describe('check-in input', () => {
  it('defaults: owner as customer, no RO, no retrieval', () => {
    expect(checkInSchema.parse({ vehicleId: 4 })).toEqual({ vehicleId: 4, customerId: null, roNumber: '', notes: '', retrieval: null })
  })

  it('RO numbers are tidied and uppercased; odd characters are refused', () => {
    expect(roNumberSchema.parse(' ro-10442 ')).toBe('RO-10442')
    expect(roNumberSchema.safeParse('10442; drop table').success).toBe(false)
    expect(roNumberSchema.safeParse('x'.repeat(31)).success).toBe(false)
  })

  it('a retrieval request in the same step needs a channel', () => {
    expect(checkInSchema.parse({ vehicleId: 4, retrieval: { channel: 'dealer' } }).retrieval).toEqual({ channel: 'dealer', followUpOn: null })
    expect(checkInSchema.safeParse({ vehicleId: 4, retrieval: { channel: '' } }).success).toBe(false)
  })
})
