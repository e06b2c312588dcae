import type { PrintProblem } from '../print/print-problems'

/** A printer as the OS names it (`name` is the system name Electron's print() needs). */
export interface PrinterInfo {
  readonly name: string
  readonly displayName: string
  readonly isDefault: boolean
  /** True when the system reports the printer stopped, paused or offline; absent when it does not say. */
  readonly offline?: boolean
}

export interface PrintOutcome {
  readonly printJobId: number
  readonly status: 'printed' | 'failed' | 'cancelled'
  /** Why it did not print (null when it did): the desk is offered Save as PDF. */
  readonly problem: PrintProblem | null
  /** Where the spool printer saved the PDF (browser preview and tests only). */
  readonly savedTo: string | null
  readonly message: string
}

export interface SavePdfOutcome {
  /** 'cancelled': the person closed the save dialog; nothing was written or recorded. */
  readonly status: 'saved' | 'cancelled'
  readonly printJobId: number | null
  readonly filePath: string | null
  readonly message: string
}

/** One row of a job's (or vehicle's) print history. */
export interface PrintHistoryEntry {
  readonly id: number
  /** The document kind, e.g. "code-card-wallet", "pickup-reminder-receipt". */
  readonly documentType: string
  readonly documentLabel: string
  readonly batteryJobId: number | null
  /** '' means this computer's default printer; "Save as PDF" for saved files. */
  readonly printerName: string
  readonly requestedBy: { readonly id: number; readonly name: string } | null
  readonly requestedAt: string
  readonly finishedAt: string | null
  readonly status: 'queued' | 'printing' | 'printed' | 'saved' | 'failed' | 'cancelled'
  readonly error: string
  readonly copies: number | null
  readonly workstationId: string
}
