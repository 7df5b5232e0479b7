// Auto-export in the web edition: bind the library to a .bib file in a temp
// folder, see Neuroref write it, edit a title and see the file follow within
// about two seconds, restart and find the binding still there; a path in a
// missing folder is refused with a clear message.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from './support/fixtures'
import { replayEnvironment } from './replay/recorded'
import { startWebEditionProcess } from './support/web-edition'

// Recorded real Crossref response (e2e/fixtures/crossref/works/, see SOURCES.md).
const DOI = '10.1016/j.neurobiolaging.2010.03.024'
const TITLE = 'Human umbilical cord blood-derived mesenchymal stem cells improve neuropathology'
const EDITED = 'Cord blood cells ease neuropathology, retitled by hand'

const readIfThere = (file: string): string => {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return ''
  }
}

async function openAutoExport(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  return { dialog, section: dialog.getByRole('region', { name: 'Auto-export' }) }
}

test('a .bib file follows the library, survives a restart, and a missing folder is refused', async ({ page, replay }) => {
  const root = mkdtempSync(path.join(tmpdir(), 'neuroref-e2e-autoexport-'))
  const dataDir = path.join(root, 'data')
  const manuscript = path.join(root, 'manuscript')
  mkdirSync(manuscript)
  const bib = path.join(manuscript, 'references.bib')
  const env = { ...replayEnvironment(replay.url), NEUROREF_DATA_DIR: dataDir }
  let app = await startWebEditionProcess(env)
  try {
    await page.goto(app.url)
    await page.getByLabel('Add by identifier').fill(DOI)
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    const row = page.getByRole('grid', { name: 'Items' }).getByRole('row').filter({ hasText: TITLE })
    await expect(row).toHaveCount(1)

    const { dialog, section } = await openAutoExport(page)
    await section.getByLabel('.bib file path').fill(bib)
    await section.getByRole('button', { name: 'Add auto-export' }).click()
    const entry = section.getByRole('list', { name: 'Auto-export files' }).getByRole('listitem')
    await expect(entry).toHaveCount(1)
    await expect(entry).toContainText(bib)
    await expect(entry).toContainText('Whole library')
    await expect(entry).toContainText('Last written')
    await expect.poll(() => readIfThere(bib)).toMatch(/@article\{lee2012\w+,/)
    expect(readIfThere(bib)).toMatch(/umbilical cord blood-derived mesenchymal stem cells improve neuropathology/)
    await dialog.getByRole('button', { name: 'Cancel' }).click()

    // Edit the title: the file has it within about two seconds (1 s debounce + write).
    await row.click()
    const details = page.getByRole('region', { name: 'Item details' })
    await details.getByRole('button', { name: 'Edit' }).click()
    const form = details.getByRole('form', { name: 'Edit paper' })
    await form.getByLabel('Title').fill(EDITED)
    await form.getByRole('button', { name: 'Save' }).click()
    await expect(details.getByRole('heading', { level: 2 })).toHaveText(EDITED)
    const saved = Date.now()
    await expect.poll(() => readIfThere(bib), { timeout: 2_500, intervals: [100] }).toContain('blood cells ease neuropathology, retitled by hand')
    console.log(`auto-export rewrote the file ${Date.now() - saved} ms after the edit was saved`)
    expect(readIfThere(bib)).not.toContain('umbilical cord')
    // atomic writes leave no temp file beside the target
    expect(readdirSync(manuscript)).toEqual(['references.bib'])

    // Restart on the same port (the library belongs to the origin): the binding is still there.
    await app.stop()
    app = await startWebEditionProcess({ ...env, NEUROREF_PORT: String(app.port) })
    await page.goto(app.url)
    await expect(page.getByRole('grid', { name: 'Items' }).getByRole('row').filter({ hasText: EDITED })).toHaveCount(1)
    const again = await openAutoExport(page)
    const listed = again.section.getByRole('list', { name: 'Auto-export files' }).getByRole('listitem')
    await expect(listed).toHaveCount(1)
    await expect(listed).toContainText(bib)
    await expect(listed).toContainText('Last written')

    // A path in a folder that does not exist: a clear error, no new binding.
    await again.section.getByLabel('.bib file path').fill(path.join(root, 'missing', 'refs.bib'))
    await again.section.getByRole('button', { name: 'Add auto-export' }).click()
    await expect(again.section.getByRole('alert')).toContainText(`The folder ${path.join(root, 'missing')} does not exist`)
    await expect(listed).toHaveCount(1)
    // A relative path or another extension is refused too.
    await again.section.getByLabel('.bib file path').fill('references.txt')
    await again.section.getByRole('button', { name: 'Add auto-export' }).click()
    await expect(again.section.getByRole('alert')).toContainText('full path')
    await expect(listed).toHaveCount(1)
  } finally {
    await app.stop()
    rmSync(root, { recursive: true, force: true })
  }
})

test('an existing .bib is replaced only after the researcher confirms it by name, and a copy is kept', async ({ page, replay }) => {
  const root = mkdtempSync(path.join(tmpdir(), 'neuroref-e2e-takeover-'))
  const thesis = path.join(root, 'thesis.bib')
  const handMade = '@book{koob2008, title = {Neurobiology of Addiction}, note = {typed by hand}}\n'
  writeFileSync(thesis, handMade)
  const app = await startWebEditionProcess({ ...replayEnvironment(replay.url), NEUROREF_DATA_DIR: path.join(root, 'data') })
  try {
    await page.goto(app.url)
    await page.getByLabel('Add by identifier').fill(DOI)
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(page.getByRole('grid', { name: 'Items' }).getByRole('row').filter({ hasText: TITLE })).toHaveCount(1)

    const { section } = await openAutoExport(page)
    await section.getByLabel('.bib file path').fill(thesis)
    await section.getByRole('button', { name: 'Add auto-export' }).click()
    const ask = section.getByRole('alertdialog', { name: 'Replace an existing file?' })
    await expect(ask).toContainText(`${thesis} already exists`)
    await expect(ask).toContainText('kept beside it as thesis.bib.bak')
    // Nothing is written while the question is open.
    await page.waitForTimeout(2_500)
    expect(readFileSync(thesis, 'utf8')).toBe(handMade)
    await expect(section.getByRole('list', { name: 'Auto-export files' })).toHaveCount(0)

    await ask.getByRole('button', { name: 'Replace thesis.bib' }).click()
    await expect(section.getByRole('list', { name: 'Auto-export files' }).getByRole('listitem')).toContainText('Last written')
    await expect.poll(() => readIfThere(thesis)).toMatch(/@article\{lee2012\w+,/)
    expect(readFileSync(`${thesis}.bak`, 'utf8')).toBe(handMade)
  } finally {
    await app.stop()
    rmSync(root, { recursive: true, force: true })
  }
})
