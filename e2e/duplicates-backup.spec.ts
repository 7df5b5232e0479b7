// Duplicates, backup and columns, as a researcher meets them: two copies of a
// paper from two managers' BibTeX files end up in the library (the first copy
// sat in the Trash while the second was imported, then came back), are merged
// with a chosen journal name; a look-alike pair is dismissed; the library is
// backed up, emptied and restored; the citation key column is shown and sorted.
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { test, expect } from './support/fixtures'

// Real papers, written as two reference managers export them: the first with
// full journal names, the second with abbreviations and title case.
const FIRST_FILE = `@article{Neumann2012,
  author = {Neumann, Inga D. and Landgraf, Rainer},
  title = {Balance of brain oxytocin and vasopressin: implications for anxiety, depression, and social behaviors},
  journal = {Trends in Neurosciences},
  year = {2012}, volume = {35}, number = {11}, pages = {649--659},
  keywords = {oxytocin}
}
@article{Koob2010,
  author = {Koob, George F. and Volkow, Nora D.},
  title = {Neurocircuitry of addiction},
  journal = {Neuropsychopharmacology},
  year = {2010}, volume = {35}, number = {1}, pages = {217--238}
}
`
const SECOND_FILE = `@article{neumann_balance_2012,
  author = {Neumann, Inga D. and Landgraf, Rainer},
  title = {Balance of {Brain} {Oxytocin} and {Vasopressin} - {Implications} for {Anxiety}, {Depression}, and {Social} {Behaviors}.},
  journal = {Trends Neurosci},
  year = {2012}, volume = {35}, number = {11}, pages = {649--659},
  keywords = {anxiety}
}
@inproceedings{koob_sfn_2010,
  author = {Koob, George F.},
  title = {Neurocircuitry of Addiction},
  booktitle = {Society for Neuroscience Annual Meeting},
  year = {2010}
}
`
const NEUMANN = 'Balance of brain oxytocin and vasopressin'

async function importBibtex(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel('Import file').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) })
  await expect(page.getByRole('status')).toContainText(`${name} (BibTeX, utf-8): 2 added.`)
}

