import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'

/** Creates a fresh, empty directory under the OS temp folder. */
export function makeTempDir(prefix = 'rcd-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** Removes a directory made by makeTempDir, with everything in it. */
export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true })
}

/**
 * Call once at the top of a test file (or describe block):
 * `const tempDirs = useTempDirs()`, then `tempDirs.make()` inside a test.
 * Every directory made that way is removed after each test.
 */
export function useTempDirs(prefix?: string): { make(): string } {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) removeTempDir(dir)
  })
  return {
    make() {
      const dir = makeTempDir(prefix)
      dirs.push(dir)
      return dir
    },
  }
}
