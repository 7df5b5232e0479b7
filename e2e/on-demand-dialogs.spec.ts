// The dialogs whose code loads the first time they open (Cite, Bibliography…,
// Format manuscript…, the citation picker), shown here with Format manuscript…:
// what the researcher sees while the code arrives, and when it cannot arrive
// (a tab left open while the web edition was updated, its old files gone);
// and the citation picker, which keeps what is typed while its code arrives.
import type { Page } from '@playwright/test'
import { test, expect } from './support/fixtures'

const DIALOG_CODE = /\/assets\/FormatManuscriptDialog-[\w-]+\.js$/

async function openFormatManuscript(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Manuscript' }).click()
  await page.getByRole('menuitem', { name: 'Format manuscript…' }).click()
}

/** Holds back the code `pattern` names until the returned release is called. */
async function holdCode(page: Page, pattern: RegExp): Promise<() => void> {
  let release = (): void => undefined
  const held = new Promise<void>(resolve => (release = resolve))
  await page.route(pattern, async route => {
    await held
    await route.continue()
  })
  return release
}

test('a dialog says "Loading…" until its code has arrived, then works', async ({ page, app }) => {
  const release = await holdCode(page, DIALOG_CODE)
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

// Recorded real Crossref response (e2e/fixtures/crossref/works/, see SOURCES.md)
const DOI = '10.1016/j.neurobiolaging.2010.03.024'
const PICKER_CODE = /\/assets\/PickerDialog-[\w-]+\.js$/

async function openWithOnePaper(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.getByLabel('Add by identifier').fill(DOI)
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(page.getByRole('grid', { name: 'Items' }).getByRole('row').filter({ hasText: 'Human umbilical cord blood' })).toHaveCount(1)
}

test('what is typed into the citation picker while its code arrives is kept: the picker opens with that search and its papers', async ({ page, app }) => {
  const release = await holdCode(page, PICKER_CODE)
  await openWithOnePaper(page, app.url)
  const picker = page.getByRole('dialog', { name: 'Citation picker' })
  const search = picker.getByRole('searchbox', { name: 'Find papers to cite' })

  // Escape still closes while the code is on its way, and what was typed goes with it
  await page.keyboard.press('ControlOrMeta+Shift+C')
  await page.keyboard.type('alzheimer')
  await expect(picker).toContainText('Loading…')
  await page.keyboard.press('Escape')
  await expect(picker).toBeHidden()

  // the researcher presses the shortcut and types at once, and moves the caret back to finish a word
  await page.keyboard.press('ControlOrMeta+Shift+C')
  await page.keyboard.type('lee umbilical')
  await page.keyboard.press('ArrowLeft')
  await expect(picker).toContainText('Loading…')
  release()
  await expect(picker.getByRole('option')).toHaveText([/^Lee .*2012.*Human umbilical cord blood/])
  await expect(search).toHaveValue('lee umbilical')
  await expect(search).toBeFocused()
  await page.keyboard.type('X')
  await expect(search).toHaveValue('lee umbilicaXl')
})

test('Enter pressed in the citation picker while its code arrives copies the paper found once it is there', async ({ page, app, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin })
  const release = await holdCode(page, PICKER_CODE)
  await openWithOnePaper(page, app.url)
  const picker = page.getByRole('dialog', { name: 'Citation picker' })

  await page.keyboard.press('ControlOrMeta+Shift+C')
  await page.keyboard.type('umbilical')
  await page.keyboard.press('Enter')
  await expect(picker).toContainText('Loading…')
  release()
  await expect(picker).toBeHidden()
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^\[@lee2012\w*\]$/)
})
