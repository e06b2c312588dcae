import { describe, expect, it } from 'vitest'
import { recoveryKeyFromRandom, recoveryKeyGroups } from '../../../shared/domain/recovery-key'
import { PRINT_DOCUMENT_CSP } from '../../../shared/print/html'
import { renderRecoverySheet } from '../../../shared/print/recovery-sheet'

const KEY = recoveryKeyFromRandom(Uint8Array.from({ length: 18 }, (_, i) => (i * 37 + 11) & 0xff))

describe('recovery sheet', () => {
  it('prints every group of the key, numbered, with what it is for; the title and kind never carry the key', () => {
    const sheet = renderRecoverySheet({ shopName: 'Rivera <Auto>', recoveryKey: KEY, madeAt: 'November 24, 2026' })
    expect(sheet.kind).toBe('recovery-sheet')
    expect(sheet.title).toBe('Recovery sheet')
    recoveryKeyGroups(KEY).forEach((group, index) => expect(sheet.html).toContain(`<span class="n">${index + 1}</span>${group}</span>`))
    expect(sheet.html).toContain('Rivera &lt;Auto&gt;')
    expect(sheet.html).toContain('shop safe')
    expect(sheet.html).toContain('cannot be recovered by anyone')
    expect(sheet.html).toContain(PRINT_DOCUMENT_CSP)
    expect(sheet.pageSize).toEqual({ widthMm: 215.9, heightMm: 279.4 })
    expect(renderRecoverySheet({ shopName: '', recoveryKey: KEY, madeAt: 'x' }, 'a4').pageSize).toEqual({ widthMm: 210, heightMm: 297 })
  })
})
