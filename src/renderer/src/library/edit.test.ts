// Hand edits on a real PubMed record (PMID 25744111, e2e/fixtures/pubmed/SOURCES.md):
// what changes, what is remembered as edited, and Undo.
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Item, ReferenceRecord } from '@shared/model'
import { readBibliographyFile } from '@shared/import'
import { openLibrary, type NeurorefDb } from './schema'
import { addRecordToLibrary } from './add-paper'
import { formOf, restoreVersions, saveEdit } from './edit'
import { emptyTrashRecords, moveToTrash } from './trash'

const NAME = 'zotero_nbib_25744111_doi_pii.nbib'
let db: NeurorefDb
let record: ReferenceRecord
let item: Item

beforeEach(async () => {
  db = openLibrary(`edit-${Math.random()}`)
  const bytes = readFileSync(`${import.meta.dirname}/../../../../e2e/fixtures/pubmed/medline_nbib/${NAME}`)
  record = readBibliographyFile(bytes, NAME).records[0]
  item = (await addRecordToLibrary(db, record)).item
})
afterEach(() => db?.delete())

describe('the Edit form', () => {
  it('shows the paper as the researcher reads it', () => {
    const form = formOf(item)
    expect(form.title).toBe('Effectiveness of public health practices against shaken baby syndrome/abusive head trauma in Japan.')
    expect(form.authors.split('\n')[0]).toBe('Fujiwara, T')
    expect(form).toMatchObject({ year: '2015', volume: '129', issue: '5', pages: '475-482', doi: '10.1016/j.puhe.2015.01.018' })
    expect(form.abstract).toMatch(/^OBJECTIVES: Previous studies/)
  })
})

describe('saving an edit', () => {
  it('changes only the fields that differ, remembers them and updates the indexes', async () => {
    const form = { ...formOf(item), title: 'Shaken baby syndrome prevention in Japan', year: '2016', doi: 'https://doi.org/10.1016/J.PUHE.2015.01.099' }
    const saved = await saveEdit(db, item.id, form)
    expect(saved?.changed).toEqual(['title', 'issued', 'DOI', 'doi'])
    const stored = (await db.items.get(item.id))!
    expect(stored.csl.title).toBe('Shaken baby syndrome prevention in Japan')
    // no title words: nothing reads them
    expect(stored).not.toHaveProperty('titleWords')
    expect(stored.year).toBe(2016)
    expect(stored.doiKey).toBe('10.1016/j.puhe.2015.01.099')
    expect(stored.csl.author).toEqual(item.csl.author)
    expect(stored.editedFields).toEqual(['title', 'issued', 'DOI', 'doi'])
    expect(stored.modifiedAt).toBeGreaterThanOrEqual(item.modifiedAt)
  })

  it('reads authors as "Family, Given" lines; a line without a comma is an institution', async () => {
    const form = { ...formOf(item), authors: 'Fujiwara, T\nNeuropeptide Study Group\n  Miñarro,  José ' }
    await saveEdit(db, item.id, form)
    const stored = (await db.items.get(item.id))!
    expect(stored.csl.author).toEqual([item.csl.author![0], { literal: 'Neuropeptide Study Group' }, { family: 'Miñarro', given: 'José' }])
    expect(stored.authorDetails).toBeUndefined()
  })

  it('is kept when the same paper is imported again', async () => {
    await saveEdit(db, item.id, { ...formOf(item), title: 'My corrected title', journal: '' })
    const again = await addRecordToLibrary(db, record)
    expect(again.status).toBe('existing')
    const stored = (await db.items.get(item.id))!
    expect(stored.csl.title).toBe('My corrected title')
    expect(stored.csl['container-title']).toBeUndefined()
  })

  it('replaces a structured abstract with the typed text', async () => {
    await saveEdit(db, item.id, { ...formOf(item), abstract: 'A short abstract.' })
    const stored = (await db.items.get(item.id))!
    expect(stored.csl.abstract).toBe('A short abstract.')
    expect(stored.abstractSections).toEqual([])
    expect(formOf(stored).abstract).toBe('A short abstract.')
  })

  it('refuses a year or DOI that is not one, and stores nothing', async () => {
    await expect(saveEdit(db, item.id, { ...formOf(item), year: '15' })).rejects.toThrow('The year must be four digits, such as 2021.')
    await expect(saveEdit(db, item.id, { ...formOf(item), doi: 'not a doi' })).rejects.toThrow(/is not a DOI/)
    expect(await db.items.get(item.id)).toEqual(item)
  })

  it('does nothing when nothing changed', async () => {
    expect(await saveEdit(db, item.id, formOf(item))).toBeNull()
    expect(await db.items.get(item.id)).toEqual(item)
  })
})

describe('undo', () => {
  it('writes the previous version back', async () => {
    const saved = await saveEdit(db, item.id, { ...formOf(item), title: 'Oops' })
    expect(await restoreVersions(db, [saved!.before])).toBe(1)
    expect(await db.items.get(item.id)).toEqual(item)
  })

  it('never brings back a paper deleted from the Trash since', async () => {
    const saved = await saveEdit(db, item.id, { ...formOf(item), title: 'Oops' })
    await moveToTrash(db, [item.id])
    await emptyTrashRecords(db)
    expect(await restoreVersions(db, [saved!.before])).toBe(0)
    expect(await db.items.count()).toBe(0)
  })
})
