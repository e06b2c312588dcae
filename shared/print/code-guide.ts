import type { PrintableDocument } from './document'
import { escapeHtml } from './html'
import { type KbDocumentFacts, type KbEntryFacts, SELF_SERVICE_KINDS } from './kb-facts'
import { htmlPage, paperPageSize, vehicleLine, type PaperSize } from './kit'
import { letterheadHtml, pagedBody, paperCss, type LetterheadShop } from './paper'
import { formatDay, stringsFor, type DocumentLanguage, type DocumentStrings } from './strings'

/*
 * "How to get your radio code": for a customer whose code is unknown. What
 * the radio may show, where to look first, who can give the code and what
 * each asks for (knowledge base), the VIN and radio serial filled in, the
 * proof of ownership to bring, and a place for the dealer's answer.
 */

export interface CodeGuideData {
  readonly language: DocumentLanguage
  readonly shop: LetterheadShop
  readonly customerName: string
  readonly vehicle: { readonly year: number | null; readonly make: string; readonly model: string; readonly vin: string }
  readonly radioSerial: string
  readonly kb: KbDocumentFacts
  /** The day printed, YYYY-MM-DD. */
  readonly day: string
}

function kbNote(t: DocumentStrings): string {
  return t.kbInEnglish === '' ? '' : ` <span class="muted">${escapeHtml(t.kbInEnglish)}</span>`
}

function entryHeading(entry: KbEntryFacts, several: boolean): string {
  return several ? `<h3>${escapeHtml(entry.label)}</h3>` : ''
}

function displaySection(data: CodeGuideData, t: DocumentStrings): string {
  const withTexts = data.kb.entries.filter((e) => e.lockedDisplay.length > 0)
  if (withTexts.length === 0) return `<p>${escapeHtml(t.whatRadioShowsNone)}</p>`
  const several = withTexts.length > 1
  return withTexts
    .map(
      (entry) =>
        `${entryHeading(entry, several)}<ul>${entry.lockedDisplay
          .map((d) => `<li><b class="mono">${escapeHtml(d.text)}</b>${d.meaning ? ` — ${escapeHtml(d.meaning)}` : ''}</li>`)
          .join('')}</ul>`,
    )
    .join('')
}

function lookFirstSection(data: CodeGuideData, t: DocumentStrings): string {
  const parts = data.kb.entries
    .map((entry) => ({ entry, places: entry.channels.filter((c) => SELF_SERVICE_KINDS.includes(c.kind)) }))
    .filter((p) => p.places.length > 0)
  if (parts.length === 0) return `<ul>${t.lookFirstItems.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`
  const several = parts.length > 1
  return parts
    .map(
      ({ entry, places }) =>
        `${entryHeading(entry, several)}<ul>${places
          .map((c) => `<li>${escapeHtml(c.description)}${c.region ? ` <span class="muted">(${escapeHtml(c.region)})</span>` : ''}</li>`)
          .join('')}</ul>`,
    )
    .join('')
}

function channelsSection(data: CodeGuideData, t: DocumentStrings): string {
  const parts = data.kb.entries
    .map((entry) => ({ entry, channels: entry.channels.filter((c) => !SELF_SERVICE_KINDS.includes(c.kind)) }))
    .filter((p) => p.channels.length > 0)
  if (parts.length === 0) return `<p>${escapeHtml(t.channelsNone)}</p>`
  const several = parts.length > 1
  return parts
    .map(
      ({ entry, channels }) =>
        `${entryHeading(entry, several)}<ul>${channels
          .map((c) => {
            const extra = [
              c.region ? `${escapeHtml(t.region)}: ${escapeHtml(c.region)}` : null,
              c.url ? `${escapeHtml(t.website)}: <span class="mono">${escapeHtml(c.url)}</span>` : null,
              c.asks.length > 0 ? `${escapeHtml(t.asksFor)}: <b>${escapeHtml(c.asks.join(', '))}</b>` : null,
            ].filter((x) => x !== null)
            return `<li>${escapeHtml(c.description)}${extra.length > 0 ? `<br/><span class="note">${extra.join(' · ')}</span>` : ''}</li>`
          })
          .join('')}</ul>`,
    )
    .join('')
}

