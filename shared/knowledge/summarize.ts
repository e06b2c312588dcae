import { digitsText, orList } from './format-text'
import type { CodeFormat, KnowledgeEntry } from './schema'

function codePhrase(format: CodeFormat | null): string {
  if (!format || !format.lengths) return 'code (length not given in the report)'
  const lengths = [...new Set(format.lengths)].sort((a, b) => a - b)
  const parts = lengths.map((length, index) => (index === lengths.length - 1 ? `${length}-digit` : `${length}-`))
  const lengthText = orList(parts, 'or')
  const digits = format.allowedDigits ? `, digits ${digitsText(format.allowedDigits)}` : ''
  return `${lengthText} code${digits}`
}

function serialPhrase(entry: KnowledgeEntry): string | null {
  const serial = entry.serial
  if (serial?.status !== 'described') return null
  const method = serial.showOnDisplay.find((item) => item.short !== null)
  if (!method?.short) return null
  return `${serial.name} shows with ${method.short}`
}

function confidenceSuffix(entry: KnowledgeEntry): string {
  const level = entry.confidence.level
  if (level === 'high') return ''
  if (level === 'unconfirmed') return ' (unconfirmed)'
  return ` (${level} confidence)`
}

/**
 * One line for a vehicle page, built only from the entry's own fields, e.g.
 * "Honda/Acura radio (1990s to late 2000s): 5-digit code, digits 1–6; serial shows with presets 1+6".
 */
export function summarizeGuidance(entry: KnowledgeEntry): string {
  const years = entry.years && (entry.years.from !== null || entry.years.to !== null) ? ` (${entry.years.asStated})` : ''
  const head = `${entry.label}${years}`
  const parts: string[] = []

  let status = ''
  switch (entry.behaviour) {
    case 'code':
      parts.push(codePhrase(entry.codeFormat))
      if (entry.statusNote) status = ` — ${entry.statusNote.replace(/\.$/, '')}`
      break
    case 'owner-set-code': {
      const format = entry.codeFormat?.lengths ? ` (${codePhrase(entry.codeFormat)})` : ''
      parts.push(`locked only if the owner set a code${format}`)
      break
    }
    case 'pairs-with-car':
      parts.push('no code: the radio pairs with the car')
      if (entry.statusNote) status = ` — ${entry.statusNote.replace(/\.$/, '')}`
      break
    case 'unknown':
      parts.push(`unknown — ${(entry.statusNote ?? 'the report does not say').replace(/\.$/, '')}`)
      break
  }
  const serial = serialPhrase(entry)
  if (serial) parts.push(serial)

  return `${head}: ${parts.join('; ')}${status}${confidenceSuffix(entry)}`
}
