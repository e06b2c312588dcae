import { useRef, useState, type ChangeEvent } from 'react'
import type { DuplicatePolicy, ImportOverrides } from '../../../../shared/domain/csv-dedup'
import type { CsvPreview, ImportReport, ImportSummary } from '../../../../shared/domain/csv-import'
import type { CsvMapping } from '../../../../shared/domain/csv-mapping'
import { Notice } from '../../components/Notice'
import { api, errorMessage } from '../../lib/api'
import { CheckStep } from './CheckStep'
import { readFileAsBase64 } from './file-bytes'
import { importingStage } from './importing-stage'
import { MappingStep } from './MappingStep'
import { SummaryStep } from './SummaryStep'
import { useImportProgress } from './use-import-progress'

/*
 * Import from another shop system's CSV: choose the file, see its first rows
 * and map its columns (the remembered mapping is preselected), check every
 * row (nothing saved), decide about duplicates, import all or nothing with a
 * progress bar, see what was done. Every step is checked again in main; the
 * screen only holds the file's base64 between calls.
 */

interface LoadedFile {
  readonly name: string
  readonly base64: string
  readonly preview: CsvPreview
}

type Step =
  | { readonly id: 'choose' }
  | { readonly id: 'map' }
  | { readonly id: 'check'; readonly report: ImportReport; readonly stale: boolean }
  | { readonly id: 'importing' }
  | { readonly id: 'done'; readonly summary: ImportSummary }

const STEP_NAMES = ['Choose the file', 'Map the columns', 'Check and decide', 'Import'] as const

function stepIndex(step: Step['id']): number {
  return step === 'choose' ? 0 : step === 'map' ? 1 : step === 'check' ? 2 : 3
}

export function ImportWizard() {
  const [step, setStep] = useState<Step>({ id: 'choose' })
  const [file, setFile] = useState<LoadedFile | null>(null)
  const [mapping, setMapping] = useState<CsvMapping | null>(null)
  const [policy, setPolicy] = useState<DuplicatePolicy>('merge')
  const [overrides, setOverrides] = useState<ImportOverrides>({})
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const busyRef = useRef(false)
  const { progress, reset: resetProgress } = useImportProgress()

  /** Runs one call at a time; a failure is shown above the step. */
  const run = async (work: () => Promise<void>) => {
    if (busyRef.current) return
    busyRef.current = true
    setBusy(true)
    setError(null)
    try {
      await work()
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }

  const chooseFile = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0]
    event.target.value = ''
    if (!chosen) return
    void run(async () => {
      const read = await readFileAsBase64(chosen)
      if ('problem' in read) {
        setError(read.problem)
        return
      }
      const preview = await api.csv.preview({ fileBase64: read.base64 })
      setFile({ name: chosen.name, base64: read.base64, preview })
      setMapping(preview.suggestedMapping)
      setOverrides({})
      setStep({ id: 'map' })
    })
  }

  const check = (nextPolicy = policy, nextOverrides = overrides) => {
    if (!file || !mapping) return
    void run(async () => {
      const report = await api.csv.dryRun({ fileBase64: file.base64, mapping, duplicatePolicy: nextPolicy, overrides: nextOverrides })
      setStep({ id: 'check', report, stale: false })
    })
  }

  const startImport = () => {
    if (!file || !mapping) return
    resetProgress()
    setStep({ id: 'importing' })
    void run(async () => {
      try {
        const summary = await api.csv.import({ fileBase64: file.base64, mapping, duplicatePolicy: policy, overrides })
        setStep({ id: 'done', summary })
      } catch (caught) {
        // Nothing was imported (all or nothing): back to the report to fix and try again.
        const report = await api.csv.dryRun({ fileBase64: file.base64, mapping, duplicatePolicy: policy, overrides }).catch(() => null)
        setStep(report ? { id: 'check', report, stale: false } : { id: 'map' })
        throw caught
      }
    })
  }

  const startOver = () => {
    setFile(null)
    setMapping(null)
    setOverrides({})
    setError(null)
    setStep({ id: 'choose' })
  }

  const markStale = () => setStep((current) => (current.id === 'check' ? { ...current, stale: true } : current))
  const current = stepIndex(step.id)

  return (
    <section className="settings-card csv-wizard" aria-labelledby="csv-import-title">
      <h2 id="csv-import-title">Import customers and vehicles</h2>
      <p className="settings-card__lead">
        From a CSV file another shop program exported: customers with their phones, vehicles, and (if you want) radio serials and codes.
      </p>
      <ol className="csv-steps" aria-label="Import steps">
        {STEP_NAMES.map((name, index) => (
          <li
            key={name}
            className={`csv-steps__item${index === current ? ' csv-steps__item--current' : ''}${index < current ? ' csv-steps__item--done' : ''}`}
            aria-current={index === current ? 'step' : undefined}
          >
            <span className="csv-steps__number">{index + 1}</span> {name}
          </li>
        ))}
      </ol>

      {error ? (
        <Notice tone="error" title={step.id === 'check' || step.id === 'map' ? 'Nothing was imported' : 'That did not work'} testId="csv-error">
          <p>{error}</p>
        </Notice>
      ) : null}

      {step.id === 'choose' ? (
        <div className="csv-step" data-testid="csv-choose-step">
          <p className="csv-step__hint">
            Export the customer list from the other program as CSV (any of UTF-8, UTF-16 or Windows text; commas, semicolons or tabs). Up to 50 MB.
            Nothing is saved until the last step.
          </p>
          <label className="button button--primary csv-file-button">
            {busy ? 'Reading the file…' : 'Choose a CSV file…'}
            <input
              className="visually-hidden"
              type="file"
              accept=".csv,.txt,text/csv,text/plain"
              data-testid="csv-file-input"
              disabled={busy}
              onChange={chooseFile}
            />
          </label>
        </div>
      ) : null}

      {step.id === 'map' && file && mapping ? (
        <MappingStep
          fileName={file.name}
          preview={file.preview}
          mapping={mapping}
          onChange={setMapping}
          onBack={startOver}
          onCheck={() => check()}
          checking={busy}
        />
      ) : null}

      {step.id === 'check' ? (
        <CheckStep
          report={step.report}
          stale={step.stale}
          policy={policy}
          overrides={overrides}
          busy={busy}
          onPolicy={(next) => {
            setPolicy(next)
            markStale()
          }}
          onOverrides={(next) => {
            setOverrides(next)
            markStale()
          }}
          onFixMapping={() => {
            setError(null)
            setStep({ id: 'map' })
          }}
          onCheckAgain={() => check()}
          onImport={startImport}
        />
      ) : null}

      {step.id === 'importing' ? (
        <div className="csv-step" data-testid="csv-importing-step">
          <label htmlFor="csv-progress" className="csv-step__title">
            Importing… {importingStage(progress)}
          </label>
          {/* No value until the first batch: the bar moves on its own while main checks every row again. */}
          {progress && progress.total > 0 ? (
            <progress id="csv-progress" className="csv-progress" max={progress.total} value={progress.done} />
          ) : (
            <progress id="csv-progress" className="csv-progress" />
          )}
          <p className="csv-step__hint">All or nothing: if anything goes wrong, nothing from this file is saved.</p>
        </div>
      ) : null}

      {step.id === 'done' ? <SummaryStep summary={step.summary} onAnother={startOver} /> : null}
    </section>
  )
}