export function proofSection(kb: KbDocumentFacts, t: DocumentStrings): string {
  if (kb.proof.length === 0) {
    return `<ul><li>${escapeHtml(kb.proofSummary ?? t.proofDefault)}</li></ul>`
  }
  return `<ul>${kb.proof
    .map((item) => {
      const who = `${item.makes.join('/')}${item.region ? ` (${item.region})` : ''}`
      const asks = item.asks.length > 0 ? `: <b>${escapeHtml(item.asks.join(', '))}</b>` : ''
      const phone = item.byPhone === false ? ` <span class="note">— ${escapeHtml(t.proofNotByPhone)}</span>` : ''
      const notes = item.notes.map((n) => `<br/><span class="note">${escapeHtml(n)}</span>`).join('')
      return `<li>${escapeHtml(who)}${asks}${phone}${notes}</li>`
    })
    .join('')}</ul>`
}

export function renderCodeGuide(data: CodeGuideData, paper: PaperSize): PrintableDocument {
  const t = stringsFor(data.language)
  const size = paperPageSize(paper)
  const note = kbNote(t)
  const content = `${letterheadHtml(data.shop, formatDay(data.day, data.language))}
<h1>${escapeHtml(t.guideTitle)}</h1>
<p>${escapeHtml(t.guideIntro)}</p>
<div class="box"><table class="facts">
<tr><th>${escapeHtml(t.customer)}</th><td>${escapeHtml(data.customerName)}</td></tr>
<tr><th>${escapeHtml(t.vehicle)}</th><td>${escapeHtml(vehicleLine(data.vehicle))}</td></tr>
<tr><th>${escapeHtml(t.vin)}</th><td class="mono">${data.vehicle.vin ? escapeHtml(data.vehicle.vin) : '<span class="fill"></span>'}</td></tr>
<tr><th>${escapeHtml(t.radioSerial)}</th><td class="mono">${data.radioSerial ? escapeHtml(data.radioSerial) : '<span class="fill"></span>'}</td></tr>
</table></div>
<h2>${escapeHtml(t.whatRadioShows)}${note}</h2>
${displaySection(data, t)}
<h2>${escapeHtml(t.lookFirst)}${data.kb.entries.some((e) => e.channels.some((c) => SELF_SERVICE_KINDS.includes(c.kind))) ? note : ''}</h2>
${lookFirstSection(data, t)}
<h2>${escapeHtml(t.channelsTitle)}${data.kb.entries.length > 0 ? note : ''}</h2>
${channelsSection(data, t)}
<h2>${escapeHtml(t.proofTitle)}${data.kb.proof.length > 0 ? note : ''}</h2>
${proofSection(data.kb, t)}
<div class="box answer">
<h2 class="answer-title">${escapeHtml(t.dealerAnswer)}</h2>
<div class="answer-row code-row"><span>${escapeHtml(t.codeWriteHere)}</span><span class="code-boxes">${'<span></span>'.repeat(6)}</span></div>
<div class="answer-row"><span>${escapeHtml(t.spokeWith)}</span><span class="fill wide"></span></div>
<div class="answer-row"><span>${escapeHtml(t.calledOn)}</span><span class="fill"></span></div>
<p class="note">${escapeHtml(t.dealerAnswerHint)}</p>
</div>
<p class="closing">${escapeHtml(t.afterCode)}${data.shop.phone ? ` ${escapeHtml(t.questions)}: <b>${escapeHtml(data.shop.phone)}</b>` : ''}</p>`
  const css = `${paperCss()}
.answer { margin-top: 5mm; }
.answer-title { margin-top: 0; border: none; }
.answer-row { display: flex; align-items: flex-end; gap: 3mm; margin: 2.5mm 0; }
.answer-row.code-row { align-items: center; }
.answer-row > span:first-child { width: 42mm; flex: none; }
.fill.wide { flex: 1; }
.code-boxes { display: inline-flex; gap: 1.5mm; }
.code-boxes span { display: inline-block; width: 9mm; height: 11mm; border: 0.35mm solid #000; }
.closing { margin-top: 4mm; }
`
  const html = htmlPage({ lang: t.lang, title: t.guideTitle, pageSize: size, css, body: pagedBody(content) })
  return { kind: `code-guide-${paper}`, title: t.guideTitle, html, pageSize: size }
}
