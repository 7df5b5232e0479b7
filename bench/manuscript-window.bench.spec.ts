// The window while a 50-page manuscript (300 citations of 150 papers) is
// formatted in APA, in Chromium through the real web edition: the main
// thread's long tasks (over 50 ms, PerformanceObserver 'longtask') from the
// click on "Format and save a copy" to the download — their count, the
// longest and their sum — and the click-to-download time. Twice: the first
// time builds APA's engine, the second uses it warm. Figures go to
// bench/results/manuscript-window.json.
import { loadavg } from 'node:os'
import type { Page } from '@playwright/test'
import { test, expect } from '../e2e/support/fixtures'
import { longLibraryBibtex, longManuscript } from '../e2e/support/long-manuscript'
import { saveFigures } from './page-library'

async function formatOnce(page: Page, docx: Uint8Array): Promise<{ longTasks: number; longestMs: number; blockedMs: number; clickToDownloadMs: number }> {
  await page.getByRole('button', { name: 'Manuscript' }).click()
  await page.getByRole('menuitem', { name: 'Format manuscript…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Format manuscript' })
  await dialog.getByLabel('Manuscript document').setInputFiles({ name: 'Thesis.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(docx) })
  await expect(dialog.getByRole('status')).toHaveText('Thesis.docx: 300 citations of 150 papers, all found.', { timeout: 60_000 })
  await dialog.getByLabel('Citation style').selectOption({ label: 'APA 7th edition' })
  await page.evaluate(() => {
    const tasks: number[] = []
    Object.assign(window, { benchTasks: tasks })
    new PerformanceObserver(list => list.getEntries().forEach(entry => tasks.push(entry.duration))).observe({ type: 'longtask' })
  })
  const downloading = page.waitForEvent('download', { timeout: 120_000 })
  const start = Date.now()
  await dialog.getByRole('button', { name: 'Format and save a copy' }).click()
  await downloading
  const clickToDownloadMs = Date.now() - start
  // the last long task may still be reported after the download
  await page.waitForTimeout(200)
  const tasks = await page.evaluate(() => (window as unknown as { benchTasks: number[] }).benchTasks)
  return {
    longTasks: tasks.length,
    longestMs: Math.round(Math.max(0, ...tasks)),
    blockedMs: Math.round(tasks.reduce((sum, t) => sum + t, 0)),
    clickToDownloadMs
  }
}

test('the window while a 50-page manuscript is formatted in APA', async ({ page, app }) => {
  test.setTimeout(10 * 60_000)
  await page.goto(app.url)
  await page.getByLabel('Import file').setInputFiles({ name: 'library.bib', mimeType: 'text/plain', buffer: Buffer.from(longLibraryBibtex(150)) })
  await expect(page.getByRole('status')).toContainText('150 added', { timeout: 60_000 })
  const docx = longManuscript(300, 150)
  const loadBefore = loadavg()[0]
  const first = await formatOnce(page, docx)
  const second = await formatOnce(page, docx)
  const figures = { first, second, loadAverage: [loadBefore, loadavg()[0]].map(l => +l.toFixed(1)), date: new Date().toISOString() }
  console.log('manuscript window benchmark', JSON.stringify(figures))
  saveFigures('manuscript-window', figures)
})
