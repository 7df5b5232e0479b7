// The style chooser in Chromium, through the real web edition: from a
// keystroke in "Citation style" to the list of the 10,857 styles' best matches
// painted (the search runs in the host, as in the desktop app's main process);
// and the web edition's start with and without the packed repository.
// Figures go to bench/results/styles-chooser.json.
import { existsSync, renameSync } from 'node:fs'
import { loadavg } from 'node:os'
import { resolve } from 'node:path'
import { test, expect } from '../e2e/support/fixtures'
import { startWebEditionProcess } from '../e2e/support/web-edition'
import { saveFigures, stats } from './page-library'

const TYPED = ['psychoneuroendocrinology', '1873-3360', 'neuroscience', 'hormones and behavior', 'journal of neuro', 'vancouver']
const PACK = resolve(__dirname, '../out/main/csl')
const STARTS = 8

async function startTimes(): Promise<number[]> {
  const times: number[] = []
  for (let n = 0; n < STARTS; n++) {
    const began = performance.now()
    const app = await startWebEditionProcess({ NEUROREF_DATA_DIR: resolve(__dirname, '../test-results/bench-start') })
    times.push(performance.now() - began)
    await app.stop()
  }
  return times
}

test('style chooser: keystroke to painted list, and start time with the repository', async ({ page, app }) => {
  const loadBefore = loadavg()[0]
  await page.goto(app.url)
  await page.getByLabel('Import file').setInputFiles({
    name: 'one.bib',
    mimeType: 'text/plain',
    buffer: Buffer.from('@article{one,\n  title = {One paper},\n  author = {Benchmark, Ana},\n  year = {2026}\n}\n')
  })
  await expect(page.getByRole('status')).toContainText('1 added')
  await page.getByRole('button', { name: 'Export' }).click()
  const opened = performance.now()
  await page.getByRole('menuitem', { name: 'Bibliography…' }).click()
  const box = page.getByRole('combobox', { name: 'Citation style' })
  await expect(box).toBeEnabled({ timeout: 60_000 })
  const firstOpenMs = performance.now() - opened
  await box.click()

  const keystrokes: number[] = []
  for (const query of TYPED) {
    for (let n = 1; n <= query.length; n++) {
      keystrokes.push(
        await page.evaluate(
          typed =>
            new Promise<number>(done => {
              const input = document.querySelector('input[role="combobox"]') as HTMLInputElement
              const list = (): Element | null => document.querySelector('[role="listbox"][aria-label="Citation styles"]')
              const start = performance.now()
              // a list that never answers this keystroke is a failure, not a wait
              setTimeout(() => done(Number.NaN), 10_000)
              const painted = (): void => {
                requestAnimationFrame(() => setTimeout(() => done(performance.now() - start), 0))
              }
              const observer = new MutationObserver(() => {
                if (list()?.getAttribute('data-query') !== typed) return
                observer.disconnect()
                painted()
              })
              observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true })
              const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
              setter.call(input, typed)
              input.dispatchEvent(new Event('input', { bubbles: true }))
            }),
          query.slice(0, n)
        )
      )
    }
  }
  expect(keystrokes.filter(ms => Number.isNaN(ms))).toEqual([])
  await expect(page.getByRole('listbox', { name: 'Citation styles' }).getByRole('option').first()).toContainText('Vancouver')

  const withPack = await startTimes()
  renameSync(PACK, `${PACK}.off`)
  let withoutPack: number[]
  try {
    withoutPack = await startTimes()
  } finally {
    if (existsSync(`${PACK}.off`)) renameSync(`${PACK}.off`, PACK)
  }

  const figures = {
    date: new Date().toISOString(),
    load: [loadBefore, loadavg()[0]].map(value => +value.toFixed(2)),
    firstOpenMs: +firstOpenMs.toFixed(1),
    keystrokes: keystrokes.length,
    keystrokeToPaintedMs: stats(keystrokes),
    webEditionStartMs: { withRepository: stats(withPack), withoutRepository: stats(withoutPack) }
  }
  console.log(JSON.stringify(figures, null, 2))
  saveFigures('styles-chooser', figures)
})
