import type { Page } from '@playwright/test'
import { newCustomerSchema } from '../../shared/domain/customer'
import { newRadioSchema } from '../../shared/domain/radio'
import type { RadioCodeSourceName } from '../../shared/domain/radio-code'
import { newVehicleSchema } from '../../shared/domain/vehicle'
import { createCustomer } from '../../electron/main/services/customers'
import { addRadio } from '../../electron/main/services/radios'
import { createVehicle } from '../../electron/main/services/vehicles'
import { codeHitsInDatabaseFile } from '../helpers/secret-scan'
import type { PreviewApp } from './fixtures'

/*
 * Shared by the codes-* and retrieval-* specs: a 2005 Honda Accord with its
 * radio (through the real services), and the checks that no code typed in a
 * test was stored in clear text.
 */

export interface Accord {
  readonly ownerId: number
  readonly vehicleId: number
  readonly radioId: number
}

export async function seedAccord(app: PreviewApp): Promise<Accord> {
  const s = app.server.services
  const owner = await createCustomer(s, newCustomerSchema.parse({ name: 'Ana López', phones: [{ number: '(555) 010-2030' }] }))
  const vehicle = await createVehicle(
    s,
    newVehicleSchema.parse({ ownerId: owner.id, year: 2005, make: 'Honda', model: 'Accord', plate: '7ABC123', plateState: 'TX' }),
  )
  const detail = await addRadio(s, newRadioSchema.parse({ vehicleId: vehicle.id, serial: 'U1234567', headUnit: 'Factory CD' }))
  const radio = detail.radios.find((item) => item.removedAt === null)
  if (!radio) throw new Error('the radio was not added')
  return { ownerId: owner.id, vehicleId: vehicle.id, radioId: radio.id }
}

/** Stores a code as the signed-in manager would (for tests that start with a code on file). */
export async function seedCode(app: PreviewApp, radioId: number, code: string, source: RadioCodeSourceName = 'owner-card'): Promise<number> {
  const security = app.server.services.requireSecurity()
  const actor = security.session.currentStaffId()
  if (actor === null) throw new Error('nobody is signed in')
  const entry = await security.codes.addCode(actor, { radioId, code, source })
  return entry.id
}

export async function openVehicle(page: Page, vehicleId: number): Promise<void> {
  await page.evaluate((target) => {
    window.location.hash = target
  }, `#/vehicles/${vehicleId}`)
  await page.locator(`article.vehicle-page[data-vehicle-id="${vehicleId}"]`).waitFor()
}

export async function auditRows(app: PreviewApp, action: string) {
  return app.server.services.requireDb().selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute()
}

/** Where `needle` occurs in the app's database file and its WAL (see codeHitsInDatabaseFile). */
export function codeHitsInDatabaseFiles(app: PreviewApp, needle: string): string[] {
  return codeHitsInDatabaseFile(app.paths.dbFile, needle)
}

/** The code is nowhere in the page: not in its markup, the address, or session storage. */
export async function pageHolds(page: Page, code: string): Promise<string[]> {
  return page.evaluate((needle) => {
    const places: string[] = []
    if (document.documentElement.outerHTML.includes(needle)) places.push('DOM')
    for (const input of document.querySelectorAll('input, textarea')) {
      if ((input as HTMLInputElement).value.includes(needle)) places.push(`value of #${input.id}`)
    }
    if (window.location.href.includes(needle)) places.push('URL')
    for (let i = 0; i < window.sessionStorage.length; i += 1) {
      const key = window.sessionStorage.key(i) ?? ''
      if (`${key}${window.sessionStorage.getItem(key) ?? ''}`.includes(needle)) places.push(`sessionStorage ${key}`)
    }
    for (let i = 0; i < window.localStorage.length; i += 1) {
      const key = window.localStorage.key(i) ?? ''
      if (`${key}${window.localStorage.getItem(key) ?? ''}`.includes(needle)) places.push(`localStorage ${key}`)
    }
    return places
  }, code)
}

/**
 * Signs `staffId` in at the desk as if that happened three minutes ago, so no
 * PIN counts as "typed in the last two minutes" and a reveal asks for one. A
 * sign-in counts as an unlock (electron/main/staff/session.ts) and the
 * session reads the system clock, so the clock is moved back for this one
 * synchronous call only.
 */
export function signInWithoutRecentPin(app: PreviewApp, staffId: number): void {
  const RealDate = Date
  const past = RealDate.now() - 3 * 60_000
  class EarlierDate extends RealDate {
    constructor(value?: number | string) {
      super(value ?? past)
    }
    static override now(): number {
      return past
    }
  }
  globalThis.Date = EarlierDate as DateConstructor
  try {
    app.server.services.requireSecurity().session.signIn(staffId)
  } finally {
    globalThis.Date = RealDate
  }
}

export function managerId(app: PreviewApp): number {
  const id = app.server.services.requireSecurity().session.currentStaffId()
  if (id === null) throw new Error('nobody is signed in')
  return id
}
