// Every journal's style, offline: a journal's style found by typing its name
// (or its ISSN), marked with its format, previewed, kept as a favourite and
// used to save a bibliography.
import { readFile } from 'node:fs/promises'
import { test, expect } from './support/fixtures'
import { chooseStyle, chosenStyle } from './support/style-chooser'

// Recorded real Crossref response (e2e/fixtures/crossref/works/, see SOURCES.md)
const DOI = '10.1016/j.neurobiolaging.2010.03.024'
const TITLE = 'Human umbilical cord blood-derived mesenchymal stem cells improve neuropathology'

test("choose a journal's style by searching its name and save a bibliography in it", async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByLabel('Add by identifier').fill(DOI)
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(page.getByRole('grid', { name: 'Items' }).getByRole('row').filter({ hasText: TITLE })).toHaveCount(1)

  await page.getByRole('button', { name: 'Export' }).click()
  await page.getByRole('menuitem', { name: 'Bibliography…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Bibliography' })
  const search = dialog.getByRole('combobox', { name: 'Citation style' })
  const list = dialog.getByRole('listbox', { name: 'Citation styles' })

  // by the journal's online ISSN, then by the start of its name
  await search.fill('1873-3360')
  await expect(list.getByRole('option')).toHaveText([/^Psychoneuroendocrinology/])
  await search.fill('psychoneuro')
  const journal = list.getByRole('option').first()
  await expect(journal).toContainText('Psychoneuroendocrinology')
  await expect(journal).toContainText('author-date')
  await expect(journal).toContainText('uses Elsevier (author-date/Harvard, with titles)')
  await journal.click()
  await expect(chosenStyle(dialog)).toContainText('Psychoneuroendocrinology')
  await expect(chosenStyle(dialog)).toContainText('uses the rules of Elsevier (author-date/Harvard, with titles)')
  // the example paper in the journal's style
  const preview = dialog.getByRole('region', { name: 'Style preview' })
  await expect(preview).toContainText('(Ferrer-Pérez et al., 2021)')
  await expect(preview).toContainText('Int J Mol Sci 22, 2372. https://doi.org/10.3390/ijms22052372')

  await chosenStyle(dialog)
    .getByRole('button', { name: /Favourite/ })
    .click()
  await dialog.getByLabel('Plain text').check()
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Save bibliography' }).click()
  const text = await readFile((await (await downloading).path())!, 'utf8')
  expect(text).toMatch(/^Lee, H\.J\., Lee, J\.K\., Lee, H\., Carter, J\.E\., Chang, J\.W\., Oh, W\., Yang, Y\.S\., .*2012\. Human umbilical cord blood-derived/)
  expect(text).toContain('Neurobiology of Aging 33, 588–602. https://doi.org/10.1016/j.neurobiolaging.2010.03.024')
  await expect(page.getByRole('status')).toContainText('Exported the bibliography of 1 paper (Psychoneuroendocrinology, plain text).')

  // the next time: still chosen and on top as a favourite; a bundled style from the list
  await page.getByRole('button', { name: 'Export' }).click()
  await page.getByRole('menuitem', { name: 'Bibliography…' }).click()
  await expect(chosenStyle(dialog)).toContainText('Psychoneuroendocrinology')
  await search.click()
  await expect(list.getByRole('option').first()).toContainText('Psychoneuroendocrinology')
  await expect(list.getByText('Favourites', { exact: true })).toBeVisible()
  await chooseStyle(dialog, 'Vancouver (NLM)')
  await expect(preview).toContainText('1. Ferrer-Pérez C, Castro-Zavala A')
})

test('the citation picker copies [@key], \\parencite{} or a formatted citation, and remembers the form', async ({ page, app, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin })
  await page.goto(app.url)
  await page.getByLabel('Add by identifier').fill(DOI)
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(page.getByRole('grid', { name: 'Items' }).getByRole('row').filter({ hasText: TITLE })).toHaveCount(1)
  const clipboard = (): Promise<string> => page.evaluate(() => navigator.clipboard.readText())

  await page.keyboard.press('ControlOrMeta+Shift+C')
  const picker = page.getByRole('dialog', { name: 'Citation picker' })
  await picker.getByRole('searchbox', { name: 'Find papers to cite' }).fill('umbilical cord')
  await expect(picker.getByRole('option')).toHaveText([/^Lee .*2012.*Human umbilical cord blood/])
  await picker.getByRole('searchbox', { name: 'Find papers to cite' }).press('Enter')
  await expect(picker).toBeHidden()
  await expect.poll(clipboard).toMatch(/^\[@lee2012\w*\]$/)

  await page.keyboard.press('ControlOrMeta+Shift+C')
  await expect(picker.getByRole('radio', { name: /^\[@key\]/ })).toBeChecked()
  await picker.getByRole('radio', { name: /^\\parencite/ }).check()
  await picker.getByRole('searchbox', { name: 'Find papers to cite' }).fill('lee alzheimer')
  await expect(picker.getByRole('option')).toHaveText([/^Lee .*2012.*Human umbilical cord blood/])
  await picker.getByRole('searchbox', { name: 'Find papers to cite' }).press('Enter')
  await expect(picker).toBeHidden()
  // the copy reads the paper's full row first: wait for the clipboard, do not race it
  await expect.poll(clipboard).toMatch(/^\\parencite\{lee2012\w*\}$/)

  // the form is remembered; a formatted citation carries HTML for word processors too
  await page.reload()
  await expect(page.getByRole('grid', { name: 'Items' }).getByRole('row').filter({ hasText: TITLE })).toHaveCount(1)
  await page.keyboard.press('ControlOrMeta+Shift+C')
  await expect(picker.getByRole('radio', { name: /^\\parencite/ })).toBeChecked()
  await picker.getByRole('radio', { name: /^Formatted citation/ }).check()
  await expect(picker).toContainText('In APA 7th edition')
  await picker.getByRole('searchbox', { name: 'Find papers to cite' }).press('Enter')
  await expect(picker).toBeHidden()
  await expect.poll(clipboard).toBe('(Lee et al., 2012)')
  const html = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read()
    return item.types.includes('text/html') ? (await item.getType('text/html')).text() : ''
  })
  expect(html).toContain('Lee et al., 2012')
})
