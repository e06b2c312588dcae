import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { backupDatabase } from '../../../electron/db/backup'
import { openTestDatabase } from '../../helpers/db'
import { useTempDirs } from '../../helpers/temp-dir'

const tempDirs = useTempDirs()

function countSettings(file: string): number {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    return sqlite.prepare('select count(*) from shop_settings').pluck().get() as number
  } finally {
    sqlite.close()
  }
}

describe('backupDatabase', () => {
  it('copies rows still only in the -wal into one self-contained file that passes quick_check, leaving no .partial or -wal/-shm files', async () => {
    const dir = tempDirs.make()
    const opened = await openTestDatabase(dir)
    try {
      opened.sqlite.pragma('wal_checkpoint(TRUNCATE)')
      opened.sqlite.pragma('wal_autocheckpoint = 0')
      const insert = opened.sqlite.prepare('insert into shop_settings (key, value_json, updated_at) values (?, ?, ?)')
      for (let i = 0; i < 25; i++) insert.run(`key-${i}`, JSON.stringify({ i }), '2026-11-24T06:00:00.000Z')
      expect(fs.statSync(`${opened.file}-wal`).size).toBeGreaterThan(0)

      // Control: a plain copy of the main file alone misses those rows.
      const naiveCopy = path.join(dir, 'naive-copy.sqlite')
      fs.copyFileSync(opened.file, naiveCopy)
      expect(countSettings(naiveCopy)).toBe(0)

      const destination = path.join(dir, 'backups', 'nested', 'backup.sqlite')
      await backupDatabase(opened.sqlite, destination)

      expect(countSettings(destination)).toBe(25)
      const copy = new BetterSqlite3(destination, { readonly: true })
      try {
        expect(copy.pragma('quick_check', { simple: true })).toBe('ok')
      } finally {
        copy.close()
      }
      expect(fs.existsSync(`${destination}.partial`)).toBe(false)
      expect(fs.readdirSync(path.dirname(destination))).toEqual(['backup.sqlite'])
    } finally {
      await opened.close()
    }
  })

  it('leaves the live database usable and unchanged', async () => {
    const dir = tempDirs.make()
    const opened = await openTestDatabase(dir)
    try {
      opened.sqlite.prepare("insert into shop_settings (key, value_json, updated_at) values ('a', '1', 'now')").run()
      await backupDatabase(opened.sqlite, path.join(dir, 'backup.sqlite'))
      opened.sqlite.prepare("insert into shop_settings (key, value_json, updated_at) values ('b', '2', 'now')").run()
      expect(opened.sqlite.prepare('select count(*) from shop_settings').pluck().get()).toBe(2)
      expect(countSettings(path.join(dir, 'backup.sqlite'))).toBe(1)
    } finally {
      await opened.close()
    }
  })
})
