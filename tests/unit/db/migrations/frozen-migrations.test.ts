import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { MIGRATION_NAMES } from '../../../../electron/db/migrations'

/*
 * Released migrations are frozen: editing one would give shops that already
 * ran it a different schema from new installs. frozen-migrations.json holds
 * the sha256 of each migration file (line endings normalised to LF).
 *
 * Adding a migration: append it to electron/db/migrations/index.ts and add
 * its "file": "sha256" line (printed by the failing test) to the JSON.
 * Never change an existing line.
 */

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../../electron/db/migrations')
const FROZEN_FILE = path.join(import.meta.dirname, 'frozen-migrations.json')

function migrationFiles(): string[] {
  return fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
    .sort()
}

function sourceHash(file: string): string {
  const text = fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8').replace(/\r\n/g, '\n')
  return createHash('sha256').update(text).digest('hex')
}

/** Every module specifier a source file imports or requires, static or dynamic. */
function importedModules(source: string): string[] {
  const patterns = [
    /\bfrom\s*['"]([^'"]+)['"]/g,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
    /\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
  ]
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]!))
}

describe('frozen migrations', () => {
  it('each migration file has exactly the hash recorded in frozen-migrations.json', () => {
    const frozen = JSON.parse(fs.readFileSync(FROZEN_FILE, 'utf8')) as Record<string, string>
    const actual = Object.fromEntries(migrationFiles().map((file) => [file, sourceHash(file)]))
    const hint =
      'A migration file changed, appeared or disappeared. Released migrations must never be edited: add a new migration instead. ' +
      `For a new migration, add this to tests/unit/db/migrations/frozen-migrations.json:\n${JSON.stringify(actual, null, 2)}`
    expect(actual, hint).toEqual(frozen)
  })

  it('index.ts lists every migration file, in file-name order', () => {
    const names = migrationFiles().map((file) => file.replace(/\.ts$/, ''))
    expect([...MIGRATION_NAMES]).toEqual(names)
    expect([...MIGRATION_NAMES]).toEqual([...MIGRATION_NAMES].sort())
  })

  it('index.ts maps each name to the module imported from the file of that name', () => {
    const index = fs.readFileSync(path.join(MIGRATIONS_DIR, 'index.ts'), 'utf8')
    const importsByIdentifier = new Map(
      [...index.matchAll(/import \* as (\w+) from '\.\/([^']+)'/g)].map((match) => [match[1]!, match[2]!]),
    )
    const entries = [...index.matchAll(/^\s*'([^']+)':\s*(\w+),?\s*$/gm)].map((match) => [match[1]!, match[2]!] as const)
    expect(entries.map(([name]) => name)).toEqual([...MIGRATION_NAMES])
    for (const [name, identifier] of entries) expect(importsByIdentifier.get(identifier), name).toBe(name)
  })

  it('migrations import nothing but kysely', () => {
    for (const file of migrationFiles()) {
      const modules = importedModules(fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8'))
      expect(modules.length, file).toBeGreaterThan(0)
      for (const specifier of modules) expect(specifier, file).toBe('kysely')
    }
  })

  it('the import check catches other imports, type-only, side-effect, dynamic and require', () => {
    const source = [
      "import { sql, type Kysely } from 'kysely'",
      "import type { Database } from '../schema'",
      "import '../../shared/domain/normalize'",
      "const x = await import('node:fs')",
      "const y = require(\"kysely/helpers/sqlite\")",
    ].join('\n')
    expect(importedModules(source)).toEqual(
      expect.arrayContaining(['kysely', '../schema', '../../shared/domain/normalize', 'node:fs', 'kysely/helpers/sqlite']),
    )
  })
})
