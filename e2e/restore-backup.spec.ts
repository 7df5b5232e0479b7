// Restore library, as a researcher meets it in the web edition (issue 11,
// item 1): a damaged backup is refused with a sentence naming the bad row and
// the library is unchanged after a reload; a good backup replaces the
// library, and "Undo restore" puts the previous one back — after a reload too.
// Backups are lines of JSON (issue 11, item 4); a backup of version 1 (one
// JSON object) still restores.
import { readFileSync } from 'node:fs'
import { BAD_INPUTS, badInputPath } from './support/bad-input-corpus'
import { test, expect } from './support/fixtures'

const TWO_PAPERS = `@article{Huber2005,
  author = {Huber, Daniel and Veinante, Pierre and Stoop, Ron},
  title = {Vasopressin and oxytocin excite distinct neuronal populations in the central amygdala},
  journal = {Science}, year = {2005}
}
@article{Koob2010,
  author = {Koob, George F. and Volkow, Nora D.},
  title = {Neurocircuitry of addiction},
  journal = {Neuropsychopharmacology}, year = {2010}
}
`
const THIRD_PAPER = `@article{Neumann2012,
  author = {Neumann, Inga D. and Landgraf, Rainer},
  title = {Balance of brain oxytocin and vasopressin: implications for anxiety, depression, and social behaviors},
  journal = {Trends in Neurosciences}, year = {2012}
}
`

test('a damaged backup changes nothing; a good one can be undone', async ({ page, app }, testInfo) => {
  await page.goto(app.url)
  const grid = page.getByRole('grid', { name: 'Items' })
  const rows = grid.getByRole('row').filter({ has: page.getByRole('gridcell') })
  const footer = page.locator('footer .status-line')
  const settings = page.getByRole('dialog', { name: 'Settings' })
  const openSettings = () => page.getByRole('button', { name: 'Settings' }).click()

  await page.getByLabel('Import file').setInputFiles({ name: 'two.bib', mimeType: 'text/plain', buffer: Buffer.from(TWO_PAPERS) })
  await expect(footer).toContainText('two.bib (BibTeX, utf-8): 2 added.')
  await expect(rows).toHaveCount(2)

  await openSettings()
  const downloading = page.waitForEvent('download')
  await settings.getByRole('button', { name: 'Back up library' }).click()
  const backupPath = testInfo.outputPath('backup.ndjson')
  await (await downloading).saveAs(backupPath)
  await expect(settings.getByRole('status')).toContainText('Backed up 2 papers')

  // Damaged backups: refused before anything is written, with the first bad row named.
  for (const input of BAD_INPUTS.filter(i => i.kind === 'restore-backup' && i.ui)) {
    await settings.getByLabel('Restore library').setInputFiles({ name: input.file, mimeType: 'application/json', buffer: readFileSync(badInputPath(input)) })
    await expect(settings.getByRole('alert')).toHaveText(input.told)
    await expect(page.getByRole('alertdialog', { name: 'Restore library' })).toHaveCount(0)
  }
  await page.reload()
  await expect(rows).toHaveCount(2)
  await expect(rows.filter({ hasText: 'Neurocircuitry of addiction' })).toHaveCount(1)

  // A third paper, then the good backup (two papers) replaces the library.
  await page.getByLabel('Import file').setInputFiles({ name: 'third.bib', mimeType: 'text/plain', buffer: Buffer.from(THIRD_PAPER) })
  await expect(rows).toHaveCount(3)
  await openSettings()
  await settings.getByLabel('Restore library').setInputFiles(backupPath)
  const ask = page.getByRole('alertdialog', { name: 'Restore library' })
  await expect(ask).toContainText('A copy of it is kept first, so Undo restore can put it back.')
  await ask.getByRole('button', { name: 'Replace library' }).click()
  await expect(settings.getByRole('status')).toContainText('Restored the library from the backup of')
  await expect(settings.getByText(/The library as it was before the restore .* \(3 papers, taken .*\) is kept in this app’s browser storage/)).toBeVisible()
  await settings.getByRole('button', { name: 'Cancel' }).click()
  await expect(rows).toHaveCount(2)
  await expect(rows.filter({ hasText: 'Balance of brain oxytocin' })).toHaveCount(0)

  // Undo restore, from the notification: the three papers are back, and stay back after a reload.
  await expect(footer).toContainText('The library before it was kept.')
  await footer.getByRole('button', { name: 'Undo restore' }).click()
  await expect(footer).toContainText('Put back the library as it was before the restore (3 papers, taken')
  await expect(rows).toHaveCount(3)
  await page.reload()
  await expect(rows).toHaveCount(3)
  await expect(rows.filter({ hasText: 'Balance of brain oxytocin' })).toHaveCount(1)
  // The copy was used: Settings no longer offers to undo.
  await openSettings()
  await expect(settings.getByRole('button', { name: 'Back up library' })).toBeVisible()
  await expect(settings.getByRole('button', { name: 'Undo restore' })).toHaveCount(0)

  // Once more, undone from Settings → Library backup this time (it asks first).
  await settings.getByLabel('Restore library').setInputFiles(backupPath)
  await ask.getByRole('button', { name: 'Replace library' }).click()
  await expect(settings.getByRole('status')).toContainText('Restored the library from the backup of')
  await settings.getByRole('button', { name: 'Undo restore' }).click()
  await page.getByRole('alertdialog', { name: 'Undo restore' }).getByRole('button', { name: 'Put back the library' }).click()
  await expect(settings.getByRole('status')).toContainText('Put back the library as it was before the restore (3 papers')
  await settings.getByRole('button', { name: 'Cancel' }).click()
  await page.reload()
  await expect(rows).toHaveCount(3)

  // A backup of version 1, as Neuroref wrote them before: one JSON object.
  const paper = JSON.parse(readFileSync(backupPath, 'utf8').split('\n')[1]) as { table: string; row: Record<string, unknown> }
  const version1 = { format: 'neuroref-library-backup', version: 1, createdAt: '2025-03-04T10:00:00.000Z', schemaVersion: 3, tables: { items: [paper.row] } }
  await openSettings()
  await settings.getByLabel('Restore library').setInputFiles({ name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(version1)) })
  await expect(ask).toContainText('It holds 1 paper, 0 collections, 0 notes.')
  await ask.getByRole('button', { name: 'Replace library' }).click()
  await expect(settings.getByRole('status')).toContainText('Restored the library from the backup of')
  await settings.getByRole('button', { name: 'Cancel' }).click()
  await expect(rows).toHaveCount(1)
})
