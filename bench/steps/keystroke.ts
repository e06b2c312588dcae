import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { dataPaths } from '../../electron/main/paths'
import { chromiumExecutablePath, OFFLINE_CHROMIUM_ARGS } from '../../electron/web-preview/spool-printer'
import { BENCH_MANAGER } from '../generator/generate'
import { stats, type Stats } from '../measure'

/*
 * Keystroke to results painted, in the browser preview: the built renderer
 * served by electron/web-preview/cli.ts (its own process, holding the
 * database) in headless Chromium. For each key: from the keydown event's
 * timestamp to the first frame painted after the search status line says
 * the results for the new text are shown (MutationObserver, then
 * requestAnimationFrame and a posted message, which runs after that frame's
 * paint). Nothing in the app is instrumented. Floor: keydown to the next
 * painted frame in a bare input on the same page.
 */

const ROOT = path.resolve(__dirname, '../..')

export interface KeystrokeFigures {
  readonly keystrokes: Stats
  readonly floor: Stats
  /** The preview server's peak RSS while serving the keystrokes (MB), from /proc; null where unavailable. */
  readonly serverPeakRssMb: number | null
}

interface PreviewProcess {
  readonly child: ChildProcess
  readonly url: string
}

function startPreview(dataDir: string): Promise<PreviewProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron/web-preview/cli.ts'), '--data-dir', dataDir, '--port', '0', '--test-key'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`The preview server did not start in 120 s: ${out} ${err}`)), 120_000)
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /Open: (\S+)/.exec(out)
      if (match) {
        clearTimeout(timer)
        resolve({ child, url: match[1]! })
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`The preview server exited (${code}): ${err}`))
    })
  })
}

function peakRssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const match = /VmHWM:\s+(\d+) kB/.exec(status)
    return match ? Number(match[1]) / 1024 : null
  } catch {
    return null
  }
}

/** A data folder whose database is the cached one (a symlink), so nothing multi-GB is copied; the preview writes only sign-in audit rows. */
export function linkedDataDir(shopDataDir: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rcd-bench-preview-'))
  fs.symlinkSync(dataPaths(shopDataDir).dbFile, dataPaths(dir).dbFile)
  fs.copyFileSync(dataPaths(shopDataDir).workstationFile, dataPaths(dir).workstationFile)
  return dir
}

async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const input = document.getElementById('search-input') as HTMLInputElement
    const status = document.querySelector('p.visually-hidden[role="status"]')!
    const bench = window as unknown as { __rcdLatency: Promise<number> | null }
    bench.__rcdLatency = null
    input.addEventListener(
      'keydown',
      (event) => {
        const t0 = event.timeStamp
        bench.__rcdLatency = new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            if ((status.textContent ?? '') === '') return
            observer.disconnect()
            requestAnimationFrame(() => {
              const channel = new MessageChannel()
              channel.port1.onmessage = () => resolve(performance.now() - t0)
              channel.port2.postMessage(0)
            })
          })
          observer.observe(status, { childList: true, characterData: true, subtree: true })
        })
      },
      { capture: true },
    )
    const floor = document.createElement('input')
    floor.id = 'bench-floor-input'
    floor.setAttribute('aria-label', 'benchmark floor')
    floor.style.cssText = 'position:fixed;right:0;bottom:0;width:120px'
    document.body.appendChild(floor)
    floor.addEventListener(
      'keydown',
      (event) => {
        const t0 = event.timeStamp
        bench.__rcdLatency = new Promise<number>((resolve) => {
          requestAnimationFrame(() => {
            const channel = new MessageChannel()
            channel.port1.onmessage = () => resolve(performance.now() - t0)
            channel.port2.postMessage(0)
          })
        })
      },
      { capture: true },
    )
  })
}

const latency = (page: Page) => page.evaluate(() => (window as unknown as { __rcdLatency: Promise<number> }).__rcdLatency)

/** Types `texts` one key at a time until `keystrokes` keys were measured. */
export async function benchKeystrokes(shopDataDir: string, texts: readonly string[], keystrokes: number): Promise<KeystrokeFigures> {
  const dataDir = linkedDataDir(shopDataDir)
  const preview = await startPreview(dataDir)
  const browser = await chromium.launch({ executablePath: chromiumExecutablePath(), headless: true, args: OFFLINE_CHROMIUM_ARGS })
  try {
    const page = await browser.newPage()
    await page.goto(preview.url)
    await page.locator('[data-app-state="sign-in"]').waitFor({ timeout: 60_000 })
    await page.getByRole('list', { name: 'Staff' }).getByRole('button', { name: new RegExp(`^${BENCH_MANAGER.name}\\b`) }).click()
    const pin = page.getByLabel('PIN', { exact: true })
    await pin.fill(BENCH_MANAGER.pin)
    await pin.press('Enter')
    await page.locator('[data-app-state="ready"]').waitFor()
    await page.keyboard.press('Control+k')
    const box = page.getByRole('searchbox', { name: 'Find a customer, vehicle or radio' })
    await box.waitFor()
    await installProbe(page)

    const times: number[] = []
    let round = 0
    while (times.length < keystrokes) {
      const text = texts[round % texts.length]!
      round += 1
      await box.fill('')
      await box.focus()
      for (const key of text) {
        if (times.length >= keystrokes) break
        await page.keyboard.press(key)
        times.push(await latency(page))
        await page.waitForTimeout(40)
      }
    }
    const floorInput = page.locator('#bench-floor-input')
    await floorInput.focus()
    const floor: number[] = []
    for (let i = 0; i < 60; i += 1) {
      await page.keyboard.press(String.fromCharCode(97 + (i % 26)))
      floor.push(await latency(page))
      await page.waitForTimeout(20)
    }
    return { keystrokes: stats(times), floor: stats(floor), serverPeakRssMb: peakRssMb(preview.child.pid) }
  } finally {
    await browser.close()
    // SIGKILL: the preview's exit backup would copy the whole (cached, multi-GB) database.
    preview.child.kill('SIGKILL')
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
