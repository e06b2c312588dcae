import type { PrintableDocument } from './document'
import { escapeHtml } from './html'
import type { KbDocumentFacts } from './kb-facts'
import { htmlPage, paperPageSize, vehicleLine, type PaperSize } from './kit'
import { letterheadHtml, pagedBody, paperCss, type LetterheadShop } from './paper'
import { formatDay, stringsFor, type DocumentLanguage } from './strings'

/*
 * A one-page radio code request for shops that fax or email dealers: shop,
 * vehicle, VIN, radio serial, and the proof of ownership the shop holds.
 */

export interface DealerRequestData {
  readonly language: DocumentLanguage
  readonly shop: LetterheadShop
  /** The dealer written to; null leaves a line to fill in. */
  readonly dealerName: string | null
  readonly ownerName: string
  readonly vehicle: { readonly year: number | null; readonly make: string; readonly model: string; readonly vin: string; readonly plate: string }
  readonly radioSerial: string
  readonly headUnit: string
  /** Proof of ownership the shop has seen or holds, e.g. "Registration (seen 24 Nov 2026)". */
  readonly proofsOnFile: readonly string[]
  readonly kb: KbDocumentFacts
  /** Who at the shop sends it; null leaves a line. */
  readonly requestedBy: string | null
  readonly day: string
}

export function renderDealerRequest(data: DealerRequestData, paper: PaperSize): PrintableDocument {
  const t = stringsFor(data.language)
  const size = paperPageSize(paper)
  const fill = '<span class="fill"></span>'
  const asks = data.kb.proof.filter((p) => p.asks.length > 0)
  const content = `${letterheadHtml(data.shop, formatDay(data.day, data.language))}
<h1>${escapeHtml(t.requestTitle)}</h1>
<table class="facts head">
<tr><th>${escapeHtml(t.requestTo)}</th><td>${data.dealerName ? escapeHtml(data.dealerName) : fill}</td></tr>
<tr><th>${escapeHtml(t.requestFrom)}</th><td>${escapeHtml(data.shop.name)}${data.requestedBy ? ` — ${escapeHtml(data.requestedBy)}` : ''}</td></tr>
</table>
<p class="body">${escapeHtml(t.requestBody)}</p>
<div class="box"><table class="facts">
<tr><th>${escapeHtml(t.vehicle)}</th><td>${escapeHtml(vehicleLine(data.vehicle))}${data.vehicle.plate ? ` · ${escapeHtml(data.vehicle.plate)}` : ''}</td></tr>
<tr><th>${escapeHtml(t.vin)}</th><td class="mono big">${data.vehicle.vin ? escapeHtml(data.vehicle.vin) : fill}</td></tr>
<tr><th>${escapeHtml(t.radioSerial)}</th><td class="mono big">${data.radioSerial ? escapeHtml(data.radioSerial) : fill}${data.headUnit ? ` <span class="muted">(${escapeHtml(data.headUnit)})</span>` : ''}</td></tr>
<tr><th>${escapeHtml(t.requestOwner)}</th><td>${escapeHtml(data.ownerName)}</td></tr>
</table></div>
<h2>${escapeHtml(t.proofOnFile)}</h2>
${data.proofsOnFile.length > 0 ? `<ul>${data.proofsOnFile.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>` : `<p>${escapeHtml(t.proofNoneOnFile)}</p>`}
${
  asks.length > 0
    ? `<h2>${escapeHtml(t.makerAsks)}${t.kbInEnglish ? ` <span class="muted">${escapeHtml(t.kbInEnglish)}</span>` : ''}</h2><ul>${asks
        .map((p) => `<li>${escapeHtml(`${p.makes.join('/')}${p.region ? ` (${p.region})` : ''}`)}: ${escapeHtml(p.asks.join(', '))}</li>`)
        .join('')}</ul>`
    : ''
}
<h2>${escapeHtml(t.replyTo)}</h2>
<table class="facts">
<tr><th>${escapeHtml(t.phone)}</th><td>${data.shop.phone ? escapeHtml(data.shop.phone) : fill}</td></tr>
<tr><th>${escapeHtml(t.address)}</th><td class="pre">${data.shop.address ? escapeHtml(data.shop.address) : fill}</td></tr>
</table>
<div class="box reply"><b>${escapeHtml(t.dealerReply)}</b>
<div class="reply-row"><span>${escapeHtml(t.codeWriteHere)}</span><span class="code-boxes">${'<span></span>'.repeat(6)}</span><span>${escapeHtml(t.spokeWith)}</span><span class="fill"></span></div></div>
<div class="sign"><span>${escapeHtml(t.signature)}</span><span class="fill"></span><span>${escapeHtml(t.date)}</span><span class="fill short"></span></div>`
  const css = `${paperCss()}
table.facts.head th { width: 18mm; }
table.facts.head td { border-bottom: none; }
.body { margin: 4mm 0; }
.big { font-size: 12pt; letter-spacing: 0.04em; }
.pre { white-space: pre-line; }
.sign { display: flex; align-items: flex-end; gap: 3mm; margin-top: 10mm; }
.reply { margin-top: 5mm; }
.reply-row { display: flex; align-items: flex-end; gap: 3mm; margin-top: 2mm; }
.reply-row .fill { flex: 1; min-width: 0; }
.code-boxes { display: inline-flex; gap: 1.2mm; }
.code-boxes span { display: inline-block; width: 7.5mm; height: 9mm; border: 0.35mm solid #000; }
.sign .fill { flex: 1; min-width: 0; }
.sign .fill.short { flex: 0 0 40mm; }
`
  const html = htmlPage({ lang: t.lang, title: t.requestTitle, pageSize: size, css, body: pagedBody(content) })
  return { kind: `dealer-request-${paper}`, title: t.requestTitle, html, pageSize: size }
}
