// Manuscripts (issue 12): a 50-page manuscript (about 15,000 words in 200
// paragraphs) with 300 citations of 150 papers, formatted in APA and in
// Vancouver, then the APA copy re-formatted in Vancouver from its own fields;
// pandoc --citeproc formats the same manuscript, CSL-JSON and style files in
// the same run. Then a 100 MB document (images) is formatted to see that
// memory stays bounded: untouched parts are copied compressed, never inflated
// whole. Goals: each format < 3 s. Figures → bench/results/manuscript.json.
// Without NEUROREF_BENCH=1 (as part of `vitest run`) the manuscript is a fifth
// of that (60 citations of 30 papers) and the 100 MB document is 10 MB.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it, vi } from 'vitest'
import { citationKeys } from '@shared/export/bibtex'
import { cslRecords } from '@shared/export/csl-items'
import { formatManuscript, openManuscript } from '@shared/manuscript/manuscript'
import { makeDocx, para, partText, run, visibleText } from '@shared/manuscript/docx-package.test-support'
import { createSyntheticLibrary } from './synthetic-library'
import { longManuscript, longManuscriptParagraphs } from '../e2e/support/long-manuscript'

const FULL = process.env.NEUROREF_BENCH === '1'
const CITATIONS = FULL ? 300 : 60
const PAPERS = CITATIONS / 2
// citeproc builds APA's engine in seconds, more on a busy machine: a guard against hangs, not a speed test
vi.setConfig({ testTimeout: 600_000 })
const CSL_DIR = join(import.meta.dirname, '../resources/csl')
const figures: Record<string, number | string> = {}
const dir = mkdtempSync(join(tmpdir(), 'neuroref-bench-manuscript-'))

const { items: generated } = createSyntheticLibrary(PAPERS, 12)
const keys = citationKeys(generated)
const library = generated.map((item, i) => ({ ...item, citationKey: keys[i] }))
const { items: otherItems } = createSyntheticLibrary(20, 99)
const others = citationKeys(otherItems)
const otherLibrary = otherItems.map((item, i) => ({ ...item, citationKey: others[i] }))

function timed<T>(name: string, work: () => T): T {
  const start = performance.now()
  const result = work()
  figures[name] = Math.round(performance.now() - start)
  return result
}

function pandocMs(style: string): number {
  const start = performance.now()
  const out = spawnSync('pandoc', ['paper.md', '--citeproc', '--csl', join(CSL_DIR, style), '--bibliography', 'refs.json', '-o', `pandoc-${style}.docx`], {
    cwd: dir
  })
  if (out.status !== 0) throw new Error(`pandoc failed: ${out.stderr}`)
  return Math.round(performance.now() - start)
}

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
  figures.machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`
  figures.date = new Date().toISOString()
  console.log('manuscript benchmark', figures)
  if (FULL) {
    mkdirSync('bench/results', { recursive: true })
    writeFileSync('bench/results/manuscript.json', JSON.stringify(figures, null, 2))
  }
})

it('formats a 50-page manuscript with 300 citations of 150 papers in APA and Vancouver, re-formats it, and compares with pandoc', () => {
  // 200 paragraphs of ~75 words (a fifth without NEUROREF_BENCH); each paper cited twice, some with a locator or with a second paper
  const paragraphs = longManuscriptParagraphs(CITATIONS, PAPERS, paper => keys[paper])
  const docx = longManuscript(CITATIONS, PAPERS, paper => keys[paper])
  figures.citations = CITATIONS
  figures.papers = PAPERS
  // Another manuscript (other papers) formatted in a style between two measurements: the engine stays
  // warm but what it kept (registered papers, rendered citations and entries) no longer applies.
  const otherDoc = makeDocx(para(run(`One ${others.map(key => `[@${key}]`).join(' and ')}.`)))
  const elsewhere = (style: string) => formatManuscript(openManuscript(otherDoc, 'Other.docx'), otherLibrary, style)
  // the first use of a style builds its citeproc engine (APA: the largest style): measured apart
  const apa = timed('apa first run ms', () => formatManuscript(openManuscript(docx, 'Paper.docx'), library, 'apa'))
  elsewhere('apa')
  timed('apa ms', () => formatManuscript(openManuscript(docx, 'Paper.docx'), library, 'apa'))
  timed('apa again, same papers ms', () => formatManuscript(openManuscript(docx, 'Paper.docx'), library, 'apa'))
  timed('vancouver first run ms', () => formatManuscript(openManuscript(docx, 'Paper.docx'), library, 'vancouver-nlm'))
  elsewhere('vancouver-nlm')
  const vancouver = timed('vancouver ms', () => formatManuscript(openManuscript(docx, 'Paper.docx'), library, 'vancouver-nlm'))
  elsewhere('vancouver-nlm')
  const reformatted = timed('re-format APA → Vancouver ms', () => formatManuscript(openManuscript(apa.bytes, apa.fileName), [], 'vancouver-nlm'))
  expect(apa.citations).toBe(CITATIONS)
  expect(apa.papers).toBe(PAPERS)
  const text = visibleText(partText(reformatted.bytes, 'word/document.xml'))
  expect(text).toBe(visibleText(partText(vancouver.bytes, 'word/document.xml')))
  expect(text).not.toContain('[@')

  writeFileSync(join(dir, 'refs.json'), JSON.stringify(cslRecords(library)))
  writeFileSync(join(dir, 'paper.md'), `${paragraphs.join('\n\n')}\n`)
  figures['pandoc --citeproc apa ms'] = pandocMs('apa.csl')
  figures['pandoc --citeproc nlm ms'] = pandocMs('nlm-citation-sequence.csl')
})

it('formats a document with 100 MB of images without inflating them, and reports peak memory', () => {
  const megabytes = FULL ? 100 : 10
  const path = join(dir, 'figures.docx')
  // written by another process, so this one's peak memory counts only reading and formatting
  const made = spawnSync(process.execPath, [join(import.meta.dirname, 'make-large-docx.mjs'), path, String(megabytes), keys[0]])
  expect(made.status).toBe(0)
  const docx = new Uint8Array(readFileSync(path))
  const rssBefore = process.resourceUsage().maxRSS
  const rssNow = process.memoryUsage().rss
  const out = timed(`${megabytes} MB document ms`, () => formatManuscript(openManuscript(docx, 'Figures.docx'), library, 'apa'))
  figures[`${megabytes} MB document size MB`] = Math.round(docx.length / 1e6)
  figures[`${megabytes} MB document RSS before MB`] = Math.round(rssNow / 1e6)
  figures[`${megabytes} MB document peak RSS growth MB`] = Math.round((process.resourceUsage().maxRSS - rssBefore) / 1024)
  expect(out.bytes.length).toBeGreaterThan(docx.length * 0.99)
  expect(visibleText(partText(out.bytes, 'word/document.xml'))).toMatch(/^Figure text \(/)
})
