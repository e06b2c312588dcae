import { hrefFor, hrefWithQuery } from '../../app/routes'

/** `#/jobs/12`: one battery job. */
export function jobHref(id: number): string {
  return hrefFor('jobs', id)
}

/** `#/jobs/new?vehicle=7`: check a car in for a battery job (no vehicle: find it first). */
export function newJobHref(vehicleId: number | null = null): string {
  return hrefWithQuery({ vehicle: vehicleId }, 'jobs', 'new')
}

export function jobFlashKey(id: number): string {
  return `job:${id}`
}

/** The computer's local calendar day, YYYY-MM-DD (what the board and end of day ask for). */
export function localDay(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** A local day a number of days after today, YYYY-MM-DD. */
export function localDayPlus(days: number, from: Date = new Date()): string {
  const date = new Date(from.getFullYear(), from.getMonth(), from.getDate() + days)
  return localDay(date)
}

const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' })
const dayAndTime = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' })

/** "9:41 AM" for today, "Nov 23, 9:41 AM" otherwise. */
export function shortTime(iso: string | null): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return localDay(date) === localDay() ? timeOnly.format(date) : dayAndTime.format(date)
}
