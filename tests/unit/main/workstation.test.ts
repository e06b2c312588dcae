import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readOrCreateWorkstationIdSync } from '../../../electron/main/workstation'
import { useTempDirs } from '../../helpers/temp-dir'

const tempDirs = useTempDirs()
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('readOrCreateWorkstationIdSync', () => {
  it('creates a random UUID once, in a new folder if needed, and returns it again after', () => {
    const file = path.join(tempDirs.make(), 'nested', 'workstation.json')
    const id = readOrCreateWorkstationIdSync(file)
    expect(id).toMatch(UUID)
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ id })
    const written = fs.statSync(file).mtimeMs
    expect(readOrCreateWorkstationIdSync(file)).toBe(id)
    expect(readOrCreateWorkstationIdSync(file)).toBe(id)
    expect(fs.statSync(file).mtimeMs).toBe(written)
  })

  it('gives different machines different ids', () => {
    const a = readOrCreateWorkstationIdSync(path.join(tempDirs.make(), 'workstation.json'))
    const b = readOrCreateWorkstationIdSync(path.join(tempDirs.make(), 'workstation.json'))
    expect(a).not.toBe(b)
  })

  it.skipIf(process.platform === 'win32')('writes the file readable by its owner only', () => {
    const file = path.join(tempDirs.make(), 'workstation.json')
    readOrCreateWorkstationIdSync(file)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
  })

  it('replaces a corrupt or wrong-shaped file with a new valid id', () => {
    const dir = tempDirs.make()
    for (const content of ['not json', '', 'null', '[]', '{"id": 5}', '{"id": "abc"}', '{"other": "x"}', '\u0000\u0001']) {
      const file = path.join(dir, 'workstation.json')
      fs.writeFileSync(file, content)
      const id = readOrCreateWorkstationIdSync(file)
      expect(id, JSON.stringify(content)).toMatch(UUID)
      expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ id })
      expect(readOrCreateWorkstationIdSync(file)).toBe(id)
    }
  })
})
