import { recoveryKeyGroups } from '../domain/recovery-key'
import type { PrintableDocument } from './document'
import { escapeHtml } from './html'
import { CODE_FONT_STACK, TEXT_FONT_STACK, htmlPage, mm, paperPageSize, type PaperSize } from './kit'

export interface RecoverySheetData {
  readonly shopName: string
  /** The key, formatted or compact. */
  readonly recoveryKey: string
  /** When the key was made, as the shop reads dates. */
  readonly madeAt: string
}

/*
 * The vault recovery sheet: the key in large, numbered groups, what it is
 * for, and where to keep it. The title and kind never contain the key (print
 * spoolers and job lists show titles).
 */
export function renderRecoverySheet(data: RecoverySheetData, paper: PaperSize = 'letter'): PrintableDocument {
  const pageSize = paperPageSize(paper)
  const shop = data.shopName.trim() === '' ? 'Radio Code Desk' : data.shopName
  const groups = recoveryKeyGroups(data.recoveryKey)
  const groupCells = groups
    .map((group, index) => `<span class="group"><span class="n">${index + 1}</span>${escapeHtml(group)}</span>`)
    .join('')
  const css = `
body { font-family: ${TEXT_FONT_STACK}; color: #000; }
.page { box-sizing: border-box; width: ${mm(pageSize.widthMm)}; height: ${mm(pageSize.heightMm)}; padding: 20mm 22mm; font-size: 11pt; line-height: 1.4; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
.shop { font-size: 13pt; margin: 0 0 8mm; }
.key { display: grid; grid-template-columns: repeat(4, 1fr); gap: 4mm 5mm; border: 0.6mm solid #000; padding: 7mm 6mm; margin: 0 0 8mm; }
.group { font-family: ${CODE_FONT_STACK}; font-size: 22pt; font-weight: 700; letter-spacing: 0.12em; text-align: center; position: relative; padding-top: 3mm; }
.group .n { position: absolute; left: 0; top: 0; font-family: ${TEXT_FONT_STACK}; font-size: 7pt; font-weight: 400; letter-spacing: 0; color: #444; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; }
ul { margin: 0; padding-left: 6mm; }
li { margin: 0 0 1.5mm; }
.muted { color: #444; font-size: 9pt; margin-top: 10mm; }
`
  const body = `<div class="page">
<h1>Code vault recovery key</h1>
<p class="shop">${escapeHtml(shop)} · Radio Code Desk · made ${escapeHtml(data.madeAt)}</p>
<div class="key" aria-label="Recovery key">${groupCells}</div>
<h2>What it is for</h2>
<ul>
<li>It opens the shop’s radio codes when the computer that protects them is gone (broken, stolen, replaced, or a new Windows account), or when the vault passphrase is forgotten.</li>
<li>Without this key, and without that computer or passphrase, the codes cannot be recovered by anyone, including the makers of Radio Code Desk.</li>
</ul>
<h2>Keep it safe</h2>
<ul>
<li>Keep this sheet away from the computer: in the shop safe, or with the owner’s papers. Not in the desk drawer.</li>
<li>Anyone with this sheet and a copy of the database can read every radio code. Do not photograph it or email it.</li>
<li>Making a new recovery key (Settings → Shop, printers and sign-out → Vault recovery key) makes this sheet useless: destroy it then.</li>
</ul>
<h2>To use it</h2>
<ul>
<li>Start Radio Code Desk on the new computer with the restored data. On the “Unlock the code vault” screen choose “Use the recovery key” and type the 32 letters and digits (upper or lower case; dashes and spaces do not matter; O and 0, I and 1 are the same).</li>
</ul>
<p class="muted">Letters used: 0–9 and A–Z without I, L, O and U. The last group is a check: a typing mistake is caught at once.</p>
</div>`
  const html = htmlPage({ lang: 'en', title: 'Recovery sheet', pageSize, css, body })
  return { kind: 'recovery-sheet', title: 'Recovery sheet', html, pageSize }
}
