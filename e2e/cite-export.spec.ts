// Bibliographies out: a paper exported as RIS and CSL-JSON, cited in
// Vancouver with the reference copied to the clipboard, and a researcher's
// own .csl style added to the picker and remembered.
import { readFile, writeFile } from 'node:fs/promises'
import type { Download, Page } from '@playwright/test'
import { test, expect } from './support/fixtures'
import { chooseStyle, chosenStyle } from './support/style-chooser'

// Recorded real Crossref response (e2e/fixtures/crossref/works/, see SOURCES.md);
// the seed paper has no public recording (pubmed/SOURCES.md).
const DOI = '10.1016/j.neurobiolaging.2010.03.024'
const TITLE = 'Human umbilical cord blood-derived mesenchymal stem cells improve neuropathology'

async function exportAs(page: Page, format: string): Promise<string> {
  await page.getByRole('button', { name: 'Export' }).click()
  const downloading = page.waitForEvent('download')
  await page.getByRole('menuitem', { name: format, exact: true }).click()
  const download: Download = await downloading
  return `${download.suggestedFilename()}\n${await readFile((await download.path())!, 'utf8')}`
}

test('export RIS and CSL-JSON, cite in Vancouver, add a style of your own', async ({ page, app, context }, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin })
  await page.goto(app.url)
  await page.getByLabel('Add by identifier').fill(DOI)
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  const row = page.getByRole('grid', { name: 'Items' }).getByRole('row').filter({ hasText: TITLE })
  await expect(row).toHaveCount(1)
  await row.click()

  const ris = await exportAs(page, 'RIS')
  const [risName, ...risLines] = ris.split('\n')
  expect(risName).toMatch(/^lee2012\w*\.ris$/)
  const risText = risLines.join('\n')
  expect(risText).toContain('TY  - JOUR\r\n')
  expect(risText).toContain('AU  - Lee, Hyun Ju\r\n')
  expect(risText).toContain(`TI  - ${TITLE}`)
  expect(risText).toContain('T2  - Neurobiology of Aging\r\n')
  expect(risText).toContain('PY  - 2012\r\n')
  expect(risText).toContain('VL  - 33\r\nIS  - 3\r\nSP  - 588\r\nEP  - 602\r\n')
  expect(risText).toContain(`DO  - ${DOI}\r\n`)
  expect(risText.trimEnd()).toMatch(/ER {2}-$/)

  const json = await exportAs(page, 'CSL-JSON')
  const [jsonName, ...jsonLines] = json.split('\n')
  expect(jsonName).toMatch(/^lee2012\w*\.json$/)
  const [record] = JSON.parse(jsonLines.join('\n'))
  expect(record.id).toMatch(/^lee2012/)
  expect(record.type).toBe('article-journal')
  expect(record.title).toContain(TITLE)
  expect(record.DOI).toBe(DOI)
  expect(record.author[0]).toEqual({ family: 'Lee', given: 'Hyun Ju' })
  expect(record.issued['date-parts'][0][0]).toBe(2012)
  expect(record).not.toHaveProperty('tags')

  await page.getByRole('button', { name: 'Cite', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Cite' })
  const preview = dialog.getByRole('region', { name: 'Preview' })
  await expect(preview).toContainText('(Lee et al., 2012)')
  await chooseStyle(dialog, 'Vancouver (NLM)')
  await expect(preview).toContainText('1. Lee HJ, Lee JK, Lee H, Carter JE, Chang JW, Oh W, et al. Human umbilical cord blood-derived')
  await expect(preview).toContainText('2012 Mar;33(3):588')

  await dialog.getByRole('button', { name: 'Copy bibliography' }).click()
  await expect(page.getByRole('status')).toContainText('Copied the bibliography')
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toMatch(/^1\. Lee HJ, Lee JK, Lee H, Carter JE, Chang JW, Oh W, et al\. Human umbilical cord blood-derived mesenchymal stem cells/)
  expect(copied).toContain(`doi:${DOI}`)
  await dialog.getByRole('button', { name: 'Copy [@key]' }).click()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^\[@lee2012\w*\]$/)
  await dialog.getByRole('button', { name: 'Copy \\cite{}' }).click()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^\\cite\{lee2012\w*\}$/)

  // A copy of a bundled style under another name, as a lab's own style would be.
  const own = (await readFile('resources/csl/nature.csl', 'utf8'))
    .replace(/<title>[^<]*<\/title>/, '<title>Neuroref Lab Style</title>')
    .replace(/<id>[^<]*<\/id>/, '<id>http://example.org/styles/neuroref-lab</id>')
  const ownFile = testInfo.outputPath('neuroref-lab.csl')
  await writeFile(ownFile, own)
  await dialog.getByLabel('Add style…').setInputFiles(ownFile)
  await expect(chosenStyle(dialog)).toContainText('Neuroref Lab Style')
  await dialog.getByRole('combobox', { name: 'Citation style' }).fill('lab style')
  await expect(dialog.getByRole('option', { name: /^Neuroref Lab Style your style/ })).toHaveCount(1)
  await dialog.getByRole('combobox', { name: 'Citation style' }).press('Escape')
  await expect(preview).toContainText('1. Lee, H. J. et al. Human umbilical cord blood-derived')

  // A file that is not a style is refused with a sentence.
  const notAStyle = testInfo.outputPath('notes.csl')
  await writeFile(notAStyle, 'title,author\n')
  await dialog.getByLabel('Add style…').setInputFiles(notAStyle)
  await expect(dialog.getByRole('alert')).toContainText('notes.csl was not added. This file is not a CSL citation style')

  // The added style and the choice survive a reload.
  await page.reload()
  await page.getByRole('grid', { name: 'Items' }).getByRole('row').filter({ hasText: TITLE }).click()
  await page.getByRole('button', { name: 'Cite', exact: true }).click()
  await expect(chosenStyle(page.getByRole('dialog', { name: 'Cite' }))).toContainText('Neuroref Lab Style')
})

test('Bibliography… saves the reference list as RTF in the chosen style', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByLabel('Add by identifier').fill(DOI)
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(page.getByRole('grid', { name: 'Items' }).getByRole('row').filter({ hasText: TITLE })).toHaveCount(1)

  await page.getByRole('button', { name: 'Export' }).click()
  await page.getByRole('menuitem', { name: 'Bibliography…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Bibliography' })
  await chooseStyle(dialog, 'APA 7th edition')
  await dialog.getByLabel('RTF (Word)').check()
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Save bibliography' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('bibliography.rtf')
  const rtf = await readFile((await download.path())!, 'utf8')
  expect(rtf).toMatch(/^\{\\rtf1\\ansi/)
  expect(rtf).toContain('Lee, H. J., Lee, J. K., Lee, H.')
  expect(rtf).toContain('{\\i{}Neurobiology of Aging}')
  await expect(page.getByRole('status')).toContainText('Exported the bibliography of 1 paper (APA 7th edition, RTF).')
})