test('merge duplicates, dismiss a look-alike, back up and restore, choose and sort columns', async ({ page, app }, testInfo) => {
  await page.goto(app.url)
  const library = page.getByRole('navigation', { name: 'Library' })
  const grid = page.getByRole('grid', { name: 'Items' })
  const rows = grid.getByRole('row').filter({ has: page.getByRole('gridcell') })
  const status = page.getByRole('status').first()
  const details = page.getByRole('region', { name: 'Item details' })

  // The first manager's copies go to the Trash, so the second file's copies are not recognised on import.
  await importBibtex(page, 'first.bib', FIRST_FILE)
  await grid.focus()
  await page.keyboard.press('Control+a')
  await page.keyboard.press('Delete')
  await expect(status).toContainText('Moved 2 items to the Trash.')
  await importBibtex(page, 'second.bib', SECOND_FILE)
  await library.getByRole('button', { name: /^Trash/ }).click()
  await grid.focus()
  await page.keyboard.press('Control+a')
  await page.getByRole('region', { name: 'Selection' }).getByRole('button', { name: 'Restore' }).click()
  await library.getByRole('button', { name: /^All items/ }).click()
  await expect(rows).toHaveCount(4)

  // The Duplicates view shows both pairs side by side, with the reason.
  await library.getByRole('button', { name: /^Duplicates/ }).click()
  const panel = page.getByRole('region', { name: 'Duplicate pairs' })
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('2 likely duplicate pairs')
  const neumannPair = panel.getByRole('listitem', { name: /^Pair: Balance of brain oxytocin/ })
  await expect(neumannPair).toContainText('Same title, year and first author')
  await expect(neumannPair.getByRole('article', { name: /^Older copy/ })).toContainText('Trends in Neurosciences')
  await expect(neumannPair.getByRole('article', { name: /^Newer copy/ })).toContainText('Trends Neurosci')

  // The conference abstract is a different work: dismissed, it stays dismissed.
  await panel.getByRole('listitem', { name: 'Pair: Neurocircuitry of addiction' }).getByRole('button', { name: 'Not duplicates' }).click()
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('1 likely duplicate pair')
  await expect(rows).toHaveCount(2)

  // Merge, keeping the second file's journal abbreviation.
  await neumannPair.getByRole('button', { name: 'Merge…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Merge duplicates' })
  const journal = dialog.getByRole('group', { name: 'Journal' })
  await expect(journal.getByRole('radio', { name: /^Trends in Neurosciences/ })).toBeChecked()
  await journal.getByRole('radio', { name: /^Trends Neurosci \(newer copy\)/ }).check()
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click()
  await expect(status).toContainText('Merged the two copies into one paper')
  await expect(panel).toHaveCount(0)
  await expect(page.getByText('No likely duplicates.')).toBeVisible()

  await library.getByRole('button', { name: /^All items/ }).click()
  await expect(rows).toHaveCount(3)
  const neumann = rows.filter({ hasText: NEUMANN })
  await expect(neumann).toHaveCount(1)
  await expect(neumann).toContainText('Trends Neurosci')
  await neumann.click()
  // Both copies' keywords are tags of the merged paper.
  const tags = details.getByRole('list', { name: 'Tags of this paper' }).getByRole('listitem')
  await expect(tags.filter({ hasText: /Keyword: oxytocin$/ })).toHaveCount(1)
  await expect(tags.filter({ hasText: /Keyword: anxiety$/ })).toHaveCount(1)

  // Something to lose: a collection and a note.
  await details.getByRole('textbox', { name: 'Note', exact: true }).fill('Read with the CRF review.')
  await expect(details.getByText('Note saved.')).toBeVisible()
  await page.getByRole('button', { name: 'New collection' }).click()
  await page.getByRole('textbox', { name: 'Name of the new collection' }).fill('Stress peptides')
  await page.getByRole('button', { name: 'Create' }).click()
  const tree = page.getByRole('tree', { name: 'Collections' })
  await expect(tree.getByRole('treeitem', { name: 'Stress peptides' })).toBeVisible()
  await library.getByRole('button', { name: /^All items/ }).click()
  await rows.filter({ hasText: NEUMANN }).click()
  await page.getByRole('button', { name: 'Add to collection' }).click()
  await page.getByRole('menuitem', { name: 'Stress peptides' }).click()
  await expect(status).toContainText('Added 1 paper to “Stress peptides”.')

  // Back up (a download in the web edition).
  await page.getByRole('button', { name: 'Settings' }).click()
  const settings = page.getByRole('dialog', { name: 'Settings' })
  const downloading = page.waitForEvent('download')
  await settings.getByRole('button', { name: 'Back up library' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^neuroref-library-\d{4}-\d{2}-\d{2}\.ndjson$/)
  const backupPath = testInfo.outputPath('backup.ndjson')
  await download.saveAs(backupPath)
  // lines of JSON: a header, one line per row, an end line with the counts
  const lines = readFileSync(backupPath, 'utf8').trimEnd().split('\n')
  expect(JSON.parse(lines[0])).toMatchObject({
    format: 'neuroref-library-backup',
    version: 3,
    layout: 'ndjson',
    counts: { items: 3, collections: 1, notes: 1 }
  })
  expect(lines.filter(line => line.startsWith('{"table":"items"'))).toHaveLength(3)
  expect(JSON.parse(lines[lines.length - 1])).toMatchObject({ end: true, counts: { items: 3, collections: 1, notes: 1 } })
  await expect(settings.getByRole('status')).toContainText('Backed up 3 papers, 1 collection, 1 note')

  // A file that is not a backup is refused and changes nothing.
  await settings.getByLabel('Restore library').setInputFiles({ name: 'second.bib', mimeType: 'text/plain', buffer: Buffer.from(SECOND_FILE) })
  await expect(settings.getByRole('alert')).toHaveText('second.bib is not a Neuroref library backup (it is not a JSON file). Nothing was changed.')
  await settings.getByRole('button', { name: 'Cancel' }).click()

  // Empty the library: delete the collection, trash every paper, empty the Trash.
  await tree.getByText('Stress peptides', { exact: true }).click()
  await page.getByRole('button', { name: 'Delete collection' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click()
  await expect(tree.getByRole('treeitem')).toHaveCount(0)
  await library.getByRole('button', { name: /^All items/ }).click()
  await grid.focus()
  await page.keyboard.press('Control+a')
  await page.keyboard.press('Delete')
  await library.getByRole('button', { name: /^Trash/ }).click()
  await page.getByRole('region', { name: 'Selection' }).getByRole('button', { name: 'Empty Trash' }).click()
  await page.getByRole('alertdialog', { name: 'Empty the Trash?' }).getByRole('button', { name: 'Empty Trash' }).click()
  await library.getByRole('button', { name: /^All items/ }).click()
  await expect(page.getByText('Your library is empty.')).toBeVisible()

  // Restore: it asks first, then everything is back.
  await page.getByRole('button', { name: 'Settings' }).click()
  await settings.getByLabel('Restore library').setInputFiles(backupPath)
  const ask = page.getByRole('alertdialog', { name: 'Restore library' })
  await expect(ask).toContainText('Replace the library with the backup from')
  await expect(ask).toContainText('It holds 3 papers, 1 collection, 1 note.')
  await ask.getByRole('button', { name: 'Replace library' }).click()
  await expect(settings.getByRole('status')).toContainText('Restored the library from the backup of')
  await settings.getByRole('button', { name: 'Cancel' }).click()
  await expect(rows).toHaveCount(3)
  await expect(tree.getByRole('treeitem', { name: 'Stress peptides' })).toBeVisible()
  await rows.filter({ hasText: NEUMANN }).click()
  await expect(details.getByRole('textbox', { name: 'Note', exact: true })).toHaveValue('Read with the CRF review.')
  // The dismissed pair stayed dismissed (settings came back too).
  await library.getByRole('button', { name: /^Duplicates/ }).click()
  await expect(page.getByText('No likely duplicates.')).toBeVisible()

  // Show the citation key column and sort by it.
  await library.getByRole('button', { name: /^All items/ }).click()
  await page.getByRole('button', { name: 'Columns' }).click()
  await page.getByRole('checkbox', { name: 'Citation key' }).check()
  await page.keyboard.press('Escape')
  const keyHeader = grid.getByRole('columnheader', { name: /Citation key/ })
  await keyHeader.getByRole('button').click()
  await expect(keyHeader).toHaveAttribute('aria-sort', 'ascending')
  const keyCells = rows.locator('.col-key')
  await expect(keyCells).toHaveText(['Koob2010', 'koob_sfn_2010', 'Neumann2012'])
  await keyHeader.getByRole('button').click()
  await expect(keyCells).toHaveText(['Neumann2012', 'koob_sfn_2010', 'Koob2010'])
  await page.reload()
  await expect(grid.getByRole('columnheader', { name: /Citation key/ })).toBeVisible()
})
