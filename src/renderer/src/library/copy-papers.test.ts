// Copying papers between two libraries (the researcher's own and a lab
// library): every field kept but the source library's collections and names.
import { afterEach, describe, expect, it } from 'vitest'
import { fixtureItems } from '../../../main/services/pubmed/fixture-items.test-support'
import { addRecordsToLibrary } from './add-paper'
import { addItemsToCollection, createCollection } from './collections'
import { copyPapers } from './copy-papers'
import { setRating } from './reading'
import { openLibrary } from './schema'
import { addTag, setTagColor } from './tags'

const mine = openLibrary(`copy-from-${Math.random()}`)
const lab = openLibrary(`copy-to-${Math.random()}`)
afterEach(async () => {
  await Promise.all([mine, lab].map(db => Promise.all(db.tables.map(t => t.clear()))))
})

describe('copy papers to another library', () => {
  it('keeps every field of a real PubMed record but its collections, and adds the tags it needs', async () => {
    const [record] = fixtureItems().map(
      ({ id: _i, titleWords: _w, year: _y, peptideTags: _p, tags: _t, collectionIds: _c, addedAt: _a, modifiedAt: _m, ...r }) => r
    )
    const [{ item }] = await addRecordsToLibrary(mine, [record])
    await addTag(mine, [item.id], 'to read')
    await setTagColor(mine, 'to read', '#c0392b')
    await setRating(mine, [item.id], 4)
    const collection = await createCollection(mine, 'Stress')
    await addItemsToCollection(mine, collection.id, [item.id])
    const original = (await mine.items.get(item.id))!
    await mine.items.update(item.id, { addedBy: 'wendy', editedBy: 'rex' })

    expect(await copyPapers(mine, lab, [item.id])).toEqual({ copied: 1, present: 0 })
    const copy = (await lab.items.get(item.id))!
    const { collectionIds: _c, ...fields } = original
    expect(copy).toEqual({ ...fields, collectionIds: [] })
    expect(copy.addedBy).toBeUndefined()
    expect((await lab.tags.get('to read'))?.color).toBe('#c0392b')
    expect(await lab.collections.count()).toBe(0)
    expect(await lab.changes.count()).toBeGreaterThan(0)
  })

  it('leaves a paper the other library already has as it is', async () => {
    const [{ item }] = await addRecordsToLibrary(mine, [{ csl: { type: 'article-journal', title: 'Orexin' }, doi: '10.1/orexin', sources: ['manual'] }])
    await addRecordsToLibrary(lab, [{ csl: { type: 'article-journal', title: 'Orexin (lab copy)' }, doi: '10.1/OREXIN', sources: ['manual'] }])
    expect(await copyPapers(mine, lab, [item.id])).toEqual({ copied: 0, present: 1 })
    expect((await lab.items.toArray()).map(i => i.csl.title)).toEqual(['Orexin (lab copy)'])
  })
})
