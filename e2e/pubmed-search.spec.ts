// "Search PubMed" and saved PubMed searches against the replay NCBI
// (e2e/replay), which answers "patients" from the recorded records. PMID
// 38147649 (the oxytocin / social fear paper, PNAS 2024) is held back and
// released mid-test: PubMed "adds" it, and the saved search reports it as new.
import type { Page } from '@playwright/test'
import { test, expect, CITED_BY_LINKS } from './support/fixtures'
import { loadPubmedCorpus, ncbiRoutes, type NcbiRoutes } from './replay/ncbi-corpus'
import { crossrefWorkRoutes } from './replay/recorded'
import type { ReplayServer } from './replay/server'

const SOCIAL_FEAR = { pmid: '38147649', title: 'Social anxiety disorder-associated gut microbiota increases social fear.' }
const BURNS = 'Patients over 75 years admitted to the National Burn Centre, Haukeland University Hospital, 2000-19.'
const DERMATOMYOSITIS = 'Cardiac evaluation of patients with juvenile dermatomyositis.'

/** The fixture's replay, with these papers absent until `release`. */
function holdBack(replay: ReplayServer, pmids: string[]): NcbiRoutes {
  const routes = ncbiRoutes(loadPubmedCorpus(), { links: CITED_BY_LINKS, heldBack: pmids })
  replay.setRoutes([...crossrefWorkRoutes(), ...routes])
  return routes
}

async function searchPubmed(page: Page, query: string): Promise<void> {
  const view = page.getByRole('region', { name: 'Search PubMed' })
  await view.getByLabel('PubMed query').fill(query)
  await view.getByRole('button', { name: 'Search', exact: true }).click()
}

test('search PubMed, add two results, and read PubMed’s complaint about a bad query', async ({ page, app, replay }) => {
  holdBack(replay, [SOCIAL_FEAR.pmid])
  await page.goto(app.url)
  await page.getByRole('region', { name: 'PubMed' }).getByRole('button', { name: 'Search PubMed' }).click()
  await searchPubmed(page, 'patients')

  const view = page.getByRole('region', { name: 'Search PubMed' })
  const results = view.getByRole('list', { name: 'PubMed results' }).getByRole('listitem')
  await expect(view.getByText('1–8 of 8 papers')).toBeVisible()
  await expect(results).toHaveCount(8)
  await expect(results.filter({ hasText: BURNS })).toContainText('Tidsskr Nor Laegeforen · 2023 · PMID 36987902')
  await expect(results.filter({ hasText: DERMATOMYOSITIS })).toContainText('Pediatr Res · 2025 · PMID 38909159')
  await expect(results.filter({ hasText: SOCIAL_FEAR.title })).toHaveCount(0) // not in PubMed yet
  // One page holds 20: eight results leave nothing to page to.
  await expect(view.getByRole('button', { name: 'Next page' })).toBeDisabled()
  await expect(view.getByRole('button', { name: 'Previous page' })).toBeDisabled()

  await view.getByRole('checkbox', { name: `Select ${BURNS}` }).check()
  await view.getByRole('checkbox', { name: `Select ${DERMATOMYOSITIS}` }).check()
  await view.getByRole('button', { name: 'Add 2 selected' }).click()
  await expect(page.getByRole('status')).toContainText('2 added')
  for (const title of [BURNS, DERMATOMYOSITIS]) {
    await expect(results.filter({ hasText: title })).toContainText('In library')
    await expect(view.getByRole('checkbox', { name: `Select ${title}` })).toBeDisabled()
  }
  await expect(view.getByText('In library')).toHaveCount(2)

  await searchPubmed(page, 'fleegle[MeSH Terms]')
  await expect(view.getByRole('alert')).toHaveText('PubMed could not use this query: Phrase not found: fleegle[MeSH Terms].')
  await expect(results).toHaveCount(0)

  await page.getByRole('button', { name: 'All items' }).click()
  const grid = page.getByRole('grid', { name: 'Items' })
  await expect(grid.getByRole('row')).toHaveCount(3) // header + the two added
  await expect(grid.getByRole('row').filter({ hasText: 'juvenile dermatomyositis' })).toHaveCount(1)
})

test('a saved PubMed search reports the paper PubMed added since, and adds it', async ({ page, app, replay }) => {
  const routes = holdBack(replay, [SOCIAL_FEAR.pmid])
  await page.goto(app.url)
  const sidebar = page.getByRole('region', { name: 'PubMed' })
  await sidebar.getByRole('button', { name: 'Search PubMed' }).click()
  await searchPubmed(page, 'patients')
  const view = page.getByRole('region', { name: 'Search PubMed' })
  await expect(view.getByText('1–8 of 8 papers')).toBeVisible()

  await view.getByRole('button', { name: 'Save this search' }).click()
  await view.getByLabel('Name of the saved search').fill('Patients')
  await view.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('status')).toContainText('Saved the PubMed search “Patients”')
  const saved = sidebar.getByRole('button', { name: /^Patients/ })
  await expect(saved).toHaveText('Patients')

  // Nothing new yet: a check finds nothing.
  await sidebar.getByRole('button', { name: 'Check Patients now' }).click()
  await expect(sidebar.getByRole('button', { name: 'Check Patients now' })).toBeEnabled()
  await expect(saved).toHaveText('Patients')

  routes.release(SOCIAL_FEAR.pmid) // PubMed adds the paper today
  await sidebar.getByRole('button', { name: 'Check Patients now' }).click()
  await expect(saved).toHaveText('Patients 1 new')
  const asked = replay.requests.filter(r => r.path === '/eutils/esearch.fcgi').at(-1)
  expect(asked?.query).toMatchObject({ term: 'patients', datetype: 'edat', maxdate: '3000' })

  await saved.click()
  const news = page.getByRole('region', { name: 'New since last check' })
  await expect(news.getByRole('heading')).toHaveText('1 new since the last check')
  await expect(news).toContainText(`PMIDs ${SOCIAL_FEAR.pmid}`)
  await news.getByRole('button', { name: 'Add all 1 new' }).click()
  await expect(page.getByRole('status')).toContainText(`Added: ${SOCIAL_FEAR.title}`)
  await expect(news).toHaveCount(0)
  await expect(saved).toHaveText('Patients')

  await page.getByRole('button', { name: 'All items' }).click()
  await expect(page.getByRole('grid', { name: 'Items' }).getByRole('row').filter({ hasText: SOCIAL_FEAR.title })).toHaveCount(1)
})
