// Facets and the Dashboard on a small real library: two papers added by DOI
// (recorded Crossref works) and one by PMID (the recorded PubMed record of an
// oxytocin paper, so it carries MeSH headings and a peptide tag).
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { test, expect } from './support/fixtures'

const PLOS = { id: '10.1371/journal.pone.0033693', title: 'Methylphenidate Exposure Induces Dopamine Neuron Loss' }
const AGING = { id: '10.1016/j.neurobiolaging.2010.03.024', title: 'Human umbilical cord blood-derived mesenchymal stem cells' }
// e2e/fixtures/pubmed/efetch/metapub_38147649_oxytocin_vasopressin_social_fear.xml (see SOURCES.md there)
const PNAS = { id: '38147649', title: 'Social anxiety disorder-associated gut microbiota increases social fear' }

async function add(page: Page, paper: { id: string; title: string }): Promise<void> {
  await page.getByLabel('Add by identifier').fill(paper.id)
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(page.getByRole('grid', { name: 'Items' }).getByRole('row').filter({ hasText: paper.title })).toHaveCount(1)
}

test('facet counts follow the library; a year narrows the list; the Dashboard filters and exports', async ({ page, app, replay }) => {
  replay.addRoutes([{ method: 'POST', path: '/eutils/efetch.fcgi', file: 'pubmed/efetch/metapub_38147649_oxytocin_vasopressin_social_fear.xml' }])
  await page.goto(app.url)
  for (const paper of [PLOS, AGING, PNAS]) await add(page, paper)

  const items = page.getByRole('grid', { name: 'Items' })
  const rows = (title: string) => items.getByRole('row').filter({ hasText: title })
  const facets = page.getByRole('region', { name: 'Facets' })
  const journals = facets.getByRole('region', { name: 'Journal' })
  await expect(journals.getByRole('button', { name: /PLoS ONE\s*1/ })).toBeVisible()
  await expect(journals.getByRole('button', { name: /Neurobiology of Aging\s*1/ })).toBeVisible()
  await expect(journals.getByRole('button', { name: /Proceedings of the National Academy of Sciences.*\s1$/ })).toBeVisible()
  await expect(facets.getByRole('region', { name: 'Peptides' }).getByRole('button', { name: /Oxytocin\s*1/ })).toBeVisible()
  await expect(facets.getByRole('region', { name: 'Organism' }).getByRole('button', { name: /Mice\s*1/ })).toBeVisible()
  const years = facets.getByRole('region', { name: 'Year' })
  await expect(years.getByRole('button', { name: '2024: 1 paper' })).toBeVisible()

  // A year on the histogram goes into the search, and the list (and the counts) narrow to it.
  await years.getByRole('button', { name: '2012: 2 papers' }).click()
  await expect(page.getByLabel('Search library')).toHaveValue('year:2012')
  await expect(rows(PLOS.title)).toHaveCount(1)
  await expect(rows(AGING.title)).toHaveCount(1)
  await expect(rows(PNAS.title)).toHaveCount(0)
  await expect(journals.getByRole('button', { name: /Proceedings/ })).toHaveCount(0)
  await expect(years.getByRole('button', { name: '2012: 2 papers' })).toHaveAttribute('aria-pressed', 'true')

  // Dragging across the bars asks for a range of years, replacing the single year.
  const from = (await years.getByRole('button', { name: '2012: 2 papers' }).boundingBox())!
  const to = (await years.getByRole('button', { name: '2024: 1 paper' }).boundingBox())!
  await page.mouse.move(from.x + from.width / 2, from.y + from.height - 2)
  await page.mouse.down()
  await page.mouse.move(to.x + to.width / 2, to.y + to.height - 2, { steps: 5 })
  await page.mouse.up()
  await expect(page.getByLabel('Search library')).toHaveValue('year:2012-2024')
  await expect(rows(PNAS.title)).toHaveCount(1)
  await page.getByLabel('Search library').fill('')

  // The Dashboard: papers per year by peptide; a segment leads back to the list, filtered.
  await page.getByRole('button', { name: 'Dashboard' }).click()
  const perYear = page.getByRole('figure', { name: 'Papers per year by peptide' })
  const segment = perYear.getByRole('button', { name: 'Oxytocin, 2024: 1 paper' })
  await expect(segment).toBeVisible()
  await expect(page.getByRole('figure', { name: 'Citations by year of publication' })).toContainText('No citation data yet')

  // Export first (the plot is on screen), then click through.
  const downloading = page.waitForEvent('download')
  await perYear.getByRole('button', { name: 'Export SVG' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('papers-per-year-by-peptide.svg')
  const svg = await readFile((await download.path())!, 'utf8')
  expect(svg.startsWith('<svg')).toBe(true)
  expect(svg).toContain('Papers per year by peptide')
  expect(svg).toContain('Oxytocin')

  await segment.click()
  await expect(page.getByRole('button', { name: 'All items' })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByLabel('Search library')).toHaveValue('peptide:oxytocin year:2024')
  await expect(rows(PNAS.title)).toHaveCount(1)
  await expect(rows(PLOS.title)).toHaveCount(0)
  await expect(rows(AGING.title)).toHaveCount(0)
})

test('in a collection, a chosen year leaves its sub-collections’ other years on the histogram', async ({ page, app, replay }) => {
  replay.addRoutes([{ method: 'POST', path: '/eutils/efetch.fcgi', file: 'pubmed/efetch/metapub_38147649_oxytocin_vasopressin_social_fear.xml' }])
  await page.goto(app.url)
  for (const paper of [PLOS, PNAS]) await add(page, paper)
  const items = page.getByRole('grid', { name: 'Items' })
  const rows = (title: string) => items.getByRole('row').filter({ hasText: title })
  const tree = page.getByRole('tree', { name: 'Collections' })

  // "Social fear" holds the 2012 paper; its sub-collection "Oxytocin" the 2024 one.
  await page.getByRole('button', { name: 'New collection' }).click()
  await page.getByRole('textbox', { name: 'Name of the new collection' }).fill('Social fear')
  await page.getByRole('button', { name: 'Create' }).click()
  await page.getByRole('button', { name: 'New collection' }).click()
  await page.getByRole('textbox', { name: 'Name of the new sub-collection in “Social fear”' }).fill('Oxytocin')
  await page.getByRole('button', { name: 'Create' }).click()
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'All items' }).click()
  for (const [paper, collection] of [
    [PLOS, 'Social fear'],
    [PNAS, 'Oxytocin']
  ] as const) {
    await rows(paper.title).click()
    await page.getByRole('button', { name: 'Add to collection' }).click()
    await page.getByRole('menuitem', { name: collection, exact: true }).click()
    await expect(page.getByRole('status')).toContainText(`Added 1 paper to “${collection}”.`)
  }

  await tree.getByText('Social fear', { exact: true }).click()
  await expect(rows(PNAS.title)).toHaveCount(1) // the parent shows its sub-collection's paper
  const years = page.getByRole('region', { name: 'Facets' }).getByRole('region', { name: 'Year' })
  await expect(years.getByRole('button', { name: '2024: 1 paper' })).toBeVisible()
  await years.getByRole('button', { name: '2012: 1 paper' }).click()
  await expect(page.getByLabel('Search library')).toHaveValue('year:2012')
  await expect(rows(PNAS.title)).toHaveCount(0)
  // once the counts have followed the search (they wait for typing to pause)
  const facets = page.getByRole('region', { name: 'Facets' })
  await expect(facets.getByRole('region', { name: 'Journal' }).getByRole('button', { name: /Proceedings/ })).toHaveCount(0)
  // The other years stay on the histogram so another can be chosen: the sub-collection's 2024 paper among them.
  await expect(years.getByRole('button', { name: '2012: 1 paper' })).toHaveAttribute('aria-pressed', 'true')
  await expect(years.getByRole('button', { name: '2024: 1 paper' })).toBeVisible()
})
