// How long the parse step of Import file takes on each file of the bad-input
// corpus (e2e/fixtures/bad-input/README.md), and the process's peak memory
// after all of them. Figures only (bench/results/bad-input.json); what each
// file must produce is asserted in src/renderer/src/features/import/bad-input.test.ts.
// With NEUROREF_BENCH=1 only: the corpus already runs once in `npm test`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { afterAll, expect, it } from 'vitest'
import { BAD_INPUTS, badInputPath } from '../e2e/support/bad-input-corpus'
import { readBibliographyFile } from '@shared/import'

const FULL = process.env.NEUROREF_BENCH === '1'
const figures: Record<string, number> = {}
const files = [...new Set(BAD_INPUTS.filter(i => i.kind === 'import-file').map(i => i.file))].map(file => BAD_INPUTS.find(i => i.file === file)!)

it.skipIf(!FULL)('reads every import-file case of the bad-input corpus (runs with npm run bench)', () => {
  readBibliographyFile(new TextEncoder().encode('@article{warm, title = {Warm up}}'), 'warm.bib')
  for (const input of files) {
    const bytes = new Uint8Array(readFileSync(badInputPath(input)))
    const start = performance.now()
    try {
      readBibliographyFile(bytes, input.file)
    } catch {
      // refused with a sentence: that is the expected outcome for some
    }
    figures[`${input.file}Ms`] = Math.round(performance.now() - start)
  }
  figures.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024)
  expect(Object.keys(figures)).toHaveLength(files.length + 1)
})

afterAll(() => {
  if (!FULL) return
  const result = {
    date: new Date().toISOString().slice(0, 10),
    machine: `${cpus().length} cores, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.versions.node}`,
    ...figures
  }
  console.log('bad-input benchmark:', JSON.stringify(result, null, 2))
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true })
  writeFileSync(new URL('./results/bad-input.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`)
})
