import { describe, expect, it } from 'vitest'
import { isoWeek, planRotation } from '../../../electron/db/backup-rotation'
import { backupFileName, parseBackupFileName } from '../../../shared/domain/backup'

const DAY = 24 * 60 * 60 * 1000

function dailyFor(days: number, start = Date.parse('2026-11-24T18:00:00.000Z')) {
  return Array.from({ length: days }, (_, i) => {
    const at = new Date(start - i * DAY)
    return { fileName: backupFileName('daily', at), takenAt: at.toISOString() }
  })
}

describe('planRotation (7 daily, 4 weekly, 12 monthly)', () => {
  it('keeps everything while there are few backups', () => {
    const backups = dailyFor(5)
    expect(planRotation(backups).remove).toEqual([])
  })

  it('after two years of daily backups keeps 7 days, the newest of 4 weeks and of 12 months', () => {
    const backups = dailyFor(730)
    const { keep, remove } = planRotation(backups)
    expect(keep.length + remove.length).toBe(730)
    // 7 days + up to 4 weeks + 12 months, overlapping: never more than 23.
    expect(keep.length).toBeGreaterThanOrEqual(12 + 4)
    expect(keep.length).toBeLessThanOrEqual(23)
    expect(keep[0]).toBe(backups[0]) // the newest is always kept
    expect(keep.slice(0, 7)).toEqual(backups.slice(0, 7))
    const months = new Set(keep.map((b) => b.takenAt.slice(0, 7)))
    expect(months.size).toBe(12)
    const weeks = new Set(keep.map((b) => isoWeek(new Date(b.takenAt))))
    expect(weeks.size).toBeGreaterThanOrEqual(4)
    // The oldest kept is about a year old, nothing older.
    expect(Date.parse(keep[keep.length - 1]!.takenAt)).toBeGreaterThan(Date.parse('2025-11-01T00:00:00.000Z'))
  })

  it('keeps only the newest of several backups on one day (beyond the latest two)', () => {
    const base = Date.parse('2026-11-20T08:00:00.000Z')
    const sameDay = [0, 1, 2, 3].map((h) => {
      const at = new Date(base + h * 60 * 60 * 1000)
      return { fileName: backupFileName('exit', at), takenAt: at.toISOString() }
    })
    const { keep, remove } = planRotation(sameDay)
    expect(keep.map((b) => b.takenAt)).toEqual([sameDay[3]!.takenAt, sameDay[2]!.takenAt])
    expect(remove).toHaveLength(2)
  })

  it('never removes the only backup', () => {
    const one = dailyFor(1)
    expect(planRotation(one, { daily: 0, weekly: 0, monthly: 0, latest: 0 }).keep).toEqual(one)
  })
})

describe('backup file names', () => {
  it('round-trip kind and time, including pre-migration names with a suffix', () => {
    const at = new Date('2026-11-24T06:30:15.123Z')
    expect(parseBackupFileName(backupFileName('daily', at))).toEqual({ kind: 'daily', takenAt: at.toISOString() })
    expect(parseBackupFileName('pre-migration_2026-11-24T06-30-15-123Z_from_2026-11-24T0600_initial-schema.sqlite')).toEqual({
      kind: 'pre-migration',
      takenAt: at.toISOString(),
    })
  })

  it('ignores partial files and other names', () => {
    expect(parseBackupFileName('daily_2026-11-24T06-30-15-123Z.sqlite.partial')).toBeNull()
    expect(parseBackupFileName('radio-code-desk.sqlite')).toBeNull()
    expect(parseBackupFileName('weird_2026-11-24T06-30-15-123Z.sqlite')).toBeNull()
  })
})
