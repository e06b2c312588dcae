/*
 * The benchmark's table: each figure next to its floor (measured in the same
 * run), the ratio, the target and PASS / MISS (or INFO where the issue sets
 * no target).
 */

export type Verdict = 'PASS' | 'MISS' | 'INFO'

export interface ReportRow {
  readonly name: string
  /** What the figure is, e.g. "p95 ms", "median ms", "KB gzip". */
  readonly unit: string
  readonly value: number
  readonly floor: number | null
  readonly target: string
  readonly verdict: Verdict
  readonly note?: string
}

function format(n: number | null): string {
  if (n === null || Number.isNaN(n)) return '–'
  if (n >= 100) return n.toFixed(0)
  if (n >= 10) return n.toFixed(1)
  return n.toFixed(n >= 1 ? 2 : 3)
}

export function ratio(value: number, floor: number | null): string {
  return floor === null || floor === 0 || Number.isNaN(floor) ? '–' : `${(value / floor).toFixed(2)}×`
}

export function renderTable(rows: readonly ReportRow[]): string {
  const header = ['figure', 'unit', 'value', 'floor', 'ratio', 'target', 'verdict']
  const body = rows.map((row) => [row.name, row.unit, format(row.value), format(row.floor), ratio(row.value, row.floor), row.target, row.verdict])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)))
  const line = (cells: readonly string[]) => cells.map((cell, i) => (i >= 2 && i <= 4 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ')
  const notes = rows.filter((row) => row.note).map((row) => `  ${row.name}: ${row.note}`)
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line), ...(notes.length > 0 ? ['', 'notes:', ...notes] : [])].join('\n')
}

/** The rule for search: p95 ≤ 2 ms, and ≤ 1.5 × the floor (within 0.1 ms of it where the floor is under 0.2 ms). */
export function searchVerdict(p95: number, floorP95: number): Verdict {
  if (p95 > 2) return 'MISS'
  if (floorP95 < 0.2) return p95 - floorP95 <= 0.1 ? 'PASS' : 'MISS'
  return p95 <= 1.5 * floorP95 ? 'PASS' : 'MISS'
}

export function atMost(value: number, limit: number): Verdict {
  return value <= limit ? 'PASS' : 'MISS'
}
