// Manuscripts in the web edition, as a researcher uses them: a Word draft
// with identifier markers is formatted in APA (one paper not yet in the
// library is looked up from the review), the result arrives as a download,
// is re-formatted in Vancouver, and its references are imported back.
import { readFile } from 'node:fs/promises'
import type { Download, Page } from '@playwright/test'
import { test, expect } from './support/fixtures'
import { makeDocx, para, partText, run, visibleText } from '@shared/manuscript/docx-package.test-support'

// Recorded real PubMed records served by the replay (e2e/fixtures/pubmed, see SOURCES.md)
const NBIB = 'e2e/fixtures/pubmed/medline_nbib/zotero_nbib_2records_article_and_book.nbib'

async function formatIn(page: Page, file: { name: string; buffer: Buffer }, style: string, expectStatus: RegExp, citedIn?: string): Promise<Download> {
  await page.getByRole('button', { name: 'Manuscript' }).click()
  await page.getByRole('menuitem', { name: 'Format manuscript…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Format manuscript' })
  await dialog.getByLabel('Manuscript document').setInputFiles({ ...file, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })
  await expect(dialog.getByRole('status')).toContainText(expectStatus)
  // Zotero's preferences in the document name the style it is cited in
  if (citedIn) await expect(dialog.getByText(/^The document is cited in/)).toHaveText(citedIn)
  await dialog.getByLabel('Citation style').selectOption({ label: style })
  const button = dialog.getByRole('button', { name: 'Format and save a copy' })
  await expect(button).toBeEnabled()
  const downloading = page.waitForEvent('download')
  await button.click()
  return downloading
}

async function bytesOf(download: Download): Promise<Buffer> {
  return readFile((await download.path())!)
}

test('format a manuscript, re-format it in another style, import its references', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByLabel('Import file').setInputFiles(NBIB)
  await expect(page.getByRole('status')).toContainText('2 added')

  const draft = makeDocx(
    para(run('Stress hormones rise [PMID:8692918] and a textbook says so [PMID:21249755].')) +
      para(run('Gut microbes matter too [PMID:38147649].')) +
      para(run('[bibliography]'))
  )
  // the review: one paper is not in the library yet; look it up, then format
  await page.getByRole('button', { name: 'Manuscript' }).click()
  await page.getByRole('menuitem', { name: 'Format manuscript…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Format manuscript' })
  await dialog.getByLabel('Manuscript document').setInputFiles({ name: 'Draft.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(draft) })
  await expect(dialog.getByRole('status')).toHaveText('Draft.docx: 3 citations of 2 papers, 1 to settle.')
  const problems = dialog.getByRole('list', { name: 'Citations to settle' })
  await expect(problems).toContainText('PMID 38147649 is not in your library yet.')
  await expect(problems).toContainText('Gut microbes matter too [PMID:38147649].')
  await expect(dialog.getByRole('button', { name: 'Format and save a copy' })).toBeDisabled()
  await problems.getByRole('button', { name: 'Look up and add' }).click()
  await expect(dialog.getByRole('status')).toHaveText('Draft.docx: 3 citations of 3 papers, all found.')
  await dialog.getByLabel('Citation style').selectOption({ label: 'APA 7th edition' })
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Format and save a copy' }).click()
  const apa = await downloading
  expect(apa.suggestedFilename()).toBe('Draft (APA 7th edition).docx')
  await expect(page.getByRole('status')).toContainText('Formatted 3 citations of 3 papers in APA 7th edition')
  const apaBytes = await bytesOf(apa)
  const apaText = visibleText(partText(apaBytes, 'word/document.xml'))
  const apaLines = apaText.split('\n')
  expect(apaLines.slice(0, 2)).toEqual([
    'Stress hormones rise (van Raaij et al., 1996) and a textbook says so (Riegert-Johnson et al., 2009).',
    'Gut microbes matter too (Ritz et al., 2024).'
  ])
  expect(apaLines.slice(2).map(line => line.split(' (')[0])).toEqual([
    'Riegert-Johnson, D., Gleeson, F. C., Westra, W., Hefferon, T., Wong Kee Song, L. M., Spurck, L., & Boardman, L. A.',
    expect.stringMatching(/^Ritz, N\. L\., Brocka, M\./),
    'van Raaij, M. J., Abrahams, J. P., Leslie, A. G., & Walker, J. E.'
  ])
  expect(apaText).not.toContain('[PMID')

  // a reviewer asks for Vancouver: the formatted copy re-formats from its own fields
  const vancouver = await formatIn(
    page,
    { name: apa.suggestedFilename(), buffer: apaBytes },
    'Vancouver (NLM)',
    /3 citations of 3 papers, all found/,
    'The document is cited in APA 7th edition (en-US): chosen below.'
  )
  expect(vancouver.suggestedFilename()).toBe('Draft (Vancouver (NLM)).docx')
  const vancouverBytes = await bytesOf(vancouver)
  const lines = visibleText(partText(vancouverBytes, 'word/document.xml')).split('\n')
  expect(lines.slice(0, 2)).toEqual(['Stress hormones rise (1) and a textbook says so (2).', 'Gut microbes matter too (3).'])
  expect(lines[4]).toMatch(/^3\.\tRitz NL, Brocka M/)

  // a coauthor's copy: its references come back into a collection named after it, nothing duplicated
  await page.getByRole('button', { name: 'Manuscript' }).click()
  await page
    .getByLabel('Import references from document')
    .setInputFiles({ name: vancouver.suggestedFilename(), mimeType: 'application/octet-stream', buffer: vancouverBytes })
  await expect(page.getByRole('status')).toContainText(
    'Draft (Vancouver (NLM)).docx: Cited 3, already in library 3, added 0. They are in the collection “Draft (Vancouver (NLM))”. Its citations are in Vancouver (NLM) (en-US).'
  )
  await expect(page.getByRole('tree', { name: 'Collections' }).getByRole('treeitem', { name: /Draft \(Vancouver \(NLM\)\)/ })).toBeVisible()
  await expect(page.getByRole('grid', { name: 'Items' }).getByRole('row')).toHaveCount(4)

  // a file that is not a document: a sentence, nothing written
  await page.getByRole('button', { name: 'Manuscript' }).click()
  await page.getByRole('menuitem', { name: 'Format manuscript…' }).click()
  await dialog.getByLabel('Manuscript document').setInputFiles({
    name: 'old.doc',
    mimeType: 'application/msword',
    buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)])
  })
  await expect(dialog.getByRole('alert')).toHaveText(
    '“old.doc” is an old Word document (.doc). Open it in Word or LibreOffice and save it as .docx, then format that file. Nothing was written.'
  )
})
