import { z } from 'zod'
import {
  createCustomerSchema,
  updateCustomerSchema,
  type Customer,
  type CustomerDetail,
  type CustomerSummary,
  type PhoneMatch,
} from '../domain/customer'
import { newRadioSchema, updateRadioSchema } from '../domain/radio'
import { searchQuerySchema, type SearchResults } from '../domain/search'
import {
  newVehicleSchema,
  transferVehicleSchema,
  updateVehicleSchema,
  type Vehicle,
  type VehicleDetail,
  type VehicleSummary,
} from '../domain/vehicle'
import { normalizeVin, vinSchema } from '../domain/vin'
import type { VinDecodeSuggestion } from '../domain/vin-decode'
import {
  confirmRecoveryKeySchema,
  newRecoveryKeySchema,
  vaultRecoverSchema,
  type NewRecoveryKey,
  type RecoverySheetOutcome,
  type SecurityStatus,
  type SignInResult,
} from '../domain/security'
import {
  boardDaySchema,
  checkInSchema,
  jobIdSchema,
  linkRetrievalSchema,
  type BatteryJobDetail,
  type BatteryJobSummary,
  type CheckInResult,
  type MarkDoneResult,
  type TodayBoard,
} from '../domain/battery-job'
import { gateDecisionSchema } from '../domain/battery-job-gate'
import { jobChecklistPatchSchema } from '../domain/battery-job-checklist'
import type { CodeSituation } from '../domain/battery-job-situation'
import type { PrintableDocument } from '../print/document'
import { documentRequestSchema, printDocumentSchema, saveDocumentPdfSchema } from '../print/document-requests'
import {
  enteredPinSchema,
  firstManagerSchema,
  newStaffSchema,
  resetPinSchema,
  changeOwnPinSchema,
  staffPermissionsSchema,
  vaultPassphraseSchema,
  type StaffMember,
  type StaffRosterEntry,
} from '../domain/staff'
import {
  codeIdInput,
  newRadioCodeSchema,
  radioCodeSchema,
  revealCodeSchema,
  type RadioCodeHistoryEntry,
  type RevealedCode,
} from '../domain/radio-code'
import { shopSettingsSchema, type ShopSettings } from '../domain/shop'
import type { AppStatus } from '../domain/app-status'
import type { PrinterInfo, PrintHistoryEntry, PrintOutcome, SavePdfOutcome } from '../domain/printing'
import { printSetupSchema, SETUP_DOCUMENTS, type PrintSetups } from '../print/print-setup'
import {
  dueForFollowUpSchema,
  openRetrievalSchema,
  receiveRetrievalCodeSchema,
  updateRetrievalSchema,
  type RetrievalChannelOptions,
  type RetrievalFollowUp,
  type RetrievalReceived,
  type RetrievalRequest,
} from '../domain/retrieval'
import { releaseCodeSchema } from '../domain/code-release'
import { auditListSchema, type AuditPage, type AuditVerification } from '../domain/audit'
import { idleLockSchema, type IdleLockSetting } from '../domain/idle-lock'
import {
  restoreBackupInputSchema,
  secondFolderInputSchema,
  type BackupFileInfo,
  type BackupListEntry,
  type BackupOverview,
  type BackupSettings,
  type RestoreReport,
  type SecondFolderChoice,
} from '../domain/backup'
import {
  csvExportSchema,
  csvImportRequestSchema,
  csvPreviewSchema,
  csvRememberMappingSchema,
  csvSuggestMappingSchema,
  type CsvExportFile,
  type CsvPreview,
  type ImportReport,
  type ImportSummary,
} from '../domain/csv-import'
import type { CsvMapping } from '../domain/csv-mapping'
import type { ApiResult } from './errors'
import { API_METHODS, type ApiMethodName } from './methods'

/**
 * Declares one method: its input schema, and (as a type only) its output.
 * The `output` field is never read at run time; it carries the type.
 */
function method<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output })
}

const noInput = z.object({}).strict()
const idInput = z.object({ id: z.number().int().positive() }).strict()
const limitInput = z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict()

/**
 * THE contract: every renderer-to-main call, declared once.
 *
 * The preload, the main-process router, the handler tables and the renderer
 * client are all derived from this object.
 */
