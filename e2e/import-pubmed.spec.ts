// "Add by identifier" with PubMed: several identifiers of one paper give one
// item with every section of the PubMed page; a batch with bad identifiers
// keeps the good ones and names the bad; related papers can be added; offline
// changes nothing. NCBI is the replay of the recorded records (e2e/replay).
import type { Page } from '@playwright/test'
import { test, expect } from './support/fixtures'
import { replayEnvironment } from './replay/recorded'
import { closedPort, startWebEditionProcess } from './support/web-edition'

async function add(page: Page, text: string): Promise<void> {
  await page.getByLabel('Add by identifier').fill(text)
  await page.getByRole('button', { name: 'Add', exact: true }).click()
}

// PMID 27797938 (Gut 2017), recorded in e2e/fixtures/pubmed/efetch/biopython_pubmed4_structured_abstract_grants_coi.xml:
// the recorded record with every section of the PubMed page. Its DOI and PMCID name the same paper.
const GUT = { pmid: '27797938', doi: '10.1136/gutjnl-2016-312510', pmcid: 'PMC5442267' }

test('a DOI, PMID and PMCID of one paper give one item with every PubMed section', async ({ page, app, replay }) => {
  await page.goto(app.url)
  await add(page, `doi:${GUT.doi} PMID: ${GUT.pmid}\nhttps://pmc.ncbi.nlm.nih.gov/articles/${GUT.pmcid}/`)
  await expect(page.getByRole('status')).toContainText('Added:')
  await expect(page.getByRole('grid', { name: 'Items' }).getByRole('row')).toHaveCount(2) // header + one paper
  expect(replay.requests.filter(r => r.path.endsWith('efetch.fcgi'))).toHaveLength(1)

  const details = page.getByRole('region', { name: 'Item details' })
  for (const heading of [
    'Abstract',
    'Keywords',
    'MeSH terms',
    'Publication types',
    'Substances',
    'Grants and funding',
    'Conflict of interest statement',
    'References',
    'Similar articles',
    'Cited by'
  ]) {
    await expect(details.getByRole('region', { name: heading, exact: true })).toBeVisible()
  }
  await expect(details.getByRole('region', { name: 'Abstract', exact: true })).toContainText('OBJECTIVE:')
  await expect(details.getByRole('link', { name: GUT.pmid })).toHaveAttribute('href', `https://pubmed.ncbi.nlm.nih.gov/${GUT.pmid}/`)
  await expect(details.getByRole('link', { name: GUT.pmcid })).toHaveAttribute('href', `https://pmc.ncbi.nlm.nih.gov/articles/${GUT.pmcid}/`)
  await expect(details.getByRole('link', { name: GUT.doi })).toHaveAttribute('href', `https://doi.org/${GUT.doi}`)

  // Cited by, fetched on demand; one of them is added from there.
  const citedBy = details.getByRole('region', { name: 'Cited by', exact: true })
  await citedBy.getByRole('button', { name: 'Show cited by' }).click()
  await expect(citedBy.getByRole('listitem')).toHaveCount(2)
  await citedBy.getByRole('button', { name: /^Add Social anxiety disorder/ }).click()
  await expect(page.getByRole('grid', { name: 'Items' }).getByRole('row')).toHaveCount(3)
  await expect(citedBy.getByText('In library')).toHaveCount(1)
})

test('20 mixed identifiers with 2 unknown: 18 added, the 2 reported by identifier', async ({ page, app }) => {
  await page.goto(app.url)
  const ids = [
    '12091962',
    'doi:10.1016/0005-2795(76)90109-4',
    '11748933',
    'PMID: 11700088',
    'PMC6079548',
    '29963580',
    'https://doi.org/10.1515/jib-2020-0021',
    '20301577',
    '32934823',
    '34843274',
    '36987902',
    '37167981',
    '38048813',
    '38833988',
    'PMC11798830',
    '38914053',
    '10.1056/NEJMoa1715274',
    '20729678',
    '99999999',
    '10.9999/not-a-paper.2024'
  ]
  await add(page, ids.join('\n'))
  const status = page.getByRole('status')
  await expect(status).toContainText('18 added, 2 failed', { timeout: 30_000 })
  await expect(status).toContainText('PMID 99999999: PubMed has no paper with PMID 99999999.')
  await expect(status).toContainText('DOI 10.9999/not-a-paper.2024: No paper with the DOI 10.9999/not-a-paper.2024 was found')
  await expect(page.getByRole('grid', { name: 'Items' }).getByRole('row')).toHaveCount(19)
})

test('offline: a clear message and the library stays as it was', async ({ page, replay }) => {
  const online = await startWebEditionProcess(replayEnvironment(replay.url))
  const port = online.port
  await page.goto(online.url)
  await add(page, GUT.pmid)
  await expect(page.getByRole('grid', { name: 'Items' }).getByRole('row')).toHaveCount(2)
  await online.stop()

  const deadUrl = replay.url.replace(/:\d+/, `:${await closedPort()}`)
  const offline = await startWebEditionProcess({ ...replayEnvironment(deadUrl), NEUROREF_PORT: String(port) })
  try {
    await page.goto(offline.url)
    await add(page, '38147649 10.1073/pnas.2308706120')
    await expect(page.getByRole('alert')).toContainText(/Could not reach .*internet connection/, { timeout: 60_000 })
    await expect(page.getByRole('grid', { name: 'Items' }).getByRole('row')).toHaveCount(2)
  } finally {
    await offline.stop()
  }
})
