// The dialogs whose code loads the first time they open (Cite, Bibliography…,
// Format manuscript…, the citation picker), shown here with Format manuscript…:
// what the researcher sees while the code arrives, and when it cannot arrive
// (a tab left open while the web edition was updated, its old files gone).
import type { Page } from '@playwright/test'
import { test, expect } from './support/fixtures'

const DIALOG_CODE = /\/assets\/FormatManuscriptDialog-[\w-]+\.js$/

async function openFormatManuscript(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Manuscript' }).click()
  await page.getByRole('menuitem', { name: 'Format manuscript…' }).click()
}

test('a dialog says "Loading…" until its code has arrived, then works', async ({ page, app }) => {
  let release = (): void => undefined
  const held = new Promise<void>(resolve => (release = resolve))
  await page.route(DIALOG_CODE, async route => {
    await held
    await route.continue()
  })
  await page.goto(app.url)
  await openFormatManuscript(page)
  const dialog = page.getByRole('dialog', { name: 'Format manuscript' })
  await expect(dialog).toContainText('Loading…')
  release()
  await expect(dialog.getByLabel('Manuscript document')).toBeVisible()
  await expect(dialog).not.toContainText('Loading…')
})

test('a dialog whose code cannot be loaded says so in a sentence, and the window goes on working', async ({ page, app }) => {
  await page.route(DIALOG_CODE, route => route.abort())
  await page.goto(app.url)
  await openFormatManuscript(page)
  const dialog = page.getByRole('dialog', { name: 'Format manuscript' })
  await expect(dialog.getByRole('alert')).toHaveText(/^Format manuscript could not be loaded \(.+\)\. Reload the window to try again\.$/)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('grid', { name: 'Items' })).toBeVisible()
})
