// Tagging is made faster now and then (bench/RESULTS-peptides.md), and must
// give the same tags, evidence and receptors, in the same order. Each record
// below is tagged and its tags kept as a digest in tags-kept.json, written by
// the tagger as it was before the last such change: the labelled records
// (title, abstract, keywords, MeSH headings, substances), every fixture file
// and generated text read as a paper (a title, the text as its abstract,
// keywords, and MeSH headings of the vocabulary and others, with a UI or not).
// The vocabulary changing changes the tags: write the file again then
// (npx vitest run -u src/shared/peptides/tags-kept.test.ts).
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import type { MeshHeading, ReferenceRecord } from '../model'
import { createPeptideMatcher } from './match'
import { fixtureTexts, generatedText, labelledItems, labelledRecord, seeded } from './texts.test-support'
import { parsePeptideVocab, type PeptideVocab } from './vocab'

const here = import.meta.dirname
const vocab = parsePeptideVocab(JSON.parse(fs.readFileSync(path.join(here, '../../../resources/vocab/neuropeptides.json'), 'utf8')))
const heading = (descriptor: string, ui?: string): MeshHeading => ({ descriptor, ui, majorTopic: false, qualifiers: [] })

/** A text as a paper: its start as the title, all of it as the abstract, pieces of it as keywords, and some MeSH headings. */
function paperOf(text: string, seed: number, vocab: PeptideVocab): ReferenceRecord {
  const random = seeded(seed)
  const refs = vocab.entries.flatMap(e => e.mesh)
  const mesh = Array.from({ length: 1 + random(8) }, () => {
    const ref = refs[random(refs.length)]
    const written = [ref.name, ref.name.toLowerCase(), ref.name.toUpperCase(), 'Humans', 'Neurons', 'Rats, Wistar'][random(6)]
    return heading(written, random(2) === 0 ? (ref.ui ?? undefined) : undefined)
  })
  const keywords = text.split(/[;\n]/).slice(random(5), 8 + random(8))
  return { csl: { type: 'article-journal', title: text.slice(0, 40 + random(300)), abstract: text }, keywords, mesh, sources: ['manual'] }
}

const records: [string, ReferenceRecord][] = [
  ...labelledItems().map((item): [string, ReferenceRecord] => [`labelled ${item.id}`, labelledRecord(item)]),
  ...fixtureTexts().map(({ name, text }, n): [string, ReferenceRecord] => [`fixture ${name}`, paperOf(text, n + 1, vocab)]),
  ...Array.from({ length: 40 }, (_, seed): [string, ReferenceRecord] => [
    `generated ${seed + 1}`,
    paperOf(generatedText(vocab, seed + 1, 2_000), seed + 1, vocab)
  ])
]

it('gives every labelled record, fixture file and generated text the tags it gave before', async () => {
  const matcher = createPeptideMatcher(vocab)
  const digests: Record<string, string> = {}
  let tags = 0
  for (const [name, record] of records) {
    const found = matcher.tag(record)
    tags += found.length
    digests[name] = `${found.length} tags ${createHash('sha256').update(JSON.stringify(found)).digest('hex').slice(0, 16)}`
  }
  // the records do name peptides: the digests are not of empty lists
  expect(tags).toBeGreaterThan(2_000)
  await expect(`${JSON.stringify(digests, null, 1)}\n`).toMatchFileSnapshot('tags-kept.json')
})
