// Prints one closing line for the whole run ("N passed, N failed, N skipped")
// from the JSON reports of vitest and Playwright, and fails if either is missing.
import fs from 'node:fs'

let missing = false
function read(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    console.error(`missing test report: ${file}`)
    missing = true
    return {}
  }
}

const vitest = read('.tmp/reports/vitest.json')
const playwright = read('.tmp/reports/playwright.json')

let passed = vitest.numPassedTests ?? 0
let failed = (vitest.numFailedTests ?? 0) + (vitest.numRuntimeErrorTests ?? 0)
let skipped = (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0)
const stats = playwright.stats ?? {}
passed += stats.expected ?? 0
failed += stats.unexpected ?? 0
skipped += stats.skipped ?? 0

if (vitest.rerunAfterWorkerCrash) console.log(`unit+integration: re-ran after a test worker died: ${vitest.rerunAfterWorkerCrash.join(', ')}`)
console.log(`unit+integration: ${vitest.numPassedTests ?? 0} passed, ${vitest.numFailedTests ?? 0} failed, ${vitest.numPendingTests ?? 0} skipped`)
console.log(`end-to-end: ${stats.expected ?? 0} passed, ${stats.unexpected ?? 0} failed, ${stats.skipped ?? 0} skipped, ${stats.flaky ?? 0} flaky`)
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 || missing ? 1 : 0)