export const apiContract = {
  'app.status': method<AppStatus>()(noInput),
  'customers.create': method<Customer>()(createCustomerSchema.strict()),
  'customers.update': method<CustomerDetail>()(updateCustomerSchema.strict()),
  'customers.get': method<CustomerDetail>()(idInput),
  'customers.list': method<readonly CustomerSummary[]>()(limitInput),
  /** The duplicate check while typing: customers who already have one of these numbers. */
  'customers.findByPhone': method<readonly PhoneMatch[]>()(
    z
      .object({
        numbers: z.array(z.string().max(40)).max(5),
        exceptCustomerId: z.number().int().positive().nullable().default(null),
      })
      .strict(),
  ),
  'vehicles.create': method<Vehicle>()(newVehicleSchema.strict()),
  'vehicles.update': method<Vehicle>()(updateVehicleSchema.strict()),
  'vehicles.get': method<VehicleDetail>()(idInput),
  'vehicles.list': method<readonly VehicleSummary[]>()(limitInput),
  /** The duplicate check while typing: the vehicle that already has this VIN, or null. */
  'vehicles.findByVin': method<Vehicle | null>()(z.object({ vin: z.string().max(40).transform(normalizeVin) }).strict()),
  'vehicles.transfer': method<VehicleDetail>()(transferVehicleSchema.strict()),
  /** Offline vPIC decode: suggestions only; null when nothing useful was found. */
  'vehicles.decodeVin': method<VinDecodeSuggestion | null>()(z.object({ vin: vinSchema }).strict()),
  'radios.add': method<VehicleDetail>()(newRadioSchema.strict()),
  'radios.update': method<VehicleDetail>()(updateRadioSchema.strict()),
  'search.query': method<SearchResults>()(searchQuerySchema.strict()),
  'security.status': method<SecurityStatus>()(noInput),
  /** First start: protect the vault with this computer's key store (passphrase null) or a passphrase. */
  'vault.setUp': method<SecurityStatus>()(z.object({ passphrase: vaultPassphraseSchema.nullable() }).strict()),
  'vault.unlock': method<SecurityStatus>()(z.object({ passphrase: z.string().min(1, 'Enter the vault passphrase.').max(1024) }).strict()),
  /** A locked vault opened with the recovery key, then protected for this computer (key store, or the new passphrase). Audited; failures slow down. */
  'vault.recover': method<SecurityStatus>()(vaultRecoverSchema.strict()),
  /** A new recovery key, shown once: at first start with no PIN, later by a manager with their PIN. Stored only when confirmed. */
  'vault.newRecoveryKey': method<NewRecoveryKey>()(newRecoveryKeySchema.strict()),
  /** "I wrote it down": the last group of the key just made; stores it, retiring the old one. Audited. */
  'vault.confirmRecoveryKey': method<SecurityStatus>()(confirmRecoveryKeySchema.strict()),
  /** Prints the waiting recovery key's sheet (system dialog). Audited as printed; never a print job. */
  'vault.printRecoverySheet': method<RecoverySheetOutcome>()(noInput),
  /** First start: the manager, who is then signed in. */
  'staff.createFirstManager': method<SecurityStatus>()(firstManagerSchema.strict()),
  /** Public: the sign-in picker's names (active staff, role, locked or not); nothing else before sign-in. */
  'staff.roster': method<readonly StaffRosterEntry[]>()(noInput),
  'staff.list': method<readonly StaffMember[]>()(noInput),
  'staff.add': method<StaffMember>()(newStaffSchema.strict()),
  'staff.setPermissions': method<StaffMember>()(staffPermissionsSchema.strict()),
  'staff.setActive': method<StaffMember>()(z.object({ staffId: z.number().int().positive(), active: z.boolean() }).strict()),
  'staff.resetPin': method<StaffMember>()(resetPinSchema.strict()),
  /** Anyone signed in changes their own PIN, typing the current one (wrong ones count toward the lockout). Audited. */
  'staff.changeOwnPin': method<StaffMember>()(changeOwnPinSchema.strict()),
  'session.signIn': method<SignInResult>()(z.object({ staffId: z.number().int().positive(), pin: enteredPinSchema }).strict()),
  'session.signOut': method<SecurityStatus>()(noInput),
  'codes.add': method<RadioCodeHistoryEntry>()(newRadioCodeSchema.strict()),
  /** Problems with a code's format for this radio (from the knowledge base); empty when it fits or cannot be checked. */
  'codes.checkFormat': method<{ readonly problems: readonly string[] }>()(
    z.object({ radioId: z.number().int().positive(), code: radioCodeSchema }).strict(),
  ),
  'codes.verify': method<RadioCodeHistoryEntry>()(codeIdInput.strict()),
  'codes.history': method<readonly RadioCodeHistoryEntry[]>()(z.object({ radioId: z.number().int().positive() }).strict()),
  /** The code in clear text for a short time; needs permission and a PIN (or a recent one). Audited. */
  'codes.reveal': method<RevealedCode>()(revealCodeSchema.strict()),
  'settings.getShop': method<ShopSettings>()(noInput),
  'settings.updateShop': method<ShopSettings>()(shopSettingsSchema.strict()),
  'printing.listPrinters': method<readonly PrinterInfo[]>()(noInput),
  /** The calibration page; for a document type, on its page size with this computer's setup (printer, offset, orientation). */
  'printing.printTestPage': method<PrintOutcome>()(
    z.object({ printerName: z.string().max(200).nullable().default(null), document: z.enum(SETUP_DOCUMENTS).nullable().default(null) }).strict(),
  ),
  /** This computer's printer setup for each document type (defaults where none was saved). */
  'printing.getSetup': method<PrintSetups>()(noInput),
  /** Saves one document type's setup on this computer; audited. */
  'printing.saveSetup': method<PrintSetups>()(printSetupSchema),
  /** The knowledge base's legitimate channels for the vehicle's radio, with what each asks for; none invented. */
  'retrieval.channelsForVehicle': method<RetrievalChannelOptions>()(z.object({ vehicleId: z.number().int().positive() }).strict()),
  /** Opens a code retrieval request through one offered channel (status "needed"). Audited. */
  'retrieval.open': method<RetrievalRequest>()(openRetrievalSchema.strict()),
  'retrieval.get': method<RetrievalRequest>()(idInput),
  /** A vehicle's retrieval requests, newest first. */
  'retrieval.listForVehicle': method<readonly RetrievalRequest[]>()(z.object({ vehicleId: z.number().int().positive() }).strict()),
  /** Changes only the fields given; status moves by the rules in shared/domain/retrieval.ts. Audited. */
  'retrieval.update': method<RetrievalRequest>()(updateRetrievalSchema),
  /** The code came: it becomes the radio's code record in one step (typed once); the request becomes "received". */
  'retrieval.receiveCode': method<RetrievalReceived>()(receiveRetrievalCodeSchema.strict()),
  /** Open requests to chase up on or before the date (YYYY-MM-DD): the Today view's reminders. */
  'retrieval.dueForFollowUp': method<readonly RetrievalFollowUp[]>()(dueForFollowUpSchema.strict()),
  /** Gives the code to someone at the counter or on the phone: reveal permission + PIN, proof of ownership recorded. Audited. */
  'codes.release': method<RevealedCode>()(releaseCodeSchema),
  /** Manager only: the audit log, filtered, newest first, a page at a time. */
  'audit.list': method<AuditPage>()(auditListSchema),
  /** Manager only: checks the audit log's hash chain and says where it is broken. */
  'audit.verify': method<AuditVerification>()(noInput),
  /** The idle sign-out time; anyone may read it. */
  'settings.getIdleLock': method<IdleLockSetting>()(noInput),
  /** Manager only; audited; applies to the desk at once. */
  'settings.setIdleLock': method<IdleLockSetting>()(idleLockSchema.strict()),
  /** What to expect from this vehicle's radio, from the knowledge base and our records (shown at check-in). */
  'jobs.codeSituation': method<CodeSituation>()(z.object({ vehicleId: z.number().int().positive() }).strict()),
  'jobs.checkIn': method<CheckInResult>()(checkInSchema),
  'jobs.get': method<BatteryJobDetail>()(jobIdSchema),
  'jobs.startCodeCheck': method<BatteryJobDetail>()(jobIdSchema),
  /** The pre-disconnect gate: one of four explicit options, each checked against the records. */
  'jobs.decideGate': method<BatteryJobDetail>()(gateDecisionSchema),
  'jobs.startService': method<BatteryJobDetail>()(jobIdSchema),
  'jobs.markBatteryDisconnected': method<BatteryJobDetail>()(jobIdSchema),
  'jobs.recordChecklist': method<BatteryJobDetail>()(jobChecklistPatchSchema),
  'jobs.markDone': method<MarkDoneResult>()(jobIdSchema),
  'jobs.handOverCard': method<BatteryJobDetail>()(jobIdSchema),
  'jobs.declineCard': method<BatteryJobDetail>()(jobIdSchema),
  'jobs.cancel': method<BatteryJobDetail>()(jobIdSchema),
  'jobs.linkRetrieval': method<BatteryJobDetail>()(linkRetrievalSchema),
  'jobs.listForVehicle': method<readonly BatteryJobSummary[]>()(z.object({ vehicleId: z.number().int().positive() }).strict()),
  /** Cards waiting for this customer: the reminder when their record is opened at the counter. */
  'jobs.pendingCardsForCustomer': method<readonly BatteryJobSummary[]>()(z.object({ customerId: z.number().int().positive() }).strict()),
  'jobs.endOfDay': method<readonly BatteryJobSummary[]>()(z.object({ day: boardDaySchema }).strict()),
  'jobs.todayBoard': method<TodayBoard>()(z.object({ day: boardDaySchema }).strict()),
  /** The document as it will print, for a live preview; a code card shows the code masked. */
  'documents.preview': method<PrintableDocument>()(documentRequestSchema),
  /** Prints a document; a code card releases its code through the audited print path (permission + PIN or a recent one). */
  'documents.print': method<PrintOutcome>()(printDocumentSchema),
  /** Save as PDF: main asks where (save dialog; the spool folder in the preview); a code card releases its code as for printing. */
  'documents.savePdf': method<SavePdfOutcome>()(saveDocumentPdfSchema),
  /** What was printed for a battery job or a vehicle, newest first. */
  'documents.history': method<readonly PrintHistoryEntry[]>()(
    z
      .object({ jobId: z.number().int().positive().nullable().default(null), vehicleId: z.number().int().positive().nullable().default(null) })
      .strict()
      .refine((v) => (v.jobId === null) !== (v.vehicleId === null), { message: 'Give the battery job or the vehicle (one of them).', path: ['jobId'] }),
  ),
  /** The last good backup in each place, and a warning when none is recent. */
  'backups.status': method<BackupOverview>()(noInput),
  /** Every backup in the data folder and the second folder, newest first, with what each holds. */
  'backups.list': method<readonly BackupListEntry[]>()(noInput),
  /** Backs up now (checked; copied to the second folder when one is set). Audited. */
  'backups.backUpNow': method<BackupFileInfo>()(noInput),
  /** Manager only: the second folder as a typed path (browser preview), or null to turn it off. Audited. */
  'backups.setSecondFolder': method<BackupSettings>()(secondFolderInputSchema.strict()),
  /** Manager only: the system folder dialog picks the second folder (Electron). Audited. */
  'backups.chooseSecondFolder': method<SecondFolderChoice>()(noInput),
  /** Manager only: restores a listed backup; the current database is backed up first; everyone is signed out. Audited. */
  'backups.restore': method<RestoreReport>()(restoreBackupInputSchema.strict()),
  /** Start screen, nobody signed in: only while the database is unreadable, and only the backup app.status offered. Audited. */
  'backups.restoreAtStart': method<RestoreReport>()(restoreBackupInputSchema.strict()),
  /** A CSV file (base64, up to 50 MB) read for the import wizard: encoding, columns, first rows, suggested mapping. */
  'csv.preview': method<CsvPreview>()(csvPreviewSchema),
  /** The remembered column mapping, fitted to these column names. */
  'csv.suggestMapping': method<CsvMapping>()(csvSuggestMappingSchema),
  'csv.rememberMapping': method<CsvMapping>()(csvRememberMappingSchema),
  /** What the import would do, row by row (line, field, problem); writes nothing. */
  'csv.dryRun': method<ImportReport>()(csvImportRequestSchema),
  /** Imports all or nothing, reporting 'import.progress' events; refuses while the dry run shows errors. */
  'csv.import': method<ImportSummary>()(csvImportRequestSchema),
  /** Customers and vehicles as CSV; codes only for a manager who asks (audited). */
  'csv.export': method<CsvExportFile>()(csvExportSchema),
} as const

