import { expect, test, TEST_MANAGER } from './fixtures'
import { auditRows, codeHitsInDatabaseFiles, openVehicle, pageHolds, seedAccord } from './codes-helpers'

/*
 * The retrieval tracker on the vehicle page, through the real services: the
 * knowledge base's channels for a 2005 Accord (and the ones not offered), a
 * request from needed to verified with its checklist, follow-up date and
 * cost, and the code typed once on receipt becoming the radio's code record.
 */

const WEBSITE = 'honda-acura-code-radio/manufacturer-website/0'

test('get the code: channels with what they ask for; a request goes needed → requested → received (code typed once) → verified', async ({ app }) => {
  const { page } = app
  const { vehicleId, radioId } = await seedAccord(app)
  const CODE = '36512'
  await openVehicle(page, vehicleId)

  const retrieval = page.getByTestId('retrieval')
  await expect(retrieval).toContainText('The code is not on file.')
  await retrieval.getByRole('button', { name: 'Get the code' }).click()

  const picker = page.getByTestId('channel-picker')
  await expect(picker.getByRole('heading', { name: 'Get the code: choose a channel' })).toBeFocused()
  const website = picker.locator(`[data-channel="${WEBSITE}"]`)
  await expect(website).toContainText('Manufacturer website')
  await expect(website).toContainText('radio-navicode.honda.com')
  await expect(website).toContainText('What you need: VIN · Radio serial · Contact details')
  await expect(website.getByRole('link', { name: 'radio-navicode.honda.com' })).toHaveAttribute('href', 'https://radio-navicode.honda.com')
  // The navigation unit's dealer: say what to check first.
  await expect(picker.getByRole('region', { name: 'Honda/Acura navigation system' })).toContainText('Only if: The car has this audio system')
  // Insurers and code services: not offered, with why.
  const notOffered = picker.getByTestId('not-offered')
  await expect(notOffered).toContainText('Insurance company:')
  await expect(notOffered).toContainText('Third-party code service:')

  await website.getByRole('button', { name: 'Open a request through this channel' }).click()
  await expect(picker).toHaveCount(0)
  const card = retrieval.getByTestId('request-card')
  await expect(card).toHaveCount(1)
  await expect(card.getByTestId('request-status')).toHaveText('Needed')
  await expect(card).toContainText(`opened`)
  await expect(card).toContainText(`by ${TEST_MANAGER.name}`)
  await expect(card).toContainText('What you need (0 of 3 done)')
  await expect(card).toContainText('On file: U1234567.')

  // Tick an item, note another.
  await card.getByLabel('VIN', { exact: true }).check()
  await expect(card).toContainText('What you need (1 of 3 done)')
  await card.locator('.checklist__item', { hasText: 'Radio serial' }).getByRole('button', { name: 'Add a note' }).click()
  await expect(card.getByLabel('Note for “Radio serial”')).toBeFocused()
  await card.getByLabel('Note for “Radio serial”').fill('read from the label on the radio')
  await card.getByLabel('Note for “Radio serial”').press('Enter')
  await expect(card.getByLabel('Note for “Radio serial”')).toHaveValue('read from the label on the radio')
  await expect
    .poll(async () => {
      const stored = await app.server.services.requireDb().selectFrom('code_retrieval_requests').select('checklist_json').executeTakeFirstOrThrow()
      return stored.checklist_json.includes('read from the label on the radio')
    })
    .toBe(true)

  // Follow-up date and cost (dollars in, cents stored).
  await card.getByLabel('Follow up on').fill('2031-03-14')
  await card.getByLabel('Cost ($)').fill('2x')
  await card.getByRole('button', { name: 'Save changes' }).click()
  await expect(card.getByText('Type the cost in dollars, like 45 or 45.50.')).toBeVisible()
  await card.getByLabel('Cost ($)').fill('$24.5')
  await card.getByLabel('Notes').fill('Owner has no card; Honda site asked for a callback number.')
  await card.getByLabel('Notes').press('Control+Enter')
  await expect(card.getByTestId('request-message')).toHaveText('Saved.')
  await expect(card).toContainText('Follow up by')
  await expect(card).toContainText('Cost $24.50')
  await expect(card.getByLabel('Cost ($)')).toHaveValue('24.50')
  let row = await app.server.services.requireDb().selectFrom('code_retrieval_requests').selectAll().where('vehicle_id', '=', vehicleId).executeTakeFirstOrThrow()
  expect(row).toMatchObject({ status: 'needed', follow_up_on: '2031-03-14', cost_cents: 2450 })

  await card.getByRole('button', { name: 'Mark as requested' }).click()
  await expect(card.getByTestId('request-status')).toHaveText('Requested')

  // The code came: typed once, format-checked like any other.
  await card.getByRole('button', { name: 'Code received' }).click()
  const receive = card.getByTestId('receive-code-form')
  const box = receive.getByLabel('The code you received')
  await expect(box).toBeFocused()
  await box.fill('3651')
  await expect(receive.getByTestId('format-check')).toContainText('A Honda/Acura radio code has 5 digits; this has 4.')
  await box.fill(CODE)
  await expect(receive.getByTestId('format-check')).toHaveText('No format problems for this radio.')
  await expect(receive).toContainText('source “Manufacturer website”')
  await box.press('Enter')
  await expect(receive).toHaveCount(0)
  await expect(card.getByTestId('request-status')).toHaveText('Code received')
  await expect(card.getByTestId('request-message')).toContainText('Code saved on the radio')

  // It is the radio's code record now.
  const codePanel = page.getByTestId('radio-code')
  await expect(codePanel.getByTestId('code-status-line')).toContainText('Code on file, not yet tried in the radio')
  await expect(codePanel.getByTestId('code-history-entry').first()).toContainText('Manufacturer website — Code retrieval request: Manufacturer website')
  expect(await pageHolds(page, CODE)).toEqual([])

  await card.getByRole('button', { name: 'Verified: the code worked' }).click()
  await expect(card.getByTestId('request-status')).toHaveText('Verified in the radio')
  await expect(codePanel.getByTestId('code-status-line')).toContainText('verified: it worked in the radio')
  // Closed: no more status buttons, the checklist is read-only, notes and cost still editable.
  await expect(card.getByRole('button', { name: 'Code received' })).toHaveCount(0)
  await expect(card.getByLabel('VIN', { exact: true })).toBeDisabled()
  await expect(card.getByLabel('Cost ($)')).toBeEditable()
  await expect(retrieval.getByRole('button', { name: 'Get the code' })).toHaveCount(0)

  row = await app.server.services.requireDb().selectFrom('code_retrieval_requests').selectAll().where('vehicle_id', '=', vehicleId).executeTakeFirstOrThrow()
  expect(row.status).toBe('verified')
  const codes = await app.server.services.requireDb().selectFrom('radio_codes').selectAll().where('radio_id', '=', radioId).execute()
  expect(codes).toHaveLength(1)
  expect(codes[0]!.verified_at).not.toBeNull()
  expect((await auditRows(app, 'retrieval.receive')).length).toBe(1)

  for (const code of [CODE, '3651']) expect(codeHitsInDatabaseFiles(app, code)).toEqual([])
})

