import { ExportPanel } from './ExportPanel'
import { ImportWizard } from './ImportWizard'
import './csv.css'

/** Settings → Import and export. */
export function ImportExportTab() {
  return (
    <div className="settings-layout settings-layout--single csv-layout">
      <ImportWizard />
      <ExportPanel />
    </div>
  )
}
