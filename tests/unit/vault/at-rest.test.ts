import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createPassphraseProtector } from '../../../electron/main/vault/key-protector'
import { openTestDatabase } from '../../helpers/db'
import { hits } from '../../helpers/secret-scan'
import { useTempDirs } from '../../helpers/temp-dir'
import { FAST_SCRYPT, PINS, buildWorld, hireCrew, seedRadio } from './fixtures'

/*
 * The at-rest proof: after storing, correcting, verifying, revealing and
 * printing distinctive codes, the raw bytes of the database file and its WAL
 * (before and after a checkpoint, and after a clean close) contain none of
 * them, as ASCII/UTF-8 or UTF-16 (either byte order). A control string stored
 * in clear text on purpose must be found, proving the scan can see text.
 */

const tempDirs = useTempDirs()

const CODES = ['61354', 'ZX9Q7', '80917', 'K4R7W2', '736251', 'QJ48N'] as const
const CONTROL = 'CTRLQ8J5ZV'

describe('radio codes at rest', () => {
  it('never appear in clear text in the database file or its WAL', async () => {
    const dir = tempDirs.make()
    const opened = await openTestDatabase(dir, 'shop.sqlite')
    const dbFile = opened.file
    const files = [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]
    try {
      const world = await buildWorld(opened, {
        protector: createPassphraseProtector('lantern orchard pebble', { cost: FAST_SCRYPT }),
      })
      const crew = await hireCrew(world)
      world.session.signIn(crew.manager.id)
      const codeIds: number[] = []
      for (const [i, code] of CODES.entries()) {
        const radioId = await seedRadio(opened, `SER${i}`)
        const first = await world.codes.addCode(crew.desk.id, { radioId, code, source: 'owner-card', sourceDetail: 'card in glovebox' })
        // A correction for half of them (the old code must stay encrypted too).
        if (i % 2 === 0) {
          const corrected = await world.codes.addCode(crew.desk.id, { radioId, code: `${code}9`, source: 'dealer' })
          await world.codes.markVerified(crew.tech.id, corrected.id)
          codeIds.push(corrected.id)
        }
        await world.codes.reveal({ codeId: first.id, pin: PINS.manager })
        await world.codes.releaseForPrint({ codeId: first.id })
        codeIds.push(first.id)
      }
      // Every code really is stored and readable through the vault.
      for (const codeId of codeIds) expect((await world.codes.reveal({ codeId })).code).toMatch(/^[0-9A-Z]+$/)
      // The control: clear text that is expected to be found.
      const now = '2026-11-24T09:00:00.000Z'
      await opened.db.insertInto('customers').values({ name: 'Control', notes: CONTROL, search_key: 'CONTROL', created_at: now, updated_at: now }).execute()

      // 1. Before a checkpoint: recent pages live in the WAL.
      expect(fs.statSync(`${dbFile}-wal`).size).toBeGreaterThan(0)
      expect(hits(files, CONTROL).length, 'the scan must see clear text').toBeGreaterThan(0)
      for (const code of CODES) {
        expect(hits(files, code), `${code} before checkpoint`).toEqual([])
        expect(hits(files, `${code}9`), `${code}9 before checkpoint`).toEqual([])
      }

      // 2. After a checkpoint: the pages are in the main file.
      opened.sqlite.pragma('wal_checkpoint(TRUNCATE)')
      expect(hits([dbFile], CONTROL).length).toBeGreaterThan(0)
      for (const code of CODES) {
        expect(hits(files, code), `${code} after checkpoint`).toEqual([])
        expect(hits(files, `${code}9`), `${code}9 after checkpoint`).toEqual([])
      }
    } finally {
      await opened.close()
    }

    // 3. After a clean close.
    expect(hits(files, CONTROL).length).toBeGreaterThan(0)
    for (const code of CODES) {
      expect(hits(files, code), `${code} after close`).toEqual([])
      expect(hits(files, `${code}9`), `${code}9 after close`).toEqual([])
    }
  })
})
