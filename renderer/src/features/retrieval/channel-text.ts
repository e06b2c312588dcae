import type { ChannelNotOffered, RetrievalStatus } from '../../../../shared/domain/retrieval'

export const NOT_OFFERED_LABELS: Readonly<Record<ChannelNotOffered['channel'], string>> = {
  insurer: 'Insurance company',
  'third-party-service': 'Third-party code service',
}

/** The knowledge base writes hosts without a scheme ("radio-navicode.honda.com"); links open in the browser over https. */
export function channelHref(url: string): string | null {
  const text = url.trim()
  if (text === '' || /\s/.test(text)) return null
  if (/^https:\/\//i.test(text)) return text
  if (/^[a-z]+:/i.test(text)) return null
  return `https://${text}`
}

/** What a status button says (the status itself is RETRIEVAL_STATUS_LABELS). */
export const STATUS_ACTION_LABELS: Readonly<Record<RetrievalStatus, string>> = {
  needed: 'Back to needed',
  requested: 'Mark as requested',
  received: 'Code received',
  verified: 'Verified: the code worked',
  failed: 'It failed',
  cancelled: 'Cancel the request',
}

/** Today as YYYY-MM-DD in the computer's time zone. */
export function todayIso(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** "2026-12-01" → "Dec 1, 2026" (no time-zone shift). */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  if (!y || !m || !d) return day
  return new Date(y, m - 1, d).toLocaleDateString(undefined, { dateStyle: 'medium' })
}
