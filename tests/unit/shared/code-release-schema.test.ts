import { describe, expect, it } from 'vitest'
import { textContainsCode } from '../../../shared/domain/code-in-text'
import { isOwnershipProof, releaseCodeSchema, RELEASE_PROOF_TYPES } from '../../../shared/domain/code-release'

const base = { codeId: 1, recipientName: ' Ana   López ', recipientRole: 'owner', via: 'in-person', proofs: ['title'] }

function problems(input: Record<string, unknown>): { path: string; message: string }[] {
  const parsed = releaseCodeSchema.safeParse(input)
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
}

describe('releaseCodeSchema', () => {
  it('tidies the name and fills the defaults', () => {
    expect(releaseCodeSchema.parse(base)).toEqual({
      codeId: 1,
      pin: null,
      recipientName: 'Ana López',
      recipientRole: 'owner',
      via: 'in-person',
      proofs: ['title'],
      noProofReason: null,
    })
  })

  it('photo ID is recorded but is not a proof of ownership', () => {
    expect(RELEASE_PROOF_TYPES.filter(isOwnershipProof)).toEqual(['registration', 'title', 'insurance-card', 'purchase-documents'])
    expect(problems({ ...base, proofs: ['photo-id'] })[0]).toMatchObject({ path: 'proofs' })
    expect(problems({ ...base, proofs: ['photo-id', 'purchase-documents'] })).toEqual([])
  })

  it('no proof: allowed by the schema only at the counter with a reason (the service then requires a manager)', () => {
    expect(problems({ ...base, proofs: [] })[0]!.message).toMatch(/at least one proof of ownership/)
    expect(problems({ ...base, proofs: [], noProofReason: 'Known customer' })).toEqual([])
    expect(problems({ ...base, proofs: [], noProofReason: '   ' })[0]!.path).toBe('proofs')
    expect(problems({ ...base, via: 'phone', proofs: [], noProofReason: 'Known customer' })[0]!.message).toMatch(/read out a proof/)
    expect(problems({ ...base, noProofReason: 'Known customer' })[0]!.path).toBe('noProofReason')
  })

  it('by phone only to the owner', () => {
    expect(problems({ ...base, via: 'phone' })).toEqual([])
    expect(problems({ ...base, via: 'phone', recipientRole: 'for-owner' })[0]!.path).toBe('recipientRole')
    expect(problems({ ...base, recipientRole: 'for-owner' })).toEqual([])
  })
})

describe('textContainsCode', () => {
  it('finds the code as a word, split by spaces or dashes, or next to punctuation', () => {
    for (const text of ['53164', 'code 53164.', 'code:53164', '(53164)', 'it is 53 164', '531-64 from the dealer', 'x,53164,y']) {
      expect(textContainsCode(text, '53164'), text).toBe(true)
    }
    expect(textContainsCode('code ab12c', 'AB12C')).toBe(true)
  })

  it('does not flag a longer number that merely contains the digits, or nothing', () => {
    for (const text of ['0161 531 6400', '253164', '5316', '', null, undefined]) {
      expect(textContainsCode(text, '53164'), String(text)).toBe(false)
    }
    expect(textContainsCode('anything', '')).toBe(false)
  })
})
