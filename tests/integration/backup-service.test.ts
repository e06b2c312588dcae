import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { dataPaths } from '../../electron/main/paths'
import { BACKUP_SETTINGS_MIRROR } from '../../electron/main/services/backups'
import type { Customer } from '../../shared/domain/customer'
import { startTestServices } from '../helpers/services'
import { useTempDirs } from '../helpers/temp-dir'
import { createHandClock, firstStart, useDesks, valueOf } from './desk-harness'

const desks = useDesks()
const tempDirs = useTempDirs('rcd-second-')
const DAY = 24 * 60 * 60 * 1000

function quickCheck(file: string): unknown {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    return sqlite.pragma('quick_check', { simple: true })
  } finally {
    sqlite.close()
  }
}

describe('backups for Settings', () => {
  it('warns when there is no backup, then reports the last good one (time, file, size, where)', async () => {
    const desk = await desks.start()
    const first = await desk.services.backups.status()
    expect(first).toMatchObject({ lastGood: null, warning: 'There is no backup of this database yet.', secondFolder: null })

    const info = await desk.services.backups.backupNow('manual')
    expect(info).toMatchObject({ kind: 'manual', location: 'data-folder', takenAt: desk.clock.now().toISOString() })
    expect(path.dirname(info.file)).toBe(dataPaths(desk.dataDir).backupsDir)
    expect(info.sizeBytes).toBe(fs.statSync(info.file).size)
    expect(quickCheck(info.file)).toBe('ok')
    expect(fs.readdirSync(path.dirname(info.file)).filter((f) => !f.endsWith('.sqlite'))).toEqual([])

    const status = await desk.services.backups.status()
    expect(status).toMatchObject({ lastGood: info, lastGoodInDataFolder: info, warning: null, backupRunning: false })

    desk.clock.advance(3 * DAY)
    expect((await desk.services.backups.status()).warning).toBe('The newest backup is 3 days old.')
  })

  it('copies each backup into the second folder, checked there; a missing drive is reported, the data-folder backup still counts', async () => {
    const desk = await desks.start()
    const world = await firstStart(desk.call)
    const usb = path.join(tempDirs.make(), 'USB', 'Radio Code Desk')
    const settings = await desk.services.backups.setSecondFolder(usb, world.manager.id)
    expect(settings).toEqual({ secondFolder: usb })
    expect(await desk.services.backups.settings()).toEqual({ secondFolder: usb })
    expect(JSON.parse(fs.readFileSync(path.join(desk.dataDir, BACKUP_SETTINGS_MIRROR), 'utf8'))).toEqual({ secondFolder: usb })
    const audit = await desk.services.requireDb().selectFrom('audit_log').selectAll().where('action', '=', 'backup.second-folder.set').execute()
    expect(audit).toHaveLength(1)

    const info = await desk.services.backups.backupNow('daily')
    expect(fs.readdirSync(usb)).toEqual([info.fileName])
    expect(quickCheck(path.join(usb, info.fileName))).toBe('ok')
    const status = await desk.services.backups.status()
    expect(status.lastGoodInSecondFolder).toMatchObject({ location: 'second-folder', fileName: info.fileName })
    expect(status.lastFailure).toBeNull()

    // The drive is unplugged: make the folder path a file so nothing can be written there.
    fs.rmSync(usb, { recursive: true })
    fs.writeFileSync(usb, 'not a folder')
    desk.clock.advance(60_000)
    const next = await desk.services.backups.backupNow('daily')
    expect(quickCheck(next.file)).toBe('ok')
    const after = await desk.services.backups.status()
    expect(after.lastGood?.fileName).toBe(next.fileName)
    expect(after.lastFailure).toMatchObject({ location: 'second-folder' })
  })

  it('refuses a second folder that cannot be written or is inside the data folder', async () => {
    const desk = await desks.start()
    const blocked = path.join(tempDirs.make(), 'file')
    fs.writeFileSync(blocked, 'x')
    await expect(desk.services.backups.setSecondFolder(path.join(blocked, 'sub'), null)).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(desk.services.backups.setSecondFolder(path.join(desk.dataDir, 'elsewhere'), null)).rejects.toMatchObject({
      code: 'VALIDATION',
    })
    await expect(desk.services.backups.setSecondFolder('relative/folder', null)).rejects.toMatchObject({ code: 'VALIDATION' })
    expect(await desk.services.backups.settings()).toEqual({ secondFolder: null })
  })

  it('rotates daily and on-exit backups on disk (7 daily, 4 weekly, 12 monthly) and keeps manual ones', async () => {
    const clock = createHandClock('2026-01-01T18:00:00.000Z')
    const desk = await desks.start({ clock })
    await desk.services.backups.backupNow('manual')
    for (let day = 0; day < 60; day++) {
      clock.advance(DAY)
      await desk.services.backups.backupNow('daily')
    }
    const names = fs.readdirSync(dataPaths(desk.dataDir).backupsDir).sort()
    const daily = names.filter((n) => n.startsWith('daily_'))
    expect(names.filter((n) => n.startsWith('manual_'))).toHaveLength(1)
    expect(daily.length).toBeGreaterThanOrEqual(7 + 2)
    expect(daily.length).toBeLessThanOrEqual(7 + 4 + 3)
    expect(daily.at(-1)).toContain('2026-03-02') // the newest
    console.log(`rotation after 60 daily backups: ${daily.length} kept`)
  })

  it('the daily timer backs up when the newest backup is a day old', async () => {
    const dataDir = tempDirs.make()
    const clock = createHandClock()
    const started = await startTestServices(dataDir, { now: clock.now })
    try {
      started.services.backups.stop()
      started.services.backups.startSchedule({ firstCheckAfterMs: 5, checkEveryMs: 20 })
      const dir = dataPaths(dataDir).backupsDir
      const count = () => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.startsWith('daily_')).length : 0)
      await waitFor(() => count() === 1)
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(count()).toBe(1) // not due again within the day
      clock.advance(DAY)
      await waitFor(() => count() === 2)
    } finally {
      await started.services.close()
    }
  })

  it('close() backs up before closing, and skips it when nothing changed since the last backup', async () => {
    const desk = await desks.start()
    valueOf(await desk.call<Customer>('customers.create', { name: 'Eve' }))
    await desks.stop(desk)
    const dir = dataPaths(desk.dataDir).backupsDir
    const exits = () => fs.readdirSync(dir).filter((n) => n.startsWith('exit_'))
    expect(exits()).toHaveLength(1)
    const db = new BetterSqlite3(path.join(dir, exits()[0]!), { readonly: true })
    expect(db.prepare('select name from customers').pluck().all()).toEqual(['Eve'])
    db.close()

    const again = await desks.start({ dataDir: desk.dataDir })
    await again.services.backups.backupNow('manual')
    again.clock.advance(60_000)
    await desks.stop(again)
    expect(exits()).toHaveLength(1)
  })
})

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
