// "Search library" with and without "Include full text": the store follows
// full text written to the database, answers queries with PDF pages included
// or not, and says on which page a hit stands. The page text comes from a
// real article (e2e/fixtures/pdf/articles/hindawi_rrp_2010_157939.pdf,
// extracted with pdf.js in main).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { extractPdfText } from '../../../main/services/pdf/extract-text'
import { openLibrary, type NeurorefDb } from '../library/schema'
import { addRecordToLibrary } from '../library/add-paper'
import { emptyTrash, moveToTrash } from '../library/trash'
import { LibraryStore } from './library-store'
import { attachStoredFile, attachmentsWithoutText, saveFullText } from '../library/attachments'

const HINDAWI = path.resolve(import.meta.dirname, '../../../../e2e/fixtures/pdf/articles/hindawi_rrp_2010_157939.pdf')
const FILE = { hash: 'a'.repeat(64), size: 493_322, fileName: 'tully.pdf', existed: false }

let db: NeurorefDb
afterEach(() => db?.delete())

async function libraryWithPdf() {
  db = openLibrary(`fulltext-${Math.random()}`)
  const store = new LibraryStore(db)
  await store.load()
  const { item } = await addRecordToLibrary(db, { csl: { type: 'article-journal', title: 'Oxytocin and pair bonding' }, doi: '10.1/ot', sources: ['crossref'] })
  const { record } = await attachStoredFile(db, item.id, FILE)
  const text = await extractPdfText(new Uint8Array(readFileSync(HINDAWI)), { maxPages: 10 })
  await saveFullText(db, record, text)
  await store.settled()
  return { store, item, record }
}

describe('full-text search', () => {
  it('finds a paper by a word only its PDF holds, and not when full text is excluded', async () => {
    const { store, item } = await libraryWithPdf()
    expect(store.search('semistructured', true)).toEqual([item.id])
    expect(store.search('semistructured', false)).toEqual([])
    // Fields still count, and an excluded word found in the PDF excludes the paper.
    expect(store.search('oxytocin', true)).toEqual([item.id])
    expect(store.search('oxytocin -semistructured', true)).toEqual([])
    expect(store.search('oxytocin -semistructured', false)).toEqual([item.id])
  })

  it('tells on which pages the words stand', async () => {
    const { store, item, record } = await libraryWithPdf()
    const hits = store.fullText.pagesMatching(item.id, 'comprehensive programmes')
    expect(hits[0]).toEqual({ attachmentId: record.id, page: 2 })
    expect(store.fullText.pagesMatching(item.id, 'nosuchwordanywhere')).toEqual([])
  })

  it('attaches a file once per item, and forgets text and files when the Trash is emptied', async () => {
    const { store, item, record } = await libraryWithPdf()
    expect((await attachStoredFile(db, item.id, FILE)).added).toBe(false)
    expect(await attachmentsWithoutText(db)).toEqual([])
    const { item: other } = await addRecordToLibrary(db, { csl: { type: 'article-journal', title: 'Vasopressin' }, doi: '10.1/avp', sources: ['crossref'] })
    await attachStoredFile(db, other.id, { ...FILE, hash: 'b'.repeat(64) })
    expect((await attachmentsWithoutText(db)).map(a => a.itemId)).toEqual([other.id])

    await moveToTrash(db, [item.id])
    const asked: string[][] = []
    const outcome = await emptyTrash(db, {
      'attachments.remove': async ({ hashes }) => (asked.push(hashes), { ok: true, value: { removed: hashes.length } })
    })
    await store.settled()
    expect(outcome).toEqual({ deleted: 1, filesRemoved: 1 })
    expect(asked).toEqual([[FILE.hash]])
    expect(await db.fullTexts.get(record.id)).toBeUndefined()
    expect(store.search('semistructured', true)).toEqual([])
  })
})
