// PDFs: add them as papers, attach them, read them in the viewer, search
// their text, refuse what is not a PDF, ask for passwords, find free copies.
// Real article PDFs from e2e/fixtures/pdf/ (see SOURCES.md there). None of
// their DOIs has a recorded Crossref work (crossref/SOURCES.md), so "Add
// PDFs…" is checked on its honest path here: the DOI is found, its lookup
// fails against the replay, and the paper is marked "Needs metadata".
// There is no recorded Unpaywall answer either: the replies below are
// minimal objects in Unpaywall's documented shape (doi, is_oa,
// best_oa_location.url_for_pdf), written here by hand.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from './support/fixtures'
import { replayEnvironment } from './replay/recorded'
import { startWebEditionProcess, type RunningWebEdition } from './support/web-edition'

const PDFS = path.resolve(__dirname, 'fixtures/pdf')
const CAMBRIDGE = path.join(PDFS, 'articles/cambridge_intpsychogeriatr_2014_S1041610213001804.pdf')
const HINDAWI = path.join(PDFS, 'articles/hindawi_rrp_2010_157939.pdf')
const LOCKED = path.join(PDFS, 'broken/pdfjs_issue6010_1_encrypted_password_abc.pdf')
const PLOS_DOI = '10.1371/journal.pone.0033693'
const PLOS_TITLE = 'Methylphenidate Exposure Induces Dopamine Neuron Loss'
const SREP_DOI = '10.1038/srep16696'
const SREP_TITLE = 'Single-molecule FRET studies on alpha-synuclein'

let dataDir: string
let app: RunningWebEdition | undefined
test.beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'neuroref-e2e-pdf-'))
})
test.afterEach(async () => {
  await app?.stop()
  app = undefined
  rmSync(dataDir, { recursive: true, force: true })
})

async function start(page: Page, replayUrl: string): Promise<void> {
  app = await startWebEditionProcess({ ...replayEnvironment(replayUrl), NEUROREF_DATA_DIR: dataDir, NEUROREF_PMC_URL: `${replayUrl}/pmc/articles/` })
  await page.goto(app.url)
}

const storedPdfs = (): string[] =>
  existsSync(path.join(dataDir, 'attachments'))
    ? (readdirSync(path.join(dataDir, 'attachments'), { recursive: true }) as string[]).filter(f => f.endsWith('.pdf'))
    : []

async function addPaper(page: Page, doi: string, title: string): Promise<void> {
  await page.getByLabel('Add by identifier').fill(doi)
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await page.getByRole('grid', { name: 'Items' }).getByRole('row').filter({ hasText: title }).click()
}

test('Add PDFs…: the DOI is found, its lookup fails, the paper needs metadata until a DOI is pasted', async ({ page, replay }) => {
  await start(page, replay.url)
  await page.getByLabel('Add PDFs…').setInputFiles(CAMBRIDGE)
  await expect(page.getByRole('status')).toContainText('The DOI 10.1017/s1041610213001804 was found in the PDF but could not be looked up')
  await expect(page.getByRole('status')).toContainText('marked Needs metadata')
  const row = page
    .getByRole('grid', { name: 'Items' })
    .getByRole('row')
    .filter({ hasText: 'Stressful life events are not associated with the development of dementia' })
  await expect(row).toHaveCount(1)
  expect(storedPdfs()).toHaveLength(1)

  const details = page.getByRole('region', { name: 'Item details' })
  await expect(details.getByRole('note', { name: 'Needs metadata' })).toBeVisible()
  await details.getByLabel('Identifier for this paper').fill(PLOS_DOI)
  await details.getByRole('button', { name: 'Fill from identifier' }).click()
  await expect(page.getByRole('status')).toContainText(`Filled from the identifier: ${PLOS_TITLE}`)
  await expect(details.getByRole('note', { name: 'Needs metadata' })).toHaveCount(0)
  await expect(details.getByRole('listitem', { name: path.basename(CAMBRIDGE) })).toBeVisible()
})

