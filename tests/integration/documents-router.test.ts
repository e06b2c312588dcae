import { describe, expect, it } from 'vitest'
import type { PrintOutcome } from '../../shared/domain/printing'
import type { PrintableDocument } from '../../shared/print/document'
import { errorOf, valueOf } from '../helpers/results'
import { firstStartWithJob, useDesks } from './desk-harness'

/* Printing through the contract: previews never carry the code; the card prints only with a PIN. */

const desks = useDesks()

async function start() {
  const desk = await desks.start({ accessControl: true })
  const world = await firstStartWithJob(desk.call, { code: '41263', ownerName: 'Ana <b>López</b>' })
  return { call: desk.call, vehicleId: world.vehicleId, jobId: world.jobId, printer: desk.printer }
}

describe('documents through the router', () => {
  it('a card preview shows the code masked and the customer text escaped', async () => {
    const { call, vehicleId } = await start()
    const preview = valueOf(await call<PrintableDocument>('documents.preview', { document: 'code-card', vehicleId, format: 'wallet' }))
    expect(preview.html).not.toContain('41263')
    expect(preview.html).toContain('•••••')
    expect(preview.html).toContain('Ana &lt;b&gt;López&lt;/b&gt;')
    expect(preview.pageSize.widthMm).toBeCloseTo(85.6, 0)
  })

  it('printing the card needs the PIN; with it the printer gets the code; the reminder never has it', async () => {
    const { call, vehicleId, jobId, printer } = await start()
    // The manager's PIN was typed at set-up, within the recent-unlock window; a wrong PIN is still refused.
    const wrong = errorOf(await call('documents.print', { request: { document: 'code-card', vehicleId, format: 'wallet' }, pin: '0000' }))
    expect(wrong.code).toBe('FORBIDDEN')
    expect(printer.requests).toHaveLength(0)
    const card = valueOf(await call<PrintOutcome>('documents.print', { request: { document: 'code-card', jobId, format: 'wallet' }, pin: '2580' }))
    expect(card.status).toBe('printed')
    // One span per digit, so compare the text without tags and spaces.
    const text = (html: string) => html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, '').replace(/\s+/g, '')
    expect(text(printer.requests.at(-1)!.document.html)).toContain('41263')
    valueOf(await call<PrintOutcome>('documents.print', { request: { document: 'pickup-reminder', jobId, format: 'receipt' } }))
    expect(text(printer.requests.at(-1)!.document.html)).not.toContain('41263')
    expect(printer.requests.at(-1)!.document.html).toContain('RO-77')
  })
})
