// Manuscripts in the web edition, as a researcher uses them: a Word draft
// with identifier markers is formatted in APA (one paper not yet in the
// library is looked up from the review), the result arrives as a download,
// is re-formatted in Vancouver, and its references are imported back.
import { readFile } from 'node:fs/promises'
import type { Download, Page } from '@playwright/test'
import { test, expect } from './support/fixtures'
import {
  makeDocx,
  para,
  partText,
  run,
  visibleText,
  withCustomProperties,
  zoteroCitationField,
  zoteroPrefProperties
} from '@shared/manuscript/docx-package.test-support'
import { chooseStyle, chosenStyle } from './support/style-chooser'
import { closedPort, startWebEditionProcess } from './support/web-edition'
import { replayEnvironment } from './replay/recorded'

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
  await chooseStyle(dialog, style)
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
  // the first document also starts the manuscript worker (citeproc and all): seconds on a busy machine
  await expect(dialog.getByRole('status')).toHaveText('Draft.docx: 3 citations of 2 papers, 1 to settle.', { timeout: 20_000 })
  const problems = dialog.getByRole('list', { name: 'Citations to settle' })
  await expect(problems).toContainText('PMID 38147649 is not in your library yet.')
  await expect(problems).toContainText('Gut microbes matter too [PMID:38147649].')
  await expect(dialog.getByRole('button', { name: 'Format and save a copy' })).toBeDisabled()
  await problems.getByRole('button', { name: 'Look up and add' }).click()
  await expect(dialog.getByRole('status')).toHaveText('Draft.docx: 3 citations of 3 papers, all found.')
  await chooseStyle(dialog, 'APA 7th edition')
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

/**
 * A coauthor's Zotero draft whose embedded data is thin: a PubMed paper known
 * by its PMID (in Zotero's "PMID: …" note line), a paper Crossref knows by its
 * DOI, and a book with no identifier. The replay serves the recorded PubMed
 * and Crossref records.
 */
function thinZoteroDraft(): Buffer {
  const gut = { id: 11, type: 'article-journal', title: 'gut microbes and social fear (draft)', note: 'PMID: 38147649' }
  const fret = { id: 12, type: 'article-journal', title: 'FRET of alpha-synuclein', DOI: '10.1038/srep16696' }
  const book = {
    id: 13,
    type: 'book',
    title: 'Behavioral Neuroendocrinology',
    author: [{ family: 'Nelson', given: 'Randy J.' }],
    issued: { 'date-parts': [[2016]] }
  }
  return Buffer.from(
    makeDocx(
      para(run('Microbes change fear '), zoteroCitationField([gut], '(Ritz, 2024)'), run('.')) +
        para(run('Oligomers form '), zoteroCitationField([fret, book], '(Kurochka, 2015; Nelson, 2016)'), run('.'))
    )
  )
}

async function importReferences(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByRole('button', { name: 'Manuscript' }).click()
  await page.getByLabel('Import references from document').setInputFiles({ name, mimeType: 'application/octet-stream', buffer })
}

test("a coauthor's references are completed online from PubMed and Crossref; offline they stay as embedded", async ({ page, app, replay }) => {
  await page.goto(app.url)
  await importReferences(page, 'Zotero draft.docx', thinZoteroDraft())
  await expect(page.getByRole('status')).toContainText(
    'Zotero draft.docx: Cited 3, already in library 0, added 3, completed online 2, 1 without identifiers kept as they were embedded. They are in the collection “Zotero draft”.',
    { timeout: 30_000 }
  )
  // one lookup for both papers: a batch, not a request each
  expect(replay.requests.filter(r => r.path.endsWith('efetch.fcgi'))).toHaveLength(1)
  const items = page.getByRole('grid', { name: 'Items' })
  await expect(items.getByRole('row')).toHaveCount(4)
  // PubMed's record replaced the draft's thin one: its title, abstract and MeSH terms
  await items.getByRole('row').filter({ hasText: 'Social anxiety disorder-associated gut microbiota increases social fear' }).click()
  const details = page.getByRole('region', { name: 'Item details' })
  await expect(details.getByRole('region', { name: 'Abstract', exact: true })).toBeVisible()
  await expect(details.getByRole('region', { name: 'MeSH terms', exact: true })).toBeVisible()
  // Crossref's record for the DOI
  await expect(items.getByRole('row').filter({ hasText: /Single-molecule FRET studies on alpha-synuclein oligomerization/ })).toHaveCount(1)
  await expect(items.getByRole('row').filter({ hasText: 'Behavioral Neuroendocrinology' })).toHaveCount(1)

  // offline (another web edition, its services unreachable, its own empty library): the embedded data, and a sentence why
  const offline = await startWebEditionProcess(replayEnvironment(replay.url.replace(/:\d+/, `:${await closedPort()}`)))
  try {
    await page.goto(offline.url)
    await importReferences(page, 'Zotero draft.docx', thinZoteroDraft())
    await expect(page.getByRole('status')).toContainText(
      'Zotero draft.docx: Cited 3, already in library 0, added 3, 1 without identifiers kept as they were embedded. 2 papers with a PMID or DOI could not be completed online and were kept as embedded: Could not reach',
      { timeout: 60_000 }
    )
    await expect(page.getByRole('grid', { name: 'Items' }).getByRole('row').filter({ hasText: 'gut microbes and social fear (draft)' })).toHaveCount(1)
  } finally {
    await offline.stop()
  }
})

test("the journal style and language a coauthor's Zotero chose are pre-selected, and the copy says which it is in", async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByLabel('Import file').setInputFiles(NBIB)
  await expect(page.getByRole('status')).toContainText('2 added')
  // Zotero's preferences for a Psychoneuroendocrinology manuscript in British English, and a property of the lab's own
  const prefs =
    '<data data-version="3" zotero-version="7.0.11"><session id="Ab3dE6gH"/><style id="http://www.zotero.org/styles/psychoneuroendocrinology" locale="en-GB" hasBibliography="1" bibliographyStyleHasBeenSet="0"/><prefs><pref name="fieldType" value="Field"/></prefs></data>'
  const draft = withCustomProperties(makeDocx(para(run('Stress hormones rise [PMID:8692918].'))), [...zoteroPrefProperties(prefs), ['Lab', 'Stress unit']])
  await page.getByRole('button', { name: 'Manuscript' }).click()
  await page.getByRole('menuitem', { name: 'Format manuscript…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Format manuscript' })
  await dialog.getByLabel('Manuscript document').setInputFiles({ name: 'Draft.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(draft) })
  // the document is read and its style fetched from the repository first: seconds on a busy machine
  await expect(dialog.getByRole('status')).toHaveText('Draft.docx: 1 citation of 1 paper, all found.', { timeout: 20_000 })
  await expect(dialog.getByText(/^The document is cited in/)).toHaveText('The document is cited in Psychoneuroendocrinology (en-GB): chosen below.')
  await expect(chosenStyle(dialog)).toContainText('Psychoneuroendocrinology')
  await expect(chosenStyle(dialog)).not.toContainText('loading…')
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Format and save a copy' }).click()
  const copy = await downloading
  expect(copy.suggestedFilename()).toBe('Draft (Psychoneuroendocrinology).docx')
  const custom = partText(await bytesOf(copy), 'docProps/custom.xml')
  expect(custom).toContain('&lt;style id="http://www.zotero.org/styles/psychoneuroendocrinology" locale="en-GB"')
  expect(custom).toContain('name="Lab"><vt:lpwstr>Stress unit</vt:lpwstr>')
})
