import { defineConfig } from 'vitest/config'

// better-sqlite3 13 crashes on Node < 22; npm scripts run on the pinned Node 24
// (node_modules/.bin/node). Running vitest directly uses the system Node.
const major = Number(process.versions.node.split('.')[0])
if (major < 22) {
  throw new Error(
    `Tests need Node 22 or newer (this is ${process.version}). Run them through npm (npm test, npm run test:unit), which uses the pinned Node 24.`,
  )
}

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
