export interface RotationPolicy {
  /** Newest backup of each of the last N days that have one. */
  readonly daily: number
  /** Newest backup of each of the last N ISO weeks that have one. */
  readonly weekly: number
  /** Newest backup of each of the last N months that have one. */
  readonly monthly: number
  /** The N newest backups are always kept, whatever their day. */
  readonly latest: number
}

export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, monthly: 12, latest: 2 }

export interface RotationCandidate {
  readonly fileName: string
  /** ISO time. */
  readonly takenAt: string
}

/**
 * Grandfather-father-son rotation: which backups to keep and which to delete.
 * Pure (no clock, no files). Days, weeks and months are counted in UTC so the
 * result does not change with the computer's time zone setting.
 * The newest backup is always kept.
 */
export function planRotation<T extends RotationCandidate>(
  backups: readonly T[],
  policy: RotationPolicy = DEFAULT_ROTATION,
): { keep: T[]; remove: T[] } {
  const newestFirst = [...backups].sort((a, b) => b.takenAt.localeCompare(a.takenAt))
  const keep = new Set<T>(newestFirst.slice(0, Math.max(1, policy.latest)))
  const keepNewestPerBucket = (bucketOf: (at: Date) => string, limit: number) => {
    const seen = new Set<string>()
    for (const backup of newestFirst) {
      const bucket = bucketOf(new Date(backup.takenAt))
      if (seen.has(bucket)) continue
      if (seen.size >= limit) break
      seen.add(bucket)
      keep.add(backup)
    }
  }
  keepNewestPerBucket((at) => at.toISOString().slice(0, 10), policy.daily)
  keepNewestPerBucket(isoWeek, policy.weekly)
  keepNewestPerBucket((at) => at.toISOString().slice(0, 7), policy.monthly)
  return { keep: newestFirst.filter((b) => keep.has(b)), remove: newestFirst.filter((b) => !keep.has(b)) }
}

/** "2026-W48" for the ISO week (Monday start) that contains `at`, in UTC. */
export function isoWeek(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()))
  const weekday = day.getUTCDay() || 7
  day.setUTCDate(day.getUTCDate() + 4 - weekday) // the Thursday of this week decides the year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1)
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7)
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}
