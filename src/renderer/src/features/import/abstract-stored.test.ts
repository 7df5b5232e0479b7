// An import's rows (as the writer worker makes them) hold each paper's abstract as its UTF-8 bytes; every read of
// the library gives the same abstract back as the text it was.
import { beforeAll, expect, it } from 'vitest'
import { readBibliographyFile } from '@shared/import'
import type { Item } from '@shared/model'
import { syntheticFile } from '../../../../../bench/synthetic-files'
import { WriterReceiver, WriterSender } from './items-wire'
import { PapersSender } from './papers-for-window'
import { toItem } from '../../library/add-paper'
import { everyPage } from '../../library/library-pages'
import { loadPeptideTagger } from '../../library/peptide-tagger'
import { openLibrary } from '../../library/schema'
import { spreadAsAnnounced, storedPapers } from '../../library/stored-papers.test-support'
import { writeUnannounced } from '../../library/unfinished-import'

// papers made here are tagged at once: the tagger loads first (peptide-tagger.ts)
beforeAll(loadPeptideTagger)

it('reads a paper an import wrote, its abstract as bytes, back with its abstract as the text, however it is read', async () => {
  const db = openLibrary(`stored-abstracts-${Math.random()}`)
  const { records } = readBibliographyFile(new TextEncoder().encode(syntheticFile('bib', 20)), 'synthetic.bib')
  const papers: Item[] = records.map(record => toItem(record, 1_000))
  papers.push(
    toItem({ csl: { type: 'article-journal', title: 'A lone surrogate', abstract: 'Oxytocin \ud800 and trust.' }, sources: ['file'] }, 1_000),
    toItem({ csl: { type: 'article-journal', title: 'No abstract' }, sources: ['file'] }, 1_000)
  )
  expect(papers.filter(paper => /[^\x00-\xff]/.test(paper.csl.abstract ?? '')).length).toBeGreaterThan(5)
  // as the writer worker has them from the reader's message
  const rows = new WriterReceiver().papers(structuredClone(new WriterSender().forWriter(papers, new PapersSender().onTheWay(papers))))
  await writeUnannounced(db, { importId: 'i', number: 0, items: rows })
  const byId = new Map(papers.map(paper => [paper.id, paper.csl.abstract]))
  const readBack = async () => {
    expect((await db.items.get(papers[0].id))?.csl.abstract).toBe(papers[0].csl.abstract)
    expect((await db.items.bulkGet(papers.map(paper => paper.id))).map(item => item?.csl.abstract)).toEqual(papers.map(paper => paper.csl.abstract))
    for (const item of await db.items.toArray()) expect(item.csl.abstract).toBe(byId.get(item.id))
    for (const item of await db.items.where('addedAt').equals(1_000).toArray()) expect(item.csl.abstract).toBe(byId.get(item.id))
    await db.items.each(item => expect(item.csl.abstract).toBe(byId.get(item.id)))
    // what a backup and the copy kept before a restore read
    for await (const page of everyPage(db)) if (page.table === 'items') for (const row of page.rows as Item[]) expect(row.csl.abstract).toBe(byId.get(row.id))
  }
  // the import's group holds the bytes (the text where it is not well-formed), and so does the row it is spread into
  const storedAsWritten = async () => {
    const stored = await storedPapers(db.name)
    const abstract = stored.get(papers[0].id)!.csl.abstract as unknown as Uint8Array
    expect(ArrayBuffer.isView(abstract)).toBe(true)
    expect(abstract.byteLength).toBeLessThan(2 * papers[0].csl.abstract!.length)
    expect(stored.get(papers[20].id)?.csl.abstract).toBe('Oxytocin \ud800 and trust.')
  }
  await storedAsWritten()
  await readBack()
  await spreadAsAnnounced(db)
  expect(await db.paperGroups.count()).toBe(0)
  await storedAsWritten()
  await readBack()
  await db.delete()
})
