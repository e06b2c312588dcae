import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { newCustomerSchema } from '../../shared/domain/customer'
import { newVehicleSchema } from '../../shared/domain/vehicle'
import { newRadioSchema } from '../../shared/domain/radio'
import { GATE_REQUIRED_MESSAGE } from '../../shared/domain/battery-job'
import { createCustomer } from '../../electron/main/services/customers'
import { createVehicle } from '../../electron/main/services/vehicles'
import { addRadio } from '../../electron/main/services/radios'
import {
  checkInBatteryJob,
  decideGate,
  markBatteryDisconnected,
  markJobDone,
  recordChecklist,
  startCodeCheck,
  startService,
} from '../../electron/main/services/battery-jobs'
import type { PreviewServer } from '../../electron/web-preview/server'
import { expect, test } from './fixtures'

/*
 * The battery-service job end to end through the real services: check-in with
 * the code situation, the pre-disconnect gate, the checklist, done (printing
 * pending), the card handed over or declined, and the Today board.
 */

const SHOTS_DIR = '/tmp/shots-jobs'

async function openHash(page: Page, hash: string) {
  await page.evaluate((target) => {
    window.location.hash = target
  }, hash)
}

async function seedCar(
  server: PreviewServer,
  customer: { name: string; phone: string },
  car: { year: number; make: string; model: string; plate: string },
  radio = true,
) {
  const owner = await createCustomer(server.services, newCustomerSchema.parse({ name: customer.name, phones: [{ number: customer.phone }] }))
  const vehicle = await createVehicle(server.services, newVehicleSchema.parse({ ownerId: owner.id, ...car, plateState: 'TX' }))
  const detail = radio ? await addRadio(server.services, newRadioSchema.parse({ vehicleId: vehicle.id, headUnit: 'Factory radio' })) : null
  const radioId = detail?.radios.find((r) => r.removedAt === null)?.id ?? null
  return { ownerId: owner.id, vehicleId: vehicle.id, radioId }
}

/** A code from the owner's card, entered through the real code service (as the manager). */
async function addOwnerCardCode(server: PreviewServer, radioId: number, code = '12345') {
  const security = server.services.requireSecurity()
  const managerId = security.requireActor()
  await security.codes.addCode(managerId, { radioId, code, source: 'owner-card', sourceDetail: 'card in the glove box' })
  // The IPC handler announces new codes; called directly, the test does it.
  server.services.events.emit('data.changed', { entity: 'radio', id: radioId })
}

