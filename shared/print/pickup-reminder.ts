import type { PrintableDocument } from './document'
import { escapeHtml } from './html'
import { CODE_FONT_STACK, LABEL_62_WIDTH_MM, RECEIPT_WIDTH_MM, htmlPage, mm, vehicleLine, vinLastSix } from './kit'
import { formatDay, stringsFor, type DocumentLanguage } from './strings'
import type { PageSizeMm } from './units'

/*
 * Pickup reminder for the keys or the repair order: RO number, customer,
 * vehicle and "give the radio code card to the customer". It has no code
 * field at all, so it can never print one.
 */

export const REMINDER_FORMATS = ['receipt', 'label'] as const
export type ReminderFormat = (typeof REMINDER_FORMATS)[number]

export interface PickupReminderData {
  readonly language: DocumentLanguage
  readonly shopName: string
  readonly roNumber: string
  readonly customerName: string
  readonly vehicle: { readonly year: number | null; readonly make: string; readonly model: string; readonly vin: string; readonly plate: string }
  /** The day printed, YYYY-MM-DD. */
  readonly day: string
}

export function reminderPageSize(format: ReminderFormat): PageSizeMm {
  return format === 'label' ? { widthMm: LABEL_62_WIDTH_MM, heightMm: 72 } : { widthMm: RECEIPT_WIDTH_MM, heightMm: 78 }
}

export function renderPickupReminder(data: PickupReminderData, format: ReminderFormat): PrintableDocument {
  const t = stringsFor(data.language)
  const size = reminderPageSize(format)
  const label = format === 'label'
  const vin6 = vinLastSix(data.vehicle.vin)
  const vehicleBits = [data.vehicle.plate.trim() === '' ? null : escapeHtml(data.vehicle.plate), vin6 ? `${escapeHtml(t.vinLastSix)} <span class="mono">${escapeHtml(vin6)}</span>` : null]
    .filter((b) => b !== null)
    .join(' · ')
  const body = `<div class="reminder">
<div class="top"><span class="shop">${escapeHtml(data.shopName)}</span><span class="day">${escapeHtml(formatDay(data.day, data.language))}</span></div>
<div class="ro"><div class="ro-label">${escapeHtml(t.roNumber)}</div><span class="ro-number">${escapeHtml(data.roNumber.trim() === '' ? '—' : data.roNumber)}</span></div>
<div class="customer">${escapeHtml(data.customerName)}</div>
<div class="vehicle">${escapeHtml(vehicleLine(data.vehicle))}</div>
${vehicleBits ? `<div class="vehicle-ids">${vehicleBits}</div>` : ''}
<div class="action">${escapeHtml(t.giveCard)}</div>
<p class="detail">${escapeHtml(t.giveCardDetail)}</p>
<div class="tick"><span class="box"></span> ${escapeHtml(t.handedOverBy)} <span class="line"></span></div>
</div>`
  const css = `
.reminder { width: ${mm(size.widthMm)}; padding: ${label ? '3mm 3.5mm' : '4mm 5mm'}; font-size: ${label ? '8.5pt' : '9.5pt'}; line-height: 1.25; }
.top { display: flex; justify-content: space-between; gap: 2mm; font-size: 0.85em; border-bottom: 0.3mm solid #000; padding-bottom: 1mm; }
.shop { font-weight: 700; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.day { white-space: nowrap; }
.ro { margin-top: 1.5mm; line-height: 1.1; }
.ro-label { font-size: 0.75em; text-transform: uppercase; letter-spacing: 0.08em; color: #333; }
.ro-number { font-family: ${CODE_FONT_STACK}; font-size: ${label ? '17pt' : '20pt'}; font-weight: 700; }
.customer { font-size: ${label ? '11pt' : '12pt'}; font-weight: 700; margin-top: 1mm; overflow-wrap: anywhere; }
.vehicle { font-weight: 700; }
.vehicle-ids { font-size: 0.9em; }
.mono { font-family: ${CODE_FONT_STACK}; }
.action { margin-top: 2.5mm; background: #000; color: #fff; font-weight: 700; font-size: ${label ? '10pt' : '11pt'}; text-align: center; padding: 2mm; border-radius: 1.5mm; }
.detail { margin: 1.5mm 0 0; font-size: 0.85em; }
.tick { margin-top: 3mm; display: flex; align-items: flex-end; gap: 1.5mm; font-size: 0.85em; white-space: nowrap; }
.tick .box { display: inline-block; width: 3.5mm; height: 3.5mm; border: 0.35mm solid #000; flex: none; }
.tick .line { flex: 1; border-bottom: 0.3mm solid #000; height: 3.5mm; }
`
  const html = htmlPage({ lang: t.lang, title: t.reminderTitle, pageSize: size, css, body })
  return { kind: `pickup-reminder-${format}`, title: t.reminderTitle, html, pageSize: size }
}
