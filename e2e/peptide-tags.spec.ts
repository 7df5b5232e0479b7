// Issue 7 "Done when": a paper about oxytocin is tagged Oxytocin at import,
// with the evidence shown in the item pane, and a peptide tag the researcher
// removes stays removed after a reload and after adding the paper again.
// The seed paper (10.3390/ijms22052372, Ferrer-Pérez 2021) has no recording
// anywhere (e2e/fixtures/pubmed/SOURCES.md); PMID 38147649 is the nearest
// recorded neuropeptide paper: MeSH Oxytocin, "oxytocin" in its abstract.
import type { Page } from '@playwright/test'
import { test, expect } from './support/fixtures'

const SOCIAL_FEAR = { pmid: '38147649', title: 'Social anxiety disorder-associated gut microbiota increases social fear.' }

async function addByIdentifier(page: Page, text: string): Promise<void> {
  await page.getByLabel('Add by identifier').fill(text)
  await page.getByRole('button', { name: 'Add', exact: true }).click()
}

async function openPaper(page: Page): Promise<void> {
  await page.getByRole('grid', { name: 'Items' }).getByRole('row').filter({ hasText: SOCIAL_FEAR.title }).click()
}

test('PMID 38147649 is tagged Oxytocin with its evidence; a removed peptide tag stays removed', async ({ page, app }) => {
  await page.goto(app.url)
  await addByIdentifier(page, SOCIAL_FEAR.pmid)
  await expect(page.getByRole('status')).toContainText(`Added: ${SOCIAL_FEAR.title}`)
  await openPaper(page)

  const details = page.getByRole('region', { name: 'Item details' })
  const tags = details.getByRole('region', { name: 'Tags', exact: true })
  const cloud = tags.getByRole('list', { name: 'Tags of this paper' })
  await expect(cloud.getByRole('listitem').filter({ hasText: 'Peptide: Oxytocin' })).toHaveCount(1)
  const peptides = tags.getByRole('region', { name: 'Peptides and evidence' })
  const oxytocin = peptides.getByRole('listitem', { name: 'Peptide Oxytocin' })
  await expect(oxytocin).toContainText('oxytocin/vasopressin')
  await expect(oxytocin.getByRole('list', { name: 'Evidence for Oxytocin' }).getByRole('listitem')).toHaveText(['MeSH: Oxytocin', 'abstract: oxytocin'])

  await oxytocin.getByRole('button', { name: 'Remove peptide tag “Oxytocin”' }).click()
  await expect(page.getByRole('status')).toContainText('Removed the peptide tag “Oxytocin” from this paper.')
  await expect(oxytocin).toHaveCount(0)
  await expect(cloud.getByRole('listitem').filter({ hasText: 'Peptide: Oxytocin' })).toHaveCount(0)
  await expect(peptides).toContainText('Removed by you: Oxytocin')

  await page.reload()
  await openPaper(page)
  await expect(cloud.getByRole('listitem').filter({ hasText: 'Peptide: Oxytocin' })).toHaveCount(0)
  await expect(peptides).toContainText('Removed by you: Oxytocin')

  await addByIdentifier(page, SOCIAL_FEAR.pmid)
  await expect(page.getByRole('status')).toContainText(`Already in library: ${SOCIAL_FEAR.title}`)
  await expect(page.getByRole('grid', { name: 'Items' }).getByRole('row')).toHaveCount(2)
  await openPaper(page)
  await expect(cloud.getByRole('listitem').filter({ hasText: 'Peptide: Oxytocin' })).toHaveCount(0)
  await expect(peptides.getByRole('listitem', { name: 'Peptide Oxytocin' })).toHaveCount(0)

  // Given back, it shows again with its evidence.
  await peptides.getByRole('button', { name: 'Restore peptide tag “Oxytocin”' }).click()
  await expect(cloud.getByRole('listitem').filter({ hasText: 'Peptide: Oxytocin' })).toHaveCount(1)
  await expect(oxytocin.getByRole('listitem')).toHaveText(['MeSH: Oxytocin', 'abstract: oxytocin'])
})
