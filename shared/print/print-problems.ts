/*
 * Why a print did not happen, in words the person at the desk can act on.
 * Electron reports failures as short technical strings ("cancelled",
 * "Print job canceled", "Print job failed", "Invalid printer settings",
 * "Invalid deviceName provided"); the printer check before printing adds
 * "no such printer" and "offline". Every message ends with what to do,
 * and Save as PDF always works.
 */

export type PrintProblem = 'cancelled' | 'no-such-printer' | 'offline' | 'settings-refused' | 'failed'

export interface ExplainedProblem {
  readonly problem: PrintProblem
  readonly message: string
}

function printerWords(printerName: string | null): string {
  return printerName === null || printerName.trim() === '' ? 'this computer’s default printer' : `the printer “${printerName}”`
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Sorts a failure reason from the printer into one of the problems the desk can act on. */
export function classifyPrintFailure(reason: string): PrintProblem {
  const text = reason.trim().toLowerCase()
  if (/cancel/.test(text)) return 'cancelled'
  if (/devicename|no such printer|not found|unknown printer|does not exist/.test(text)) return 'no-such-printer'
  if (/offline|stopped|paused|not connected|not responding/.test(text)) return 'offline'
  if (/invalid printer settings|settings/.test(text)) return 'settings-refused'
  return 'failed'
}

export function explainPrintProblem(problem: PrintProblem, printerName: string | null, systemReason = ''): ExplainedProblem {
  const printer = printerWords(printerName)
  const saidSo = systemReason.trim() === '' ? '' : ` (The system said: “${systemReason.trim()}”.)`
  switch (problem) {
    case 'cancelled':
      return { problem, message: 'Printing was cancelled, so nothing was printed.' }
    case 'no-such-printer':
      return {
        problem,
        message: `${capitalized(printer)} is not set up on this computer. Choose another printer, or save the document as a PDF and print that.`,
      }
    case 'offline':
      return {
        problem,
        message: `${capitalized(printer)} is offline or paused. Switch it on, check its cable or network and that its queue is not paused, then print again, or save the document as a PDF.${saidSo}`,
      }
    case 'settings-refused':
      return {
        problem,
        message: `${capitalized(printer)} refused the page settings (paper size, orientation or copies). Check the paper it is set up for and print a test page from Settings, or save the document as a PDF.${saidSo}`,
      }
    case 'failed':
      return {
        problem,
        message: `${capitalized(printer)} did not take the document. Check that it is switched on, connected and has paper, then try again, or save the document as a PDF.${saidSo}`,
      }
  }
}

/** A failure reason from the printer, explained. */
export function explainPrintFailure(reason: string, printerName: string | null): ExplainedProblem {
  const problem = classifyPrintFailure(reason)
  // The system's own words help only where ours are general.
  return explainPrintProblem(problem, printerName, problem === 'cancelled' || problem === 'no-such-printer' ? '' : reason)
}

/** A file name for "Save as PDF": the document and the vehicle, no characters Windows refuses. */
export function pdfFileName(parts: readonly string[]): string {
  const name = parts
    .map((part) =>
      [...part]
        .filter((char) => char.charCodeAt(0) >= 0x20)
        .join('')
        .replace(/[\\/:*?"<>|]+/g, '-')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((part) => part !== '')
    .join(' - ')
    .slice(0, 120)
    .replace(/[. ]+$/, '')
  return `${name === '' ? 'Document' : name}.pdf`
}
