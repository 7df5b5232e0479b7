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

// An imported file's papers are written by the import's writer worker with their peptide tags as one string
// (src/renderer/src/library/peptide-tags-stored.ts); the item pane reads the row and shows them as the tagger made them.
const VOLES_BIB = `@article{voles2019,
  title = {Oxytocin receptors and vasopressin in prairie voles},
  author = {Young, Larry J.},
  journal = {Hormones and Behavior},
  year = {2019},
  keywords = {pair bonding, orexin},
  abstract = {Dynorphin signalling in the nucleus accumbens shapes partner preference.}
}
`

test('a paper from an imported .bib shows its peptide tags, receptor and evidence, also after a reload', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByLabel('Import file').setInputFiles({ name: 'voles.bib', mimeType: 'text/plain', buffer: Buffer.from(VOLES_BIB) })
  await expect(page.getByRole('status')).toContainText('voles.bib (BibTeX, utf-8): 1 added.')
  const peptides = page.getByRole('region', { name: 'Item details' }).getByRole('region', { name: 'Peptides and evidence' })
  for (const round of ['imported', 'reloaded']) {
    if (round === 'reloaded') await page.reload()
    await page.getByRole('grid', { name: 'Items' }).getByRole('row').filter({ hasText: 'prairie voles' }).click()
    await expect(peptides.getByRole('listitem', { name: /^Peptide / }), round).toHaveCount(4)
    const oxytocin = peptides.getByRole('listitem', { name: 'Peptide Oxytocin' })
    await expect(oxytocin, round).toContainText('Oxytocin (Oxytocin receptor) · oxytocin/vasopressin')
    await expect(oxytocin.getByRole('list', { name: 'Evidence for Oxytocin' }).getByRole('listitem'), round).toHaveText(['title: Oxytocin receptors'])
    for (const [peptide, evidence] of [
      ['Orexins / hypocretins', 'keyword: orexin'],
      ['Vasopressin', 'title: vasopressin'],
      ['Dynorphins', 'abstract: Dynorphin']
    ])
      await expect(peptides.getByRole('list', { name: `Evidence for ${peptide}` }).getByRole('listitem'), round).toHaveText([evidence])
  }
})