test('attach a PDF, read it in the viewer, find a word, and search the library by its text', async ({ page, replay }) => {
  await start(page, replay.url)
  await addPaper(page, PLOS_DOI, PLOS_TITLE)
  const details = page.getByRole('region', { name: 'Item details' })
  await details.getByLabel('Attach PDF…').setInputFiles(HINDAWI)
  const file = details.getByRole('listitem', { name: path.basename(HINDAWI) })
  await expect(file).toBeVisible()

  await file.getByRole('button', { name: 'Open PDF' }).click()
  const viewer = page.getByRole('dialog', { name: /PDF viewer/ })
  await expect(viewer.getByLabel('Page number')).toHaveValue('1')
  await expect(viewer).toContainText('of 6')
  await viewer.getByRole('button', { name: 'Next page' }).click()
  await expect(viewer.getByLabel('Page number')).toHaveValue('2')
  await expect(viewer.getByTestId('pdf-text-layer')).toContainText('Structured cardiac rehabilitation')
  await viewer.getByLabel('Find in document').fill('psychosocial')
  await viewer.getByRole('button', { name: 'Find' }).click()
  await expect(viewer.getByRole('status')).toContainText(/\d+ match/)
  await expect(viewer.locator('mark.highlight').first()).toBeVisible()
  await expect(viewer.locator('mark.highlight').first()).toHaveText(/psychosocial/i)
  await viewer.getByRole('button', { name: 'Close' }).click()

  // The text is read in the background, then the library finds the paper by a word only its PDF holds.
  const items = page.getByRole('grid', { name: 'Items' })
  await page.getByLabel('Search library').fill('semistructured')
  await expect(items.getByRole('row').filter({ hasText: PLOS_TITLE })).toHaveCount(1, { timeout: 20_000 })
  await items.getByRole('row').filter({ hasText: PLOS_TITLE }).click()
  await expect(details.getByRole('region', { name: 'PDFs' })).toContainText(/Found on pages? 1\b/)
  await page.getByLabel('Include full text').uncheck()
  await expect(items.getByRole('row').filter({ hasText: PLOS_TITLE })).toHaveCount(0)
  await expect(page.getByText('No paper matches this search.')).toBeVisible()
})

test('a protected PDF asks for its password; a file that is not a PDF is refused and nothing is stored', async ({ page, replay }) => {
  await start(page, replay.url)
  await addPaper(page, PLOS_DOI, PLOS_TITLE)
  const details = page.getByRole('region', { name: 'Item details' })

  await details
    .getByLabel('Attach PDF…')
    .setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<!DOCTYPE html><html><body>Sign in</body></html>') })
  await expect(page.getByRole('alert')).toContainText('notes.pdf is not a PDF file. Nothing was attached.')
  expect(storedPdfs()).toEqual([])
  await expect(details.getByRole('region', { name: 'PDFs' }).getByRole('listitem')).toHaveCount(0)

  await details.getByLabel('Attach PDF…').setInputFiles(LOCKED)
  await details
    .getByRole('listitem', { name: path.basename(LOCKED) })
    .getByRole('button', { name: 'Open PDF' })
    .click()
  const viewer = page.getByRole('dialog', { name: /PDF viewer/ })
  const ask = viewer.getByRole('dialog', { name: 'PDF password' })
  await expect(ask).toContainText('This PDF is protected by a password.')
  await ask.getByLabel('Password').fill('abd')
  await ask.getByRole('button', { name: 'Open' }).click()
  await expect(ask.getByRole('alert')).toContainText('That password is not correct.')
  await ask.getByLabel('Password').fill('abc')
  await ask.getByRole('button', { name: 'Open' }).click()
  await expect(viewer.getByTestId('pdf-text-layer')).toContainText('Issue 6010')
  expect(storedPdfs()).toHaveLength(1)
})

test('Find available PDF: a free copy is attached; a landing page is explained', async ({ page, replay }) => {
  replay.addRoutes([
    {
      method: 'GET',
      path: `/unpaywall/${PLOS_DOI}`,
      contentType: 'application/json',
      body: JSON.stringify({ doi: PLOS_DOI, is_oa: true, best_oa_location: { url_for_pdf: `${replay.url}/oa/plos.pdf` } })
    },
    { method: 'GET', path: '/oa/plos.pdf', file: 'pdf/articles/hindawi_rrp_2010_157939.pdf' },
    {
      method: 'GET',
      path: `/unpaywall/${SREP_DOI}`,
      contentType: 'application/json',
      body: JSON.stringify({ doi: SREP_DOI, is_oa: true, best_oa_location: { url_for_pdf: `${replay.url}/landing/srep16696` } })
    },
    {
      method: 'GET',
      path: '/landing/srep16696',
      contentType: 'text/html; charset=utf-8',
      body: '<!DOCTYPE html><html><head><title>Scientific Reports</title></head><body>Download PDF</body></html>'
    }
  ])
  await start(page, replay.url)
  const details = page.getByRole('region', { name: 'Item details' })

  await addPaper(page, PLOS_DOI, PLOS_TITLE)
  await details.getByRole('button', { name: 'Find available PDF' }).click()
  await expect(page.getByRole('status')).toContainText('Found a free PDF at Unpaywall and attached it.')
  await expect(details.getByRole('listitem', { name: '10.1371_journal.pone.0033693.pdf' })).toBeVisible()
  expect(replay.requests.some(r => r.path === `/unpaywall/${PLOS_DOI}` && r.query.email === 'e2e@neuroref.test')).toBe(true)

  await addPaper(page, SREP_DOI, SREP_TITLE)
  await details.getByRole('button', { name: 'Find available PDF' }).click()
  await expect(page.getByRole('alert')).toContainText('The publisher returned a web page instead of the PDF.')
  await expect(details.getByRole('region', { name: 'PDFs' }).getByRole('listitem')).toHaveCount(0)
  expect(storedPdfs()).toHaveLength(1)
})