test.describe('battery jobs', () => {
  test('a Honda with no code: ask for the card, retrieval opened at check-in, the gate refuses the disconnect, memory saver, checklist, done with nothing printed yet, hand-over refused until a code is on file', async ({ app }) => {
    const { page, server } = app
    const { ownerId, vehicleId, radioId } = await seedCar(
      server,
      { name: 'Ana López', phone: '(555) 010-2030' },
      { year: 2005, make: 'Honda', model: 'Accord', plate: '7ABC123' },
    )

    // One keystroke on the vehicle page starts the check-in.
    await openHash(page, `#/vehicles/${vehicleId}`)
    await expect(page.getByRole('heading', { level: 2, name: '2005 Honda Accord' })).toBeVisible()
    await expect(page.getByTestId('vehicle-jobs-empty')).toContainText('No battery jobs yet')
    await page.keyboard.press('b')
    await expect(page.getByRole('heading', { level: 1, name: 'New battery job' })).toBeVisible()
    await expect(page.getByTestId('check-in-customer')).toHaveText('Ana López')

    // The code situation, plainly, and the prompt to ask for the code card now.
    const situation = page.getByTestId('code-situation')
    await expect(situation).toContainText('Code needed, none on file')
    await expect(page.getByTestId('ask-for-code-card')).toContainText('look in the owner’s manual wallet and the glove box')
    // A retrieval request in the same step: offered, ticked by default when a code is expected.
    const openRequest = page.getByRole('checkbox', { name: /open a code retrieval request now/ })
    await expect(openRequest).toBeChecked()
    await expect(page.getByRole('radiogroup', { name: 'Where to request the code' }).getByRole('radio').first()).toBeChecked()

    const ro = page.getByLabel(/^RO number/)
    await expect(ro).toBeFocused()
    await ro.fill('a-1001')
    await page.keyboard.press('Control+Enter')

    // The job page.
    await expect(page.getByRole('heading', { level: 2, name: /^Battery job \d+: 2005 Honda Accord$/ })).toBeVisible()
    await expect(page.getByTestId('job-flash')).toContainText(/Checked in: battery job \d+\. Retrieval request \d+ is open for the code\./)
    await expect(page.getByText('RO A-1001')).toBeVisible()
    await expect(page.getByTestId('job-retrieval')).toContainText('needed')
    const jobId = Number(await page.locator('[data-job-id]').getAttribute('data-job-id'))

    // S: start the code check, S again: start the service (the gate comes before the disconnect, not the service).
    await page.keyboard.press('s')
    await expect(page.getByTestId('job-status')).toHaveText('Code check')
    await page.keyboard.press('s')
    await expect(page.getByTestId('job-status')).toHaveText('In service')

    // Battery disconnected without a gate decision: refused, and the button says why.
    const disconnect = page.getByTestId('disconnect')
    await expect(disconnect).toHaveAttribute('aria-disabled', 'true')
    await expect(page.locator('#disconnect-why')).toHaveText(GATE_REQUIRED_MESSAGE)
    // aria-disabled: still clickable, so a click explains (Playwright needs force for that).
    await disconnect.click({ force: true })
    await expect(page.getByTestId('job-message')).toHaveText(GATE_REQUIRED_MESSAGE)

    // The gate: four explicit options; "code on file" is shown but disabled, with the reason.
    const gate = page.getByTestId('gate')
    const codeOnFile = gate.getByRole('radio', { name: /1\. Code on file/ })
    await expect(codeOnFile).toBeDisabled()
    await expect(gate).toContainText('No code is on file for this car’s radio.')
    await expect(gate.getByRole('radio', { name: /2\. No code needed/ })).toBeEnabled()
    await expect(gate.getByRole('radio', { name: /4\. Customer accepted the risk/ })).toBeEnabled()
    await gate.getByRole('radio', { name: /3\. Memory saver connected/ }).check()
    await gate.getByRole('radio', { name: 'OBD-II diagnostic connector' }).check()
    await gate.getByRole('button', { name: 'Record the decision' }).click()
    await expect(gate.getByRole('alert')).toContainText('indicator shows power')
    await gate.getByRole('checkbox', { name: 'The memory saver’s indicator shows power' }).check()
    await gate.getByRole('button', { name: 'Record the decision' }).click()
    await expect(page.getByTestId('gate-decided')).toContainText('Memory saver connected (OBD-II diagnostic connector)')

    await disconnect.click()
    await expect(page.getByTestId('job-message')).toHaveText('Recorded: the battery is disconnected.')

    // Done before the checklist: refused with what is missing.
    await expect(page.getByTestId('mark-done')).toHaveAttribute('aria-disabled', 'true')
    await expect(page.locator('#mark-done-why')).toHaveText('Record the battery test result first.')

    // The technician's checklist (the memory saver part came from the gate).
    const checklist = page.getByTestId('checklist')
    await checklist.getByRole('radio', { name: 'Replace battery' }).check()
    await checklist.getByLabel(/Tester’s code/).fill('T-88 21')
    await expect(checklist.getByRole('radiogroup', { name: 'Memory saver used?' }).getByRole('radio', { name: 'Yes' })).toBeChecked()
    await checklist.getByRole('radiogroup', { name: 'New battery installed?' }).getByRole('radio', { name: 'Yes' }).check()
    await checklist.getByLabel(/^Size/).fill('51R')
    await checklist.getByRole('radio', { name: 'This car does not need battery registration/coding' }).check()
    await checklist.getByRole('radiogroup', { name: 'Did the radio ask for a code?' }).getByRole('radio', { name: 'No' }).check()
    await checklist.getByRole('radiogroup', { name: 'Clock and presets reset?' }).getByRole('radio', { name: 'No' }).check()
    await checklist.getByRole('button', { name: 'Save checklist' }).click()
    await expect(checklist).toContainText('Checklist saved.')

    // Done: the print prompt at once; printing is honestly pending; the code is unknown, so the guide.
    await page.getByTestId('mark-done').click()
    const completion = page.getByTestId('completion')
    await expect(completion.getByRole('heading')).toBeFocused()
    await expect(completion).toContainText('The “how to get your radio code” guide')
    await expect(completion).toContainText('The pickup reminder')
    await expect(page.getByTestId('printing-pending')).toHaveText('Not printed yet: print the documents below (or save them as PDF).')
    await expect(page.getByTestId('job-status')).toHaveText('Done – card waiting')

    // Hand over: refused while the code is unknown, and the page says why.
    await page.getByTestId('hand-over').click({ force: true })
    await expect(page.getByTestId('job-message')).toContainText('There is no working code on file for this radio yet')

    // The customer's record reminds the desk.
    await openHash(page, `#/customers/${ownerId}`)
    const banner = page.getByTestId('card-waiting-banner')
    await expect(banner).toContainText('A radio code card is waiting for this customer')
    await expect(banner).toContainText('2005 Honda Accord (RO A-1001)')

    // The code arrives (from the owner's card): now the card can be handed over.
    await openHash(page, `#/jobs/${jobId}`)
    await expect(page.getByTestId('completion')).toBeVisible()
    await addOwnerCardCode(server, radioId as number)
    await expect(page.getByTestId('completion')).toContainText('The customer’s radio code card')
    await expect(page.getByTestId('hand-over')).toHaveAttribute('aria-disabled', 'false')
    await page.getByTestId('hand-over').click()
    await expect(page.getByTestId('job-closed')).toContainText('The customer has their code card: handed over')
    await expect(page.getByTestId('job-closed')).toContainText('by Test Manager')
    await expect(page.getByTestId('job-status')).toHaveText('Card handed over')

    // The banner is gone; the board shows it only under "closed today".
    await openHash(page, `#/customers/${ownerId}`)
    await expect(page.getByRole('heading', { level: 2, name: 'Ana López' })).toBeVisible()
    await expect(page.getByTestId('card-waiting-banner')).toHaveCount(0)
    await page.keyboard.press('Alt+1')
    await expect(page.getByTestId('column-closed').getByTestId('board-card')).toHaveCount(1)
    await expect(page.getByTestId('column-done').getByTestId('board-card')).toHaveCount(0)
    await expect(page.getByTestId('attention-clear')).toBeVisible()
  })

  test('a job whose code is on file goes straight through; a declined card closes a job too', async ({ app }) => {
    const { page, server } = app
    const { vehicleId, radioId } = await seedCar(
      server,
      { name: 'Ben Ortiz', phone: '(555) 010-4455' },
      { year: 2005, make: 'Honda', model: 'Accord', plate: '5XYZ789' },
    )
    await addOwnerCardCode(server, radioId as number)

    await openHash(page, `#/jobs/new?vehicle=${vehicleId}`)
    await expect(page.getByTestId('code-situation')).toContainText('Code on file (not yet confirmed)')
    await expect(page.getByTestId('ask-for-code-card')).toHaveCount(0)
    await expect(page.getByRole('checkbox', { name: /retrieval request/ })).toHaveCount(0)
    await page.getByRole('button', { name: /^Check in/ }).click()
    await expect(page.getByTestId('job-flash')).toHaveText(/^Checked in: battery job \d+\.$/)

    // The gate straight away (it moves the job to code check).
    const gate = page.getByTestId('gate')
    await gate.getByRole('radio', { name: /1\. Code on file/ }).check()
    await gate.getByRole('button', { name: 'Record the decision' }).click()
    await expect(page.getByTestId('gate-decided')).toContainText('Code on file (from the owner’s card)')
    await expect(page.getByTestId('job-status')).toHaveText('Code check')
    await page.getByTestId('start-service').click()
    await expect(page.getByTestId('job-status')).toHaveText('In service')
    await page.getByTestId('disconnect').click()
    await expect(page.getByTestId('job-message')).toHaveText('Recorded: the battery is disconnected.')

    const checklist = page.getByTestId('checklist')
    await checklist.getByRole('radio', { name: 'Good battery' }).check()
    await checklist.getByRole('radiogroup', { name: 'Memory saver used?' }).getByRole('radio', { name: 'No' }).check()
    await checklist.getByRole('radiogroup', { name: 'New battery installed?' }).getByRole('radio', { name: 'No' }).check()
    await checklist.getByRole('radiogroup', { name: 'Did the radio ask for a code?' }).getByRole('radio', { name: 'Yes' }).check()
    await checklist.getByRole('radio', { name: 'Code entered and accepted' }).check()
    await checklist.getByRole('radiogroup', { name: 'Clock and presets reset?' }).getByRole('radio', { name: 'Yes' }).check()
    await checklist.getByRole('button', { name: 'Save checklist' }).click()
    await expect(checklist).toContainText('Checklist saved.')
    await expect(page.getByRole('button', { name: 'Mark the code verified' })).toBeVisible()

    await page.getByTestId('mark-done').click()
    const completion = page.getByTestId('completion')
    await expect(completion.getByRole('heading')).toHaveText('Print the customer’s code card')
    await expect(completion).toContainText('The customer’s radio code card')
    await expect(page.getByTestId('printing-pending')).toBeVisible()
    await page.getByTestId('hand-over').click()
    await expect(page.getByTestId('job-closed')).toContainText('handed over')

    // A second car: checked in, cancelled is refused after a disconnect, so: done and declined.
    const second = await seedCar(server, { name: 'Cleo Park', phone: '(555) 010-7788' }, { year: 2012, make: 'Toyota', model: 'Camry', plate: '3JKL456' })
    const { detail } = await checkInBatteryJob(server.services, { vehicleId: second.vehicleId })
    const jobId = detail.job.id
    await decideGate(server.services, { jobId, option: 'risk-accepted', acceptedBy: 'Cleo Park', how: 'by-phone' })
    await startService(server.services, { jobId })
    await markBatteryDisconnected(server.services, { jobId })
    await recordChecklist(server.services, {
      jobId,
      batteryTest: { result: 'good' },
      reconnect: { radioAskedForCode: false, clockPresetsReset: true },
    })
    await markJobDone(server.services, { jobId })
    await openHash(page, `#/jobs/${jobId}`)
    await expect(page.getByTestId('completion')).toBeVisible()
    await expect(page.getByText('Cleo Park accepted the risk (by phone)')).toBeVisible()
    await page.getByTestId('decline').click()
    await expect(page.getByTestId('job-closed')).toContainText('The customer declined the card: recorded')
  })

  test('the Today board mid-day: jobs in their columns, the attention list, end of day, Alt+B from search, cancel with confirm', async ({ app }) => {
    const { page, server } = app
    const s = server.services
    const accord = await seedCar(server, { name: 'Ana López', phone: '(555) 010-2030' }, { year: 2005, make: 'Honda', model: 'Accord', plate: '7ABC123' })
    const camry = await seedCar(server, { name: 'Ben Ortiz', phone: '(555) 010-4455' }, { year: 2012, make: 'Toyota', model: 'Camry', plate: '5XYZ789' })
    const f150 = await seedCar(server, { name: 'Cleo Park', phone: '(555) 010-7788' }, { year: 2015, make: 'Ford', model: 'F-150', plate: '9QRS321' })
    const civic = await seedCar(server, { name: 'Dev Shah', phone: '(555) 010-9900' }, { year: 2008, make: 'Honda', model: 'Civic', plate: '2TUV654' })
    const jetta = await seedCar(server, { name: 'Eva Novak', phone: '(555) 010-1212' }, { year: 2010, make: 'Volkswagen', model: 'Jetta', plate: '4WXY987' })

    // Checked in, code unknown.
    await checkInBatteryJob(s, { vehicleId: accord.vehicleId, roNumber: 'A-2001' })
    // Code check.
    const camryJob = (await checkInBatteryJob(s, { vehicleId: camry.vehicleId, roNumber: 'A-2002' })).detail.job.id
    await startCodeCheck(s, { jobId: camryJob })
    // In service, memory saver on.
    const fordJob = (await checkInBatteryJob(s, { vehicleId: f150.vehicleId, roNumber: 'A-2003' })).detail.job.id
    await decideGate(s, { jobId: fordJob, option: 'memory-saver', connection: 'obd-ii-port', indicatorChecked: true })
    await startService(s, { jobId: fordJob })
    // Done, card waiting (code from the owner's card).
    await addOwnerCardCode(server, jetta.radioId as number, '1234')
    const jettaJob = (await checkInBatteryJob(s, { vehicleId: jetta.vehicleId, roNumber: 'A-2004' })).detail.job.id
    await decideGate(s, { jobId: jettaJob, option: 'code-on-file' })
    await startService(s, { jobId: jettaJob })
    await recordChecklist(s, { jobId: jettaJob, batteryTest: { result: 'good-recharge' } })
    await markJobDone(s, { jobId: jettaJob })

    await page.keyboard.press('Alt+1')
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible()
    const column = (key: string) => page.getByTestId(`column-${key}`)
    await expect(column('checked-in').getByTestId('board-card')).toHaveCount(1)
    await expect(column('checked-in')).toContainText('2005 Honda Accord')
    await expect(column('code-check')).toContainText('2012 Toyota Camry')
    await expect(column('in-service')).toContainText('2015 Ford F-150')
    await expect(column('in-service')).toContainText('Memory saver connected (OBD-II diagnostic connector)')
    await expect(column('done')).toContainText('2010 Volkswagen Jetta')
    await expect(column('done')).toContainText('Card waiting')
    const attention = page.getByTestId('attention')
    await expect(attention).toContainText('2005 Honda Accord (RO A-2001, Ana López): the radio code is unknown. No retrieval request is open yet.')
    await expect(attention).toContainText('2010 Volkswagen Jetta (RO A-2004, Eva Novak): finished; the code card has not been handed over.')

    // It refreshes by itself: a car checked in elsewhere appears.
    await app.eventStreamOpen()
    await checkInBatteryJob(s, { vehicleId: civic.vehicleId, roNumber: 'A-2005' })
    await expect(column('checked-in').getByTestId('board-card')).toHaveCount(2)

    fs.mkdirSync(SHOTS_DIR, { recursive: true })
    await page.screenshot({ path: path.join(SHOTS_DIR, 'today-board.png') })
    await page.setViewportSize({ width: 1600, height: 900 })
    await page.screenshot({ path: path.join(SHOTS_DIR, 'today-board-1600.png') })
    await page.setViewportSize({ width: 1280, height: 800 })

    // End of day: finished jobs whose card was not handed over.
    await page.keyboard.press('d')
    const endOfDay = page.getByTestId('end-of-day')
    await expect(endOfDay).toContainText('2010 Volkswagen Jetta')
    await expect(endOfDay).toContainText('Card waiting to be handed over · printing pending')
    await page.screenshot({ path: path.join(SHOTS_DIR, 'end-of-day.png') })
    await page.keyboard.press('d')
    await expect(page.getByTestId('attention')).toBeVisible()

    // Search, highlight the car, Alt+B: the check-in for it.
    await page.keyboard.press('Control+k')
    await page.getByRole('searchbox').fill('4WXY987')
    const results = page.getByRole('listbox', { name: 'Search results' })
    await expect(results.getByRole('option').first()).toContainText('2010 Volkswagen Jetta')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Alt+b')
    await expect(page.getByRole('heading', { level: 1, name: 'New battery job' })).toBeVisible()
    await expect(page.getByTestId('check-in-vehicle')).toHaveText('2010 Volkswagen Jetta')
    // That car's job is still open: the check-in says so.
    await expect(page.getByText('This car already has an open battery job')).toBeVisible()

    // Cancel the Accord's job, with a confirmation.
    await openHash(page, '#/jobs')
    await page.getByRole('link', { name: /2005 Honda Accord/ }).click()
    await page.getByTestId('cancel').click()
    await page.getByRole('button', { name: 'Yes, cancel the job' }).click()
    await expect(page.getByTestId('job-status')).toHaveText('Cancelled')
    await page.keyboard.press('Alt+1')
    await expect(column('checked-in').getByTestId('board-card')).toHaveCount(1)
    await expect(column('checked-in')).toContainText('2008 Honda Civic')

    // A customer's page: the card waiting reminder; B starts a job for their one car.
    await openHash(page, `#/customers/${jetta.ownerId}`)
    await expect(page.getByTestId('card-waiting-banner')).toContainText('2010 Volkswagen Jetta (RO A-2004)')
    await page.screenshot({ path: path.join(SHOTS_DIR, 'customer-card-waiting.png') })
  })
})
