import fs from 'node:fs'
import path from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, test, TEST_MANAGER } from './fixtures'
import { managerId, openVehicle, seedAccord, seedCode, signInWithoutRecentPin } from './codes-helpers'

/*
 * Screenshots of the radio code and retrieval panels for a person to look
 * at; not assertions. Only with RCD_SHOTS_DIR set:
 *   RCD_SHOTS_DIR=/tmp/shots-codes npx playwright test codes-screenshots
 */
const SHOTS_DIR = process.env['RCD_SHOTS_DIR'] ?? ''

test.skip(!SHOTS_DIR, 'set RCD_SHOTS_DIR to take screenshots')

function shot(name: string): string {
  fs.mkdirSync(SHOTS_DIR, { recursive: true })
  return path.join(SHOTS_DIR, `codes-${name}.png`)
}

/** The main area scrolls inside the window: grow the window to fit it, then shoot the element. */
async function elementShot(page: Page, locator: Locator, name: string) {
  const extra = await page.evaluate(() => {
    const main = document.querySelector('main')
    return main ? main.scrollHeight - main.clientHeight : 0
  })
  if (extra > 0) await page.setViewportSize({ width: 1280, height: 800 + extra })
  await locator.screenshot({ path: shot(name) })
  if (extra > 0) await page.setViewportSize({ width: 1280, height: 800 })
}

function radioSection(page: Page): Locator {
  return page.getByRole('region', { name: 'Radio', exact: true })
}

test('radio code panels', async ({ app }) => {
  test.setTimeout(90_000)
  const { page } = app
  const { vehicleId, radioId } = await seedAccord(app)
  await openVehicle(page, vehicleId)
  // Unknown code: the status and the retrieval prompt.
  await expect(page.getByTestId('retrieval')).toBeVisible()
  await elementShot(page, radioSection(page), '1-no-code')

  // The enter-code form with a format warning and the override.
  await page.getByTestId('radio-code').getByRole('button', { name: /Enter code/ }).click()
  const form = page.getByTestId('enter-code-form')
  await form.getByLabel('Radio code').fill('4152')
  await expect(form.getByTestId('format-check')).toContainText('5 digits')
  await form.getByLabel('Where did it come from?').selectOption('owner-card')
  await form.getByLabel('The code is right anyway').check()
  await form.getByLabel('Why is it right?').fill('Navigation unit; card read back twice')
  await elementShot(page, form, '2-enter-code-format-warning')
  await form.getByRole('button', { name: 'Save the code' }).click()
  await expect(form).toHaveCount(0)

  // A corrected code, verified: the history with a replaced entry.
  await seedCode(app, radioId, '53164', 'dealer')
  const security = app.server.services.requireSecurity()
  const current = (await security.codes.listHistory(radioId)).find((entry) => entry.current)!
  await security.codes.markVerified(managerId(app), current.id)
  await page.reload()
  await page.locator('[data-app-state="ready"]').waitFor()
  await openVehicle(page, vehicleId)
  await expect(page.getByTestId('code-history-entry')).toHaveCount(2)
  await elementShot(page, radioSection(page), '3-history')

  // The PIN dialog, then the revealed code.
  signInWithoutRecentPin(app, managerId(app))
  await page.getByTestId('radio-code').getByRole('button', { name: /Show code/ }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Your PIN').fill('1111')
  await dialog.getByLabel('Your PIN').press('Enter')
  await expect(dialog.getByRole('alert')).toBeVisible()
  await page.screenshot({ path: shot('4-pin-dialog') })
  await dialog.getByLabel('Your PIN').fill(TEST_MANAGER.pin)
  await dialog.getByLabel('Your PIN').press('Enter')
  await expect(page.getByTestId('revealed-code')).toHaveText('53164')
  await elementShot(page, page.getByTestId('radio-code'), '5-revealed')
  await page.getByRole('button', { name: 'Hide now' }).click()

  // Release form.
  await page.getByTestId('radio-code').getByRole('button', { name: /Give code to customer/ }).click()
  const release = page.getByTestId('release-form')
  await release.getByLabel('Registration').check()
  await elementShot(page, release, '6-release-form')
  await release.getByRole('button', { name: 'Cancel' }).click()
})

test('retrieval panels', async ({ app }) => {
  test.setTimeout(90_000)
  const { page } = app
  const { vehicleId } = await seedAccord(app)
  await openVehicle(page, vehicleId)
  await page.getByTestId('retrieval').getByRole('button', { name: 'Get the code' }).click()
  const picker = page.getByTestId('channel-picker')
  await expect(picker.getByTestId('channel-card').first()).toBeVisible()
  await elementShot(page, picker, '7-channel-picker')

  await picker.locator('[data-channel="honda-acura-code-radio/dealer/0"]').getByRole('button', { name: 'Open a request through this channel' }).click()
  await picker.waitFor({ state: 'detached' })
  await page.getByTestId('retrieval').getByRole('button', { name: 'Try another channel' }).click()
  await page.locator('[data-channel="honda-acura-code-radio/manufacturer-website/0"]').getByRole('button', { name: 'Open a request through this channel' }).click()
  await page.getByTestId('channel-picker').waitFor({ state: 'detached' })
  const card = page.locator('[data-testid="request-card"]').first()
  await card.getByLabel('VIN', { exact: true }).check()
  await card.getByLabel('Follow up on').fill('2026-11-20')
  await card.getByLabel('Cost ($)').fill('0')
  await card.getByLabel('Notes').fill('Owner will bring the registration on Friday.')
  await card.getByRole('button', { name: 'Save changes' }).click()
  await card.getByRole('button', { name: 'Mark as requested' }).click()
  await expect(card.getByTestId('request-status')).toHaveText('Requested')
  await card.getByRole('button', { name: 'Code received' }).click()
  await card.getByLabel('The code you received').fill('3651')
  await expect(card.getByTestId('format-check')).toContainText('5 digits')
  await elementShot(page, page.getByTestId('retrieval'), '8-retrieval-requests')
})