export type ApiContract = typeof apiContract
export type ApiMethod = keyof ApiContract
/** What the renderer passes (defaults may be left out). */
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>
/** What a handler receives: validated, defaults filled in. */
export type ApiParsedInput<M extends ApiMethod> = z.output<ApiContract[M]['input']>
export type ApiOutput<M extends ApiMethod> = ApiContract[M]['output']

// Compile-time proof that methods.ts lists exactly the contract's methods.
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const methodListMatchesContract: Equal<ApiMethod, ApiMethodName> = true
void methodListMatchesContract
void API_METHODS

type Namespace<M extends string> = M extends `${infer N}.${string}` ? N : never

/**
 * The object the preload (or the browser-preview bridge) puts on `window.api`:
 * `api.customers.create(input)` resolves to an ApiResult envelope.
 */
export type ApiBridge = {
  readonly [N in Namespace<ApiMethod>]: {
    readonly [M in ApiMethod as M extends `${N}.${infer F}` ? F : never]: (
      input: ApiInput<M>,
    ) => Promise<ApiResult<ApiOutput<M>>>
  }
} & {
  /** Subscribe to a main-to-renderer event; returns the unsubscribe function. */
  readonly on: (event: import('./methods').ApiEventName, listener: (payload: unknown) => void) => () => void
}
