// Read status and star rating, on a real PubMed record (PMID 25744111).
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readBibliographyFile } from '@shared/import'
import { openLibrary, type NeurorefDb } from './schema'
import { addRecordToLibrary } from './add-paper'
import { setRating, setReadStatus } from './reading'

const NAME = 'zotero_nbib_25744111_doi_pii.nbib'
let db: NeurorefDb
let id: string

beforeEach(async () => {
  db = openLibrary(`reading-${Math.random()}`)
  const bytes = readFileSync(`${import.meta.dirname}/../../../../e2e/fixtures/pubmed/medline_nbib/${NAME}`)
  id = (await addRecordToLibrary(db, readBibliographyFile(bytes, NAME).records[0])).item.id
})
afterEach(() => db?.delete())

describe('read status and rating', () => {
  it('are stored; a rating of 0 clears it', async () => {
    expect((await db.items.get(id))?.readStatus).toBe('unread')
    await setReadStatus(db, [id], 'reading')
    await setRating(db, [id], 4)
    expect(await db.items.get(id)).toMatchObject({ readStatus: 'reading', rating: 4 })
    await setRating(db, [id], 0)
    expect((await db.items.get(id))?.rating).toBeUndefined()
    await expect(setRating(db, [id], 6)).rejects.toThrow('A rating is 0 to 5 stars.')
  })
})
