import { z } from 'zod'
import { MEMORY_SAVER_CONNECTIONS } from './battery-job-gate'
import { tidyText } from './normalize'

/*
 * The technician's checklist for a battery job, kept as JSON in
 * battery_jobs.checklist_json. Every section starts empty (null) and is
 * filled by patches; the rules below say which sections may be filled when,
 * and what "done" needs.
 *
 *   batteryTest       result (good, good – recharge, charge & retest, replace,
 *                     bad cell) and the tester's printed code, if any
 *   memorySaver       whether one was used, and where it was connected
 *   batteryInstalled  the new battery's part number and/or size
 *                     (only after the battery was disconnected)
 *   registration      battery registration or coding: done, or not needed on
 *                     this car (asked once a battery is installed)
 *   reconnect         after reconnecting (only after the battery was
 *                     disconnected): did the radio ask for a code; was the code
 *                     entered and accepted (or rejected, or unknown); were the
 *                     clock and presets reset
 */

export const BATTERY_TEST_RESULTS = ['good', 'good-recharge', 'charge-retest', 'replace', 'bad-cell'] as const
export type BatteryTestResult = (typeof BATTERY_TEST_RESULTS)[number]

export const BATTERY_TEST_RESULT_LABELS: Readonly<Record<BatteryTestResult, string>> = {
  good: 'Good battery',
  'good-recharge': 'Good – recharge',
  'charge-retest': 'Charge & retest',
  replace: 'Replace battery',
  'bad-cell': 'Bad cell – replace',
}

export const CODE_ENTRY_RESULTS = ['accepted', 'rejected', 'code-unknown'] as const
export type CodeEntryResult = (typeof CODE_ENTRY_RESULTS)[number]

export const CODE_ENTRY_RESULT_LABELS: Readonly<Record<CodeEntryResult, string>> = {
  accepted: 'Code entered and accepted',
  rejected: 'Code entered and not accepted',
  'code-unknown': 'No code to enter: the code is unknown',
}

export const REGISTRATION_RESULTS = ['done', 'not-needed'] as const
export type RegistrationResult = (typeof REGISTRATION_RESULTS)[number]

export const REGISTRATION_RESULT_LABELS: Readonly<Record<RegistrationResult, string>> = {
  done: 'Battery registration/coding done',
  'not-needed': 'This car does not need battery registration/coding',
}

const shortText = (max: number, label: string) =>
  z
    .string()
    .max(1000, `Keep ${label} under ${max} characters.`)
    .transform(tidyText)
    .pipe(z.string().max(max, `Keep ${label} under ${max} characters.`))

export const batteryTestSchema = z.strictObject({
  result: z.enum(BATTERY_TEST_RESULTS, 'Choose the battery test result.'),
  /** The code the battery tester prints, if any (not a radio code). */
  testerCode: shortText(40, 'the tester code')
    .pipe(z.string().regex(/^[0-9A-Za-z\- ]*$/, 'The tester code is letters and digits, as the tester prints it.'))
    .default(''),
})

export const memorySaverUseSchema = z
  .strictObject({
    used: z.boolean('Say whether a memory saver was used.'),
    connection: z.enum(MEMORY_SAVER_CONNECTIONS, 'Say where the memory saver was connected.').nullable().default(null),
  })
  .superRefine((value, ctx) => {
    if (value.used && value.connection === null) {
      ctx.addIssue({ code: 'custom', path: ['connection'], message: 'Say where the memory saver was connected.' })
    }
    if (!value.used && value.connection !== null) {
      ctx.addIssue({ code: 'custom', path: ['connection'], message: 'No memory saver was used, so leave its connection empty.' })
    }
  })

export const batteryInstalledSchema = z
  .strictObject({
    partNumber: shortText(40, 'the part number').default(''),
    /** Group size as printed on the battery, e.g. "H6", "51R", "24F". */
    size: shortText(20, 'the battery size').default(''),
  })
  .refine((value) => value.partNumber !== '' || value.size !== '', 'Enter the new battery’s part number or its size.')

export const reconnectSchema = z.strictObject({
  radioAskedForCode: z.boolean().nullable(),
  codeEntry: z.enum(CODE_ENTRY_RESULTS, 'Say whether the code was entered and accepted.').nullable(),
  clockPresetsReset: z.boolean().nullable(),
})
export type ReconnectChecks = z.output<typeof reconnectSchema>

export const EMPTY_RECONNECT: ReconnectChecks = { radioAskedForCode: null, codeEntry: null, clockPresetsReset: null }

/** The stored checklist; '{}' (a new job) reads as the empty checklist. */
export const checklistSchema = z.object({
  batteryTest: batteryTestSchema.nullable().default(null),
  memorySaver: memorySaverUseSchema.nullable().default(null),
  batteryInstalled: batteryInstalledSchema.nullable().default(null),
  registration: z.enum(REGISTRATION_RESULTS).nullable().default(null),
  reconnect: reconnectSchema.default(EMPTY_RECONNECT),
})
export type Checklist = z.output<typeof checklistSchema>

export const EMPTY_CHECKLIST: Checklist = {
  batteryTest: null,
  memorySaver: null,
  batteryInstalled: null,
  registration: null,
  reconnect: EMPTY_RECONNECT,
}

/**
 * A checklist change: the sections given replace what is there (null clears
 * one); within `reconnect` only the answers given change.
 */