test('a request can be cancelled after a confirmation; a closed request stays below as history', async ({ app }) => {
  const { page } = app
  const { vehicleId } = await seedAccord(app)
  await openVehicle(page, vehicleId)
  const retrieval = page.getByTestId('retrieval')
  await retrieval.getByRole('button', { name: 'Get the code' }).click()
  await page.locator('[data-channel="honda-acura-code-radio/dealer/0"]').getByRole('button', { name: 'Open a request through this channel' }).click()
  const card = retrieval.getByTestId('request-card')
  await expect(card.getByTestId('request-status')).toHaveText('Needed')
  await card.getByRole('button', { name: 'Cancel the request' }).click()
  await expect(card).toContainText('A closed request cannot be reopened')
  await card.getByRole('button', { name: 'Keep it open' }).click()
  await expect(card.getByTestId('request-status')).toHaveText('Needed')
  await card.getByRole('button', { name: 'Cancel the request' }).click()
  await card.getByRole('button', { name: 'Yes, cancel it' }).click()
  await expect(retrieval.getByText('Closed requests (1)')).toBeVisible()
  await expect(retrieval.getByTestId('request-status')).toHaveText('Cancelled')
  // Still unknown: offered again.
  await expect(retrieval.getByRole('button', { name: 'Get the code' })).toBeVisible()
})
