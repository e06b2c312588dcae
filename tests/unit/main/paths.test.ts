import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_FOLDER_NAME, DATA_DIR_ENV, dataPaths, resolveDataDir } from '../../../electron/main/paths'

const APP_DATA = path.resolve('/users/desk/AppData/Roaming')

describe('resolveDataDir', () => {
  it('defaults to "Radio Code Desk" under the app data folder', () => {
    expect(APP_FOLDER_NAME).toBe('Radio Code Desk')
    expect(resolveDataDir({}, APP_DATA)).toBe(path.join(APP_DATA, 'Radio Code Desk'))
  })

  it('uses the environment override, trimmed and made absolute', () => {
    const override = path.resolve('/srv/shop-data')
    expect(resolveDataDir({ [DATA_DIR_ENV]: override }, APP_DATA)).toBe(override)
    expect(resolveDataDir({ [DATA_DIR_ENV]: `  ${override}\n` }, APP_DATA)).toBe(override)
    expect(resolveDataDir({ [DATA_DIR_ENV]: 'relative/data' }, APP_DATA)).toBe(path.resolve('relative/data'))
  })

  it('ignores an empty or whitespace-only override', () => {
    for (const value of ['', '   ', '\t\n', undefined]) {
      expect(resolveDataDir({ [DATA_DIR_ENV]: value }, APP_DATA), JSON.stringify(value)).toBe(path.join(APP_DATA, 'Radio Code Desk'))
    }
  })

  it('reads only its own variable', () => {
    expect(resolveDataDir({ DATA_DIR: '/elsewhere', RADIO_CODE_DESK_DATA: '/elsewhere' }, APP_DATA)).toBe(
      path.join(APP_DATA, 'Radio Code Desk'),
    )
  })
})

describe('dataPaths', () => {
  it('puts every file inside the data folder', () => {
    const dir = path.resolve('/data/rcd')
    const paths = dataPaths(dir)
    expect(paths.dataDir).toBe(dir)
    for (const [name, value] of Object.entries(paths)) {
      if (name === 'dataDir') continue
      expect(path.relative(dir, value).startsWith('..'), name).toBe(false)
      expect(value, name).not.toBe(dir)
    }
    expect(new Set(Object.values(paths)).size).toBe(Object.values(paths).length)
  })
})
