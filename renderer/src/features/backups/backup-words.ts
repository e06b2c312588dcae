import type { BackupContents, BackupKind, BackupLocation } from '../../../../shared/domain/backup'

/** Why a backup was taken, in the words of the Backups tab. */
export const KIND_WORDS: Readonly<Record<BackupKind, string>> = {
  daily: 'Daily',
  exit: 'On closing',
  manual: 'Back up now',
  'pre-migration': 'Before an update',
  'pre-restore': 'Before a restore',
}

export const LOCATION_WORDS: Readonly<Record<BackupLocation, string>> = {
  'data-folder': 'Data folder',
  'second-folder': 'Second folder',
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`
}

/** "12 customers, 15 vehicles, 9 radio codes, 30 battery jobs". */
export function contentsWords(contents: BackupContents): string {
  return [
    count(contents.customers, 'customer', 'customers'),
    count(contents.vehicles, 'vehicle', 'vehicles'),
    count(contents.radioCodes, 'radio code', 'radio codes'),
    count(contents.batteryJobs, 'battery job', 'battery jobs'),
  ].join(', ')
}

/** "84 KB", "3.2 MB". */
export function sizeWords(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString()} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/** "today", "yesterday", "3 days ago" (whole days before `now`). */
export function ageWords(takenAt: string, now: Date): string {
  const days = Math.floor((now.getTime() - Date.parse(takenAt)) / (24 * 60 * 60 * 1000))
  if (Number.isNaN(days) || days <= 0) return 'today'
  return days === 1 ? 'yesterday' : `${days} days ago`
}
