/*
 * Spreadsheet formula (CSV) injection: writing and reading cells. Pure.
 *
 * Export (OWASP "CSV Injection", CWE-1236): every cell that starts with
 * `=`, `+`, `-`, `@`, a tab, a carriage return or a NUL gets a single quote in front,
 * so Excel, LibreOffice and Google Sheets show it as text instead of running
 * it. This is done for every such cell, phone numbers like "+1 555 010 2030"
 * included: a spreadsheet would otherwise turn "+15550102030" into a number
 * (losing the plus) or "+1 555-0102" into a formula error. The data has no
 * negative numbers (years are positive), so nothing numeric is lost. The cost:
 * a text editor or a spreadsheet shows the quote ("'+1 555 010 2030"); our
 * import removes it again, so an export always round-trips.
 *
 * Import: a cell that starts with a single quote followed by one of those
 * characters is taken as escaped text and the quote is dropped. A cell that
 * looks like a live formula (starts with `=`, or `+ - @` followed by a
 * function call, or a DDE `cmd|…!` payload) is refused with a per-row error:
 * the shop should look at where it came from.
 */

// eslint-disable-next-line no-control-regex -- a leading NUL hides a formula from some readers
const FORMULA_START = /^[=+\-@\t\r\u0000]/

/** The cell as it should be written to a CSV meant for spreadsheets. */
export function escapeFormulaCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

/** Undoes escapeFormulaCell: "'=1+2" → "=1+2", "'+1 555" → "+1 555"; anything else unchanged. */
export function unescapeFormulaCell(value: string): string {
  return value.length > 1 && value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value
}

/** True when a spreadsheet would run this cell (as read from a file, before unescaping). */
export function looksLikeFormula(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- leading control characters are what hides a formula
  const text = value.replace(/^[\s\u0000-\u001f]+/, '')
  if (text.startsWith('=')) return true
  if (!/^[+\-@]/.test(text)) return false
  // +SUM(…), -HYPERLINK(…), @IMPORTXML(…)
  if (/^[+\-@]\s*[A-Za-z_][\w.]*\s*\(/.test(text)) return true
  // DDE: -2+3+cmd|' /C calc'!A0
  return /\|.*!/.test(text)
}

/** One CSV field: quoted when it holds a comma, quote, CR or LF (RFC 4180), quotes doubled. */
export function quoteCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** One CSV record, formula-escaped and quoted, ending in CRLF (what Excel writes). */
export function toCsvRecord(cells: readonly string[]): string {
  return `${cells.map((cell) => quoteCsvField(escapeFormulaCell(cell))).join(',')}\r\n`
}
