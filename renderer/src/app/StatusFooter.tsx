import type { AppStatus } from '../../../shared/domain/app-status'

type ReadyStatus = Extract<AppStatus, { state: 'ready' }>

/** Where the data lives and which schema it has: what support asks first. */
export function StatusFooter({ status }: { readonly status: ReadyStatus }) {
  return (
    <footer className="status-footer" aria-label="Status">
      <dl className="status-footer__list">
        <div className="status-footer__item status-footer__item--grow">
          <dt>Data folder</dt>
          <dd className="status-footer__path" title={status.dataDir} data-testid="status-data-dir">
            {status.dataDir}
          </dd>
        </div>
        <div className="status-footer__item">
          <dt>Database schema</dt>
          <dd data-testid="status-schema-version">{status.schemaVersion}</dd>
        </div>
        <div className="status-footer__item">
          <dt>Version</dt>
          <dd>{status.appVersion}</dd>
        </div>
      </dl>
    </footer>
  )
}
