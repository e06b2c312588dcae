/*
 * Money as the desk types it ("45", "$45.50", "1,200") and as main stores it
 * (whole cents). No floating-point arithmetic: the text is split at the point.
 */

export type ParsedDollars =
  | { readonly ok: true; readonly cents: number | null }
  | { readonly ok: false; readonly message: string }

/** "45.5" → 4550; "" → null (no cost); anything else → a message for the desk. */
export function parseDollars(text: string): ParsedDollars {
  const cleaned = text.trim().replace(/^\$\s*/, '').replace(/,/g, '')
  if (cleaned === '') return { ok: true, cents: null }
  if (cleaned.startsWith('-')) return { ok: false, message: 'The cost cannot be negative.' }
  const match = /^(\d{0,7})(?:\.(\d{0,2}))?$/.exec(cleaned)
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) {
    return { ok: false, message: 'Type the cost in dollars, like 45 or 45.50.' }
  }
  const dollars = Number(match[1] || '0')
  const cents = Number((match[2] ?? '').padEnd(2, '0') || '0')
  return { ok: true, cents: dollars * 100 + cents }
}

/** 4550 → "45.50"; null → "". For an input box. */
export function centsToDollarsText(cents: number | null): string {
  if (cents === null) return ''
  const whole = Math.floor(cents / 100)
  return `${whole}.${String(cents % 100).padStart(2, '0')}`
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' })

/** 4550 → "$45.50"; for reading. */
export function formatCents(cents: number): string {
  return usd.format(cents / 100)
}
