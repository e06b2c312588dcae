import { useRef, useState } from 'react'
import { useDesk } from '../../app/desk-context'
import { Notice } from '../../components/Notice'
import { api, errorMessage } from '../../lib/api'
import { saveFile } from './file-bytes'

/**
 * Export customers and vehicles to a CSV file. Radio codes only when a
 * manager ticks the box (main checks again and records it in the audit log).
 */
export function ExportPanel() {
  const desk = useDesk()
  const [includeCodes, setIncludeCodes] = useState(false)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string } | null>(null)
  const busyRef = useRef(false)

  const exportNow = async () => {
    if (busyRef.current) return
    busyRef.current = true
    setBusy(true)
    setOutcome(null)
    try {
      const file = await api.csv.export({ includeCodes: desk.isManager && includeCodes })
      saveFile(file.fileName, file.contentBase64)
      setOutcome({
        tone: 'success',
        text: `${file.fileName}: ${file.rows.toLocaleString()} row${file.rows === 1 ? '' : 's'}${
          file.codesIncluded > 0 ? `, ${file.codesIncluded.toLocaleString()} radio code${file.codesIncluded === 1 ? '' : 's'} in plain text` : ', no radio codes'
        }.`,
      })
    } catch (caught) {
      setOutcome({ tone: 'error', text: `Not exported: ${errorMessage(caught)}` })
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }

  return (
    <section className="settings-card csv-export" aria-labelledby="csv-export-title">
      <h2 id="csv-export-title">Export customers and vehicles</h2>
      <p className="settings-card__lead">
        One row per vehicle with its owner (and one per customer without a vehicle), as a CSV file for a spreadsheet or another program. It
        imports back here without duplicates. Radio codes are left out.
      </p>
      {desk.isManager ? (
        <div className="csv-export__codes">
          <label className="csv-export__check">
            <input type="checkbox" checked={includeCodes} onChange={(event) => setIncludeCodes(event.target.checked)} data-testid="csv-include-codes" />
            <span>Include radio codes</span>
          </label>
          {includeCodes ? (
            <Notice tone="warning" title="The file will hold every radio code in plain text" testId="csv-codes-warning">
              <p>
                Anyone who gets the file can read the codes. Keep it on a drive only you control and delete it when you are done. This export is
                recorded in the audit log under your name.
              </p>
            </Notice>
          ) : null}
        </div>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button button--primary" aria-disabled={busy} onClick={() => void exportNow()}>
          {busy ? 'Exporting…' : includeCodes && desk.isManager ? 'Export with radio codes' : 'Export to CSV'}
        </button>
      </div>
      {outcome ? (
        <Notice tone={outcome.tone} testId="csv-export-outcome">
          <p>{outcome.text}</p>
        </Notice>
      ) : null}
    </section>
  )
}