export const jobChecklistPatchSchema = z
  .strictObject({
    jobId: z.number().int().positive(),
    batteryTest: batteryTestSchema.nullable().optional(),
    memorySaver: memorySaverUseSchema.nullable().optional(),
    batteryInstalled: batteryInstalledSchema.nullable().optional(),
    registration: z.enum(REGISTRATION_RESULTS, 'Say whether battery registration or coding was done, or is not needed.').nullable().optional(),
    reconnect: reconnectSchema.partial().optional(),
  })
  .refine(
    (patch) =>
      patch.batteryTest !== undefined ||
      patch.memorySaver !== undefined ||
      patch.batteryInstalled !== undefined ||
      patch.registration !== undefined ||
      patch.reconnect !== undefined,
    'Nothing to record: fill in at least one part of the checklist.',
  )
export type JobChecklistPatchInput = z.input<typeof jobChecklistPatchSchema>
export type JobChecklistPatch = z.output<typeof jobChecklistPatchSchema>

export function mergeChecklist(current: Checklist, patch: Omit<JobChecklistPatch, 'jobId'>): Checklist {
  return {
    batteryTest: patch.batteryTest === undefined ? current.batteryTest : patch.batteryTest,
    memorySaver: patch.memorySaver === undefined ? current.memorySaver : patch.memorySaver,
    batteryInstalled: patch.batteryInstalled === undefined ? current.batteryInstalled : patch.batteryInstalled,
    registration: patch.registration === undefined ? current.registration : patch.registration,
    reconnect: {
      radioAskedForCode:
        patch.reconnect?.radioAskedForCode === undefined ? current.reconnect.radioAskedForCode : patch.reconnect.radioAskedForCode,
      codeEntry: patch.reconnect?.codeEntry === undefined ? current.reconnect.codeEntry : patch.reconnect.codeEntry,
      clockPresetsReset:
        patch.reconnect?.clockPresetsReset === undefined ? current.reconnect.clockPresetsReset : patch.reconnect.clockPresetsReset,
    },
  }
}

export interface ChecklistProblem {
  readonly path: string
  readonly message: string
}

function reconnectStarted(reconnect: ReconnectChecks): boolean {
  return reconnect.radioAskedForCode !== null || reconnect.codeEntry !== null || reconnect.clockPresetsReset !== null
}

/** What is inconsistent in a checklist, whatever the job's status; empty when it may be stored. */
export function checklistProblems(checklist: Checklist, facts: { readonly batteryDisconnected: boolean }): ChecklistProblem[] {
  const problems: ChecklistProblem[] = []
  if (!facts.batteryDisconnected && checklist.batteryInstalled !== null) {
    problems.push({
      path: 'batteryInstalled',
      message: 'A new battery goes in only after the old one is disconnected: mark the battery disconnected first.',
    })
  }
  if (checklist.registration !== null && checklist.batteryInstalled === null) {
    problems.push({
      path: 'registration',
      message: 'Battery registration or coding belongs to a new battery: record the battery installed first.',
    })
  }
  if (!facts.batteryDisconnected && reconnectStarted(checklist.reconnect)) {
    problems.push({
      path: 'reconnect',
      message: 'The after-reconnecting checks come after the battery was disconnected: mark the battery disconnected first.',
    })
  }
  const { radioAskedForCode, codeEntry } = checklist.reconnect
  if (codeEntry !== null && radioAskedForCode !== true) {
    problems.push({
      path: 'reconnect.codeEntry',
      message:
        radioAskedForCode === false
          ? 'The radio did not ask for a code, so leave “code entered” empty.'
          : 'Say first whether the radio asked for a code.',
    })
  }
  return problems
}

/**
 * What must be filled in before the job can be marked done: the battery test;
 * after a disconnect, the whole after-reconnecting part; after a new battery,
 * registration/coding. Empty when it is complete.
 */
export function checklistIncompleteForDone(checklist: Checklist, facts: { readonly batteryDisconnected: boolean }): ChecklistProblem[] {
  const missing: ChecklistProblem[] = []
  if (checklist.batteryTest === null) missing.push({ path: 'batteryTest', message: 'Record the battery test result first.' })
  if (facts.batteryDisconnected) {
    const r = checklist.reconnect
    if (r.radioAskedForCode === null) {
      missing.push({ path: 'reconnect.radioAskedForCode', message: 'After reconnecting: say whether the radio asked for a code.' })
    } else if (r.radioAskedForCode && r.codeEntry === null) {
      missing.push({ path: 'reconnect.codeEntry', message: 'After reconnecting: say whether the code was entered and accepted.' })
    }
    if (r.clockPresetsReset === null) {
      missing.push({ path: 'reconnect.clockPresetsReset', message: 'After reconnecting: say whether the clock and presets were reset.' })
    }
  }
  if (checklist.batteryInstalled !== null && checklist.registration === null) {
    missing.push({
      path: 'registration',
      message: 'Say whether battery registration or coding was done, or that this car does not need it.',
    })
  }
  return missing
}

/** True when the radio asked for a code after reconnecting and did not get one that works. */
export function radioLockedAfterReconnect(checklist: Checklist): boolean {
  const r = checklist.reconnect
  return r.radioAskedForCode === true && (r.codeEntry === 'rejected' || r.codeEntry === 'code-unknown')
}
