/** A printer as the OS names it (`name` is the system name Electron's print() needs). */
export interface PrinterInfo {
  readonly name: string
  readonly displayName: string
  readonly isDefault: boolean
}

export interface PrintOutcome {
  readonly printJobId: number
  readonly status: 'printed' | 'failed'
  /** Where the spool printer saved the PDF (browser preview and tests only). */
  readonly savedTo: string | null
  readonly message: string
}
