// A paper's note: one per paper, saved as typed, found by "Search library",
// gone with the paper when the Trash is emptied. Real record: PMID 25744111.
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { readBibliographyFile } from '@shared/import'
import { LibraryStore } from '../store/library-store'
import { openLibrary, type NeurorefDb } from './schema'
import { addRecordToLibrary } from './add-paper'
import { noteOf, saveNote } from './notes'
import { emptyTrashRecords, moveToTrash } from './trash'

const NAME = 'zotero_nbib_25744111_doi_pii.nbib'
let db: NeurorefDb
let id: string

beforeEach(async () => {
  db = openLibrary(`notes-${Math.random()}`)
  const bytes = readFileSync(`${import.meta.dirname}/../../../../e2e/fixtures/pubmed/medline_nbib/${NAME}`)
  id = (await addRecordToLibrary(db, readBibliographyFile(bytes, NAME).records[0])).item.id
})
afterEach(() => db?.delete())

describe('notes', () => {
  it('are one per paper: later saves update it', async () => {
    const first = await saveNote(db, id, 'Compare with **oxytocin** work')
    const second = await saveNote(db, id, 'Compare with **oxytocin** work in rats')
    expect(second?.id).toBe(first?.id)
    expect(await db.notes.where('itemId').equals(id).count()).toBe(1)
    expect((await noteOf(db, id))?.text).toBe('Compare with **oxytocin** work in rats')
  })

  it('are removed when emptied', async () => {
    await saveNote(db, id, 'temporary')
    expect(await saveNote(db, id, '  ')).toBeUndefined()
    expect(await noteOf(db, id)).toBeUndefined()
  })

  it('make the paper findable by their words in "Search library"', async () => {
    const store = new LibraryStore(db)
    await store.load()
    expect(store.index.search('hippocampus')).toEqual([])
    await saveNote(db, id, 'Ask about the hippocampus data')
    // the store re-reads after the write's hook fires, which may come a tick after commit
    await vi.waitFor(async () => {
      await store.settled()
      expect(store.index.search('hippocampus')).toEqual([id])
    })
  })

  it('leave with their paper when the Trash is emptied', async () => {
    await saveNote(db, id, 'gone soon')
    await moveToTrash(db, [id])
    await emptyTrashRecords(db)
    expect(await db.notes.count()).toBe(0)
  })
})
