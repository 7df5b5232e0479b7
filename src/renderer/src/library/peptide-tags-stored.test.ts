// An import's rows hold each paper's peptide tags as one string; every read of
// the library gives the same tags back, field for field, as the list they were.
import { beforeAll, expect, it } from 'vitest'
import { readBibliographyFile } from '@shared/import'
import type { Item, PeptideTag } from '@shared/model'
import { labelledItems, labelledRecord } from '@shared/peptides/texts.test-support'
import { syntheticFile } from '../../../../bench/synthetic-files'
import { toItem } from './add-paper'
import { everyPage } from './library-pages'
import { loadPeptideTagger, peptideTagsOf } from './peptide-tagger'
import { peptideTagsStored, storedPeptideTags } from './peptide-tags-stored'
import { openLibrary } from './schema'
import { spreadAsAnnounced, storedPapers } from './stored-papers.test-support'
import { writeUnannounced } from './unfinished-import'

// papers made here are tagged at once: the tagger loads first (peptide-tagger.ts)
beforeAll(loadPeptideTagger)

/** The tags of every record of the labelled set (PubMed, Crossref and DOI records, with MeSH) and of the benchmarks' synthetic .bib. */
function tagLists(): PeptideTag[][] {
  const { records } = readBibliographyFile(new TextEncoder().encode(syntheticFile('bib', 300)), 'synthetic.bib')
  return [...labelledItems().map(labelledRecord), ...records].map(record => peptideTagsOf(record)).filter(tags => tags.length)
}

const tag = (more: Partial<PeptideTag>): PeptideTag => ({
  peptide: 'Oxytocin',
  family: 'oxytocin/vasopressin',
  evidence: [{ source: 'title', text: 'OT' }],
  ...more
})

it('gives back the tags of every labelled record and synthetic paper as they were made, in the same order and field order', () => {
  const lists = tagLists()
  expect(lists.length).toBeGreaterThan(300)
  for (const field of ['receptor', 'family'] as const)
    expect(
      lists.some(tags => tags.some(t => t[field])),
      field
    ).toBe(true)
  expect(lists.some(tags => tags.some(t => t.evidence.some(e => e.source === 'mesh')))).toBe(true)
  for (const peptideTags of lists) {
    const stored = storedPeptideTags(peptideTags)
    expect(typeof stored).toBe('string')
    // compared as text: a field out of its place fails
    expect(JSON.stringify(peptideTagsStored(stored))).toBe(JSON.stringify(peptideTags))
  }
})

it('keeps as the list what the string could not give back the same', () => {
  const kept: PeptideTag[][] = [
    [],
    [tag({ evidence: [{ source: 'abstract', text: 'oxy\ttocin' }] })],
    [tag({}), tag({ peptide: 'Vasopressin', evidence: [{ source: 'keyword', text: 'AVP\nV1a' }] })],
    [tag({ family: '' })],
    [tag({ receptor: '' })],
    [tag({ peptide: 'Oxy\ntocin' })]
  ]
  for (const tags of kept) expect(storedPeptideTags(tags)).toBe(tags)
  const plain = [
    tag({ family: undefined, receptor: 'Oxytocin receptor, V1a receptor', evidence: [] }),
    tag({ evidence: (['mesh', 'keyword', 'title', 'abstract'] as const).map(source => ({ source, text: `β-endorphin “${source}” 10%` })) })
  ]
  expect(typeof storedPeptideTags(plain)).toBe('string')
  expect(peptideTagsStored(storedPeptideTags(plain))).toEqual(plain)
})

it('reads a paper an import wrote, its tags as the string, back with its tags as the list, however it is read', async () => {
  const db = openLibrary(`stored-tags-${Math.random()}`)
  const { records } = readBibliographyFile(new TextEncoder().encode(syntheticFile('bib', 20)), 'synthetic.bib')
  const papers = records.map(record => toItem(record, 1_000))
  expect(papers.filter(paper => paper.peptideTags?.length).length).toBeGreaterThan(10)
  const rows = papers.map(paper => ({ ...paper, peptideTags: storedPeptideTags(paper.peptideTags!) }))
  await writeUnannounced(db, { importId: 'i', number: 0, items: rows })
  const { id } = papers[0]
  const byId = new Map(papers.map(paper => [paper.id, paper.peptideTags]))
  const readBack = async () => {
    expect((await db.items.get(id))?.peptideTags).toEqual(papers[0].peptideTags)
    expect((await db.items.bulkGet(papers.map(paper => paper.id))).map(item => item?.peptideTags)).toEqual(papers.map(paper => paper.peptideTags))
    for (const item of await db.items.toArray()) expect(item.peptideTags).toEqual(byId.get(item.id))
    for (const item of await db.items.where('addedAt').equals(1_000).toArray()) expect(item.peptideTags).toEqual(byId.get(item.id))
    await db.items.each(item => expect(item.peptideTags).toEqual(byId.get(item.id)))
    // what a backup and the copy kept before a restore read
    for await (const page of everyPage(db)) if (page.table === 'items') for (const row of page.rows as Item[]) expect(row.peptideTags).toEqual(byId.get(row.id))
  }
  // the import's group holds the string, and so does the row it is spread into
  expect(typeof (await storedPapers(db.name)).get(id)?.peptideTags).toBe('string')
  await readBack()
  await spreadAsAnnounced(db)
  expect(await db.paperGroups.count()).toBe(0)
  expect(typeof (await storedPapers(db.name)).get(id)?.peptideTags).toBe('string')
  await readBack()
  await db.delete()
})
