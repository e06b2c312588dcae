/**
 * Search keys computed in code, so SQLite and PostgreSQL compare the same
 * strings (no reliance on either engine's LIKE/collation rules).
 */

/**
 * Uppercase, diacritics folded, anything but letters and digits collapsed to
 * single spaces. Letters of any script are kept, so Cyrillic or Greek names
 * stay searchable.
 */
export function toSearchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** Digits only: "(555) 010-2030" and "555.010.2030" become the same key. */
export function phoneDigits(text: string): string {
  return text.replace(/\D+/g, '')
}

/** Uppercase with spaces, dashes and dots removed: for VINs, plates and radio serials. */
export function compactKey(text: string): string {
  return text.toUpperCase().replace(/[\s\-.]+/g, '')
}

/** Collapse runs of whitespace and trim; what we store for names typed at the counter. */
export function tidyText(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
