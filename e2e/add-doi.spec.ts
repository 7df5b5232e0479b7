// The first real flow: add a paper by DOI, see it, reload, restart, still
// there, export it as BibTeX; failures are explained and store nothing.
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { test, expect } from './support/fixtures'
import { replayEnvironment } from './replay/recorded'
import { closedPort, startWebEditionProcess } from './support/web-edition'

// Recorded real Crossref response (e2e/fixtures/crossref/works/, see SOURCES.md).
// No public recording of the seed paper 10.3390/ijms22052372 exists (pubmed/SOURCES.md),
// so the flow uses a recorded neuroscience paper instead.
const DOI = '10.1016/j.neurobiolaging.2010.03.024'
const TITLE = 'Human umbilical cord blood-derived mesenchymal stem cells improve neuropathology'

async function addByIdentifier(page: Page, text: string): Promise<void> {
  await page.getByLabel('Add by identifier').fill(text)
  await page.getByRole('button', { name: 'Add', exact: true }).click()
}

test('a DOI becomes a library item that survives reload and restart, and exports as BibTeX', async ({ page, app, replay }) => {
  await page.goto(app.url)
  await addByIdentifier(page, `https://doi.org/${DOI.toUpperCase()}`)

  const items = page.getByRole('grid', { name: 'Items' })
  const row = items.getByRole('row').filter({ hasText: TITLE })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('Lee et al.')
  await expect(row).toContainText('2012')
  await expect(row).toContainText('Neurobiology of Aging')
  expect(replay.requests.some(r => r.path === `/crossref/works/${DOI}` && r.query.mailto === 'e2e@neuroref.test')).toBe(true)

  const details = page.getByRole('region', { name: 'Item details' })
  await expect(details).toContainText(TITLE)
  await expect(details).toContainText(DOI)

  await page.reload()
  await expect(items.getByRole('row').filter({ hasText: TITLE })).toHaveCount(1)

  // Restart the web edition on the same port: the library lives with the origin.
  await app.stop()
  const again = await startWebEditionProcess({ ...replayEnvironment(replay.url), NEUROREF_PORT: String(app.port) })
  try {
    await page.goto(again.url)
    await expect(items.getByRole('row').filter({ hasText: TITLE })).toHaveCount(1)

    // Adding the same paper again does not duplicate it.
    await addByIdentifier(page, `doi:${DOI}`)
    await expect(page.getByRole('status')).toContainText('Already in library')
    await expect(items.getByRole('row').filter({ hasText: TITLE })).toHaveCount(1)

    await items.getByRole('row').filter({ hasText: TITLE }).click()
    await page.getByRole('button', { name: 'Export' }).click()
    const downloading = page.waitForEvent('download')
    await page.getByRole('menuitem', { name: 'BibTeX' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/\.bib$/)
    const bib = await readFile((await download.path())!, 'utf8')
    expect(bib).toMatch(/@article\{lee2012\w+,/)
    expect(bib).toMatch(/author\s*=\s*\{Lee, Hyun Ju and /)
    expect(bib).toMatch(/title\s*=\s*\{\{?Human\}? umbilical cord blood-derived/)
    expect(bib).toMatch(/journal\s*=\s*\{Neurobiology of \{?Aging\}?\}/)
    expect(bib).toMatch(/year\s*=\s*\{?2012\}?/)
    expect(bib).toMatch(/volume\s*=\s*\{33\}/)
    expect(bib).toMatch(/number\s*=\s*\{3\}/)
    expect(bib).toMatch(/pages\s*=\s*\{588--602\}/)
    expect(bib).toMatch(/doi\s*=\s*\{10\.1016\/j\.neurobiolaging\.2010\.03\.024\}/)
  } finally {
    await again.stop()
  }
})

test('an unknown DOI is reported as not found and adds nothing', async ({ page, app }) => {
  await page.goto(app.url)
  await addByIdentifier(page, '10.9999/no-such-paper.2024')
  await expect(page.getByRole('alert')).toContainText(/not found|No paper/i)
  await expect(page.getByText('Your library is empty.')).toBeVisible()
})

test('offline: a clear message and nothing stored', async ({ page, replay }) => {
  const deadUrl = replay.url.replace(/:\d+/, `:${await closedPort()}`)
  const app = await startWebEditionProcess(replayEnvironment(deadUrl))
  try {
    await page.goto(app.url)
    await addByIdentifier(page, DOI)
    await expect(page.getByRole('alert')).toContainText(/internet connection|offline|could not reach/i, { timeout: 30_000 })
    await expect(page.getByText('Your library is empty.')).toBeVisible()
  } finally {
    await app.stop()
  }
})

test('the API refuses calls without the token or from another site', async ({ app, request }) => {
  const noToken = await request.post(`${app.origin}/api/app.info`, { data: null })
  expect(noToken.status()).toBe(401)
  const wrongToken = await request.post(`${app.origin}/api/app.info`, { data: null, headers: { 'X-Neuroref-Token': 'nope' } })
  expect(wrongToken.status()).toBe(401)
  const foreign = await request.post(`${app.origin}/api/app.info`, {
    data: null,
    headers: { 'X-Neuroref-Token': app.token, Origin: 'http://evil.example' }
  })
  expect(foreign.status()).toBe(403)
  const rebound = await request.post(`${app.origin}/api/app.info`, {
    data: null,
    headers: { 'X-Neuroref-Token': app.token, Host: `evil.example:${app.port}` }
  })
  expect(rebound.status()).toBe(403)
  const good = await request.post(`${app.origin}/api/app.info`, { data: null, headers: { 'X-Neuroref-Token': app.token } })
  expect(good.status()).toBe(200)
  expect(await good.json()).toEqual({ ok: true, value: { name: 'Neuroref', version: expect.any(String), edition: 'web', contactFromEnvironment: true } })
})
