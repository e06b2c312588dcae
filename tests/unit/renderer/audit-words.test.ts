import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { API_EVENTS, API_METHODS } from '../../../shared/api/methods'
import { actionWords } from '../../../renderer/src/features/audit/audit-words'

/*
 * The audit viewer shows each action in words for a manager. Main writes
 * actions as string literals; this scans main's sources for literals in the
 * audited families so a new action without words fails here, not in front
 * of a manager reading "backup.restore.refused".
 */

const FAMILIES = ['code', 'staff', 'vault', 'job', 'retrieval', 'customer', 'vehicle', 'radio', 'settings', 'backup', 'import', 'export']
const LITERAL = new RegExp(`'((?:${FAMILIES.join('|')})\\.[a-z][a-z.-]*)'`, 'g')
const NOT_ACTIONS = new Set<string>([...API_METHODS, ...API_EVENTS])

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return entry.name.endsWith('.ts') ? [full] : []
  })
}

function auditActionsInMain(): Set<string> {
  const found = new Set<string>()
  // electron/db is left out: its literals are table.column references ('staff.id'), and audit rows are written from main's services.
  const electronDir = path.resolve(__dirname, '../../../electron')
  const files = sourceFiles(electronDir).filter((file) => !file.startsWith(path.join(electronDir, 'db') + path.sep))
  for (const file of files) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(LITERAL)) {
      const name = match[1]!
      if (!NOT_ACTIONS.has(name)) found.add(name)
    }
  }
  return found
}

describe('audit action words', () => {
  it('finds the actions main writes (the scan itself works)', () => {
    const actions = auditActionsInMain()
    for (const known of ['code.reveal', 'backup.restore', 'export.codes', 'job.done']) expect(actions).toContain(known)
  })

  it('has words for every action main writes', () => {
    const missing = [...auditActionsInMain()].filter((action) => actionWords(action) === action)
    expect(missing).toEqual([])
  })
})
