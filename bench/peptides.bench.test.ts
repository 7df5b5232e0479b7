// How fast peptide tags are found: every labelled fixture record (title,
// abstract, keywords, MeSH, substances) tagged over and over for two seconds.
// A figure for bench/RESULTS-peptides.md, never a timed assertion in a test.
import fs from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import type { ReferenceRecord } from '@shared/model'
import { createPeptideMatcher } from '@shared/peptides/match'
import { parsePeptideVocab } from '@shared/peptides/vocab'

interface LabelledItem {
  title?: string
  abstract?: string
  keywords?: string[]
  mesh?: { descriptor: string; ui?: string }[]
  chemicals?: { name: string; ui?: string }[]
}

const root = path.join(import.meta.dirname, '..')
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'))

it('peptide tagging: items per second', () => {
  const built = performance.now()
  const matcher = createPeptideMatcher(parsePeptideVocab(read('resources/vocab/neuropeptides.json')))
  const buildMs = performance.now() - built
  const items: ReferenceRecord[] = (read('src/shared/peptides/labelled-set.json').items as LabelledItem[]).map(it => ({
    csl: { type: 'article-journal', title: it.title, abstract: it.abstract },
    keywords: it.keywords,
    mesh: it.mesh?.map(m => ({ descriptor: m.descriptor, ui: m.ui, majorTopic: false, qualifiers: [] })),
    chemicals: it.chemicals,
    sources: ['pubmed']
  }))
  let tagged = 0
  let tags = 0
  const started = performance.now()
  const used = process.cpuUsage()
  while (performance.now() - started < 2000)
    for (const item of items) {
      tags += matcher.tag(item).length
      tagged++
    }
  const perSecond = Math.round(tagged / ((performance.now() - started) / 1000))
  // this process's CPU time as well: on a shared machine the wall clock counts the other processes' turns
  const { user, system } = process.cpuUsage(used)
  const perCpuSecond = Math.round(tagged / ((user + system) / 1e6))
  console.log(
    `peptide tags: matcher built in ${buildMs.toFixed(0)} ms; ${perSecond} items a second (${perCpuSecond} a CPU second) over ${items.length} labelled records`
  )
  fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true })
  fs.writeFileSync(
    path.join(root, 'bench/results/peptides.json'),
    JSON.stringify({ date: new Date().toISOString(), buildMs, perSecond, perCpuSecond }, null, 2)
  )
  expect(tags).toBeGreaterThan(0) // the matcher found peptides, so the figure measures real work
})
