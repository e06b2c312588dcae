import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createFileLogger } from '../main/log'
import { dataPaths } from '../main/paths'
import { startPreviewServer } from './server'
import { createSpoolPrinter } from './spool-printer'

/*
 * npm run preview:web -- --data-dir <folder> [--port <n>]
 * Serves the built renderer on 127.0.0.1 wired to the real services.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, 'test-key': { type: 'boolean' } },
    strict: true,
  })
  const dataDir = path.resolve(values['data-dir'] ?? path.join(process.cwd(), '.tmp', 'preview-data'))
  const root = path.resolve(__dirname, '../..')
  const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }
  const printer = createSpoolPrinter(dataPaths(dataDir).spoolDir)
  const server = await startPreviewServer({
    dataDir,
    rendererDir: path.join(root, 'out', 'renderer'),
    printer,
    log: createFileLogger(dataPaths(dataDir).logFile, console),
    appVersion: packageJson.version,
    port: values.port ? Number(values.port) : 0,
    testKey: values['test-key'] === true,
  })
  console.log(`Radio Code Desk browser preview (data folder: ${dataDir})`)
  console.log(`Printed documents are saved in ${dataPaths(dataDir).spoolDir}`)
  if (values['test-key']) console.log('Code vault: built-in TEST key (throwaway data only; codes stored this way are not protected)')
  console.log(`Open: ${server.url}`)
  const stop = () => {
    void server
      .close()
      .then(() => printer.close())
      .finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
