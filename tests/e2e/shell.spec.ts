import { expect, focused, test } from './fixtures'

/** The navigation, in order (Alt+1 … Alt+6). */
const SECTIONS = [
  { id: 'today', label: 'Today' },
  { id: 'search', label: 'Search' },
  { id: 'customers', label: 'Customers' },
  { id: 'vehicles', label: 'Vehicles' },
  { id: 'jobs', label: 'Jobs' },
  { id: 'settings', label: 'Settings' },
] as const

test.describe('app shell', () => {
  test('shows the product name, the six sections and the data folder with the schema version', async ({ app }) => {
    const { page, server, dataDir } = app
    await expect(page.getByRole('banner')).toContainText('Radio Code Desk')
    const nav = page.getByRole('navigation', { name: 'Sections' })
    await expect(nav.getByRole('link')).toHaveText(SECTIONS.map((section) => new RegExp(`^${section.label}`)))
    await expect(nav.getByRole('link', { name: /^Today/ })).toHaveAttribute('aria-current', 'page')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Today')

    const status = server.services.status
    if (status.state !== 'ready') throw new Error('expected a ready app')
    await expect(page.getByTestId('status-data-dir')).toHaveText(dataDir)
    await expect(page.getByTestId('status-schema-version')).toHaveText(status.schemaVersion)
    expect(status.schemaVersion).not.toBe('')
  })

  test('keyboard only: skip link, then Tab to a section and Enter opens it', async ({ app }) => {
    const { page } = app
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatchObject({ tag: 'a', text: 'Skip to main content' })
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeInViewport()
    await page.keyboard.press('Enter')
    expect(await focused(page)).toMatchObject({ tag: 'h1', text: 'Today' })

    // From the top again: Tab reaches the navigation, Enter follows a link.
    await page.keyboard.press('Shift+Tab')
    for (let i = 0; i < 12 && !(await focused(page)).text.startsWith('Customers'); i += 1) await page.keyboard.press('Tab')
    expect((await focused(page)).text).toMatch(/^Customers/)
    await expect(page.locator(':focus')).toHaveCSS('outline-style', 'solid')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Customers')
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused()
    expect(new URL(page.url()).hash).toBe('#/customers')
  })

  test('Alt+1 to Alt+6 open each section and put focus on its heading', async ({ app }) => {
    const { page } = app
    const nav = page.getByRole('navigation', { name: 'Sections' })
    // Walk them out of order so each press is a real change of section.
    for (const index of [3, 6, 2, 5, 1, 4]) {
      const section = SECTIONS[index - 1]!
      await page.keyboard.press(`Alt+${index}`)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(section.label)
      await expect(nav.getByRole('link', { name: new RegExp(`^${section.label}`) })).toHaveAttribute('aria-current', 'page')
      if (section.id === 'search') await expect(page.getByRole('searchbox')).toBeFocused()
      else await expect(page.getByRole('heading', { level: 1 })).toBeFocused()
    }
  })

  test('Ctrl+K and / go to the search box; / still types inside a box', async ({ app }) => {
    const { page } = app
    await page.keyboard.press('Control+k')
    const search = page.getByRole('searchbox')
    await expect(search).toBeFocused()
    await page.keyboard.type('ab/12?')
    await expect(search).toHaveValue('ab/12?')
    await expect(page.getByRole('dialog')).toBeHidden()

    await page.keyboard.press('Alt+1')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Today')
    await page.keyboard.press('/')
    await expect(search).toBeFocused()
    // What was typed is still there after leaving the screen.
    await expect(search).toHaveValue('ab/12?')
    await expect(page.getByTestId('search-no-results')).toContainText('Nothing on file matches “ab/12?”')
  })

  test('? and F1 open the keyboard shortcuts; Esc closes them and focus returns', async ({ app }) => {
    const { page } = app
    await page.keyboard.press('Alt+3')
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused()
    await page.keyboard.press('?')
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await expect(dialog).toBeVisible()
    await expect(dialog).toContainText('Alt')
    await expect(dialog).toContainText('New customer')
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused()

    await page.keyboard.press('F1')
    await expect(dialog).toBeVisible()
    await page.keyboard.press('Enter') // focus starts on Close
    await expect(dialog).toBeHidden()

    // F1 right after the dialog closes, before its close event (which comes a task later) has run: it opens again.
    await page.keyboard.press('F1')
    await expect(dialog).toBeVisible()
    await page.evaluate(() => {
      document.querySelector<HTMLDialogElement>('dialog[open]')?.close()
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'F1', code: 'F1', bubbles: true, cancelable: true }))
    })
    await expect(dialog).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()

    await page.getByRole('button', { name: /Keyboard shortcuts/ }).click()
    await expect(dialog).toBeVisible()
  })

  test('Alt+N opens the new-customer form with the cursor in Name', async ({ app }) => {
    const { page } = app
    await page.keyboard.press('Alt+n')
    await expect(page.getByRole('heading', { name: 'New customer' })).toBeVisible()
    await expect(page.getByLabel('Name', { exact: true })).toBeFocused()
  })

  test('keys typed right after a shortcut land in the new screen, not nowhere', async ({ app }) => {
    const { page } = app
    await page.keyboard.press('Alt+n')
    await page.keyboard.type('Dana Riv')
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Dana Riv')
    await page.keyboard.press('Control+k')
    await page.keyboard.type('4T1BF1FK')
    await expect(page.getByRole('searchbox')).toHaveValue('4T1BF1FK')
  })

  test('no screen uses inline styles (the CSP forbids them)', async ({ app }) => {
    const { page } = app
    for (const index of [1, 2, 3, 4, 5, 6]) {
      await page.keyboard.press(`Alt+${index}`)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(SECTIONS[index - 1]!.label)
      await expect(page.locator('[style]')).toHaveCount(0)
    }
    await page.keyboard.press('Alt+n')
    await expect(page.getByLabel('Name', { exact: true })).toBeFocused()
    await expect(page.locator('[style]')).toHaveCount(0)
  })
})
