import type { ImportProgress } from '../../../../shared/domain/csv-import'

/**
 * What the import is doing now, after "Importing…": checking the rows (main
 * checks the whole file again before the first batch, about a second for
 * 50,000 rows), writing them, or saving once the last batch is written.
 */
export function importingStage(progress: ImportProgress | null): string {
  if (!progress || progress.total === 0) return 'checking the rows first'
  const rows = `${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')} rows`
  return progress.done >= progress.total ? `${rows}, saving` : rows
}
