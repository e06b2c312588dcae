// `npm run test:all`: typecheck, lint, build, unit + integration, end-to-end,
// then one closing line with the totals. Exits non-zero if any step failed.
// Test steps run even after an earlier test step failed, so one run shows everything.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

const major = Number(process.versions.node.split('.')[0])
if (major < 22) {
  console.error(`Tests need Node 22+ (found ${process.version}); run them through npm, which uses the pinned Node 24.`)
  process.exit(1)
}

fs.rmSync('.tmp/reports', { recursive: true, force: true })

const steps = [
  { name: 'typecheck', script: 'typecheck', gate: true },
  { name: 'lint', script: 'lint', gate: true },
  { name: 'build', script: 'build', gate: true },
  { name: 'unit + integration', script: 'test:unit', gate: false },
  { name: 'end-to-end', script: 'test:e2e', gate: false },
]

const failures = []
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`)
  const started = Date.now()
  const result = spawnSync('npm', ['run', '--silent', step.script], { stdio: 'inherit' })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (result.status !== 0) {
    failures.push(step.name)
    console.log(`=== ${step.name}: FAILED (${seconds} s) ===`)
    if (step.gate) break
  } else {
    console.log(`=== ${step.name}: ok (${seconds} s) ===`)
  }
}

const summary = spawnSync('node', ['tests/summarize-results.mjs'], { stdio: 'inherit' })
if (summary.status !== 0 && failures.length === 0) failures.push('summary')
if (failures.length > 0) {
  console.log(`failed steps: ${failures.join(', ')}`)
  process.exit(1)
}
