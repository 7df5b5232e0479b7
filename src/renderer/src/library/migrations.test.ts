// Each schema version is a Dexie upgrade, tested from data written by the
// version before it.
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { openLibrary, SCHEMA_V1 } from './schema'

describe('schema migrations', () => {
  it('v1 → v2 keeps every item, note and collection and adds the PubMed-search and full-text tables', async () => {
    const name = `migrate-${Math.random()}`
    const v1 = new Dexie(name)
    v1.version(1).stores(SCHEMA_V1)
    await v1.table('items').add({
      id: 'a',
      csl: { type: 'article-journal', title: 'Oxytocin and stress' },
      titleWords: ['oxytocin', 'stress'],
      year: 2021,
      tags: ['mine'],
      collectionIds: ['c1'],
      addedAt: 1,
      modifiedAt: 2,
      sources: ['pubmed'],
      pmid: '33673448'
    })
    await v1.table('collections').add({ id: 'c1', name: 'Stress', createdAt: 1 })
    await v1.table('notes').add({ id: 'n1', itemId: 'a', text: 'read again', createdAt: 1, modifiedAt: 1 })
    v1.close()

    const v2 = openLibrary(name)
    await v2.open()
    expect(v2.verno).toBe(2)
    const item = await v2.items.get('a')
    expect(item).toMatchObject({ tags: ['mine'], collectionIds: ['c1'], pmid: '33673448', peptideTags: [] })
    expect(await v2.items.where('pmid').equals('33673448').count()).toBe(1)
    expect(await v2.collections.get('c1')).toMatchObject({ name: 'Stress' })
    expect(await v2.notes.get('n1')).toMatchObject({ text: 'read again' })
    await v2.pubmedSearches.add({ id: 's', name: 'OT', query: 'oxytocin', createdAt: 1, checkFrom: '2026/01/01', newPmids: [] })
    await v2.fullTexts.add({ attachmentId: 'x', itemId: 'a', pages: ['p1'], hasTextLayer: true, extractedAt: 1 })
    expect(await v2.fullTexts.where('itemId').equals('a').count()).toBe(1)
    await v2.delete()
  })
})
