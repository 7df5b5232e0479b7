// Each schema version is a Dexie upgrade, tested from data written by the
// version before it.
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import type { StoredItem } from './row-read'
import { openLibrary, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8, SCHEMA_V9 } from './schema'

describe('schema migrations', () => {
  it('v1 → v6 keeps every item, note and collection and adds the PubMed-search and full-text tables', async () => {
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
    expect(v2.verno).toBe(10)
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

  it('v2 → v6 keeps every row and adds an empty change log that numbers from 1', async () => {
    const name = `migrate-${Math.random()}`
    const v2 = new Dexie(name)
    v2.version(1).stores(SCHEMA_V1)
    v2.version(2).stores(SCHEMA_V2)
    await v2.table('items').add({
      id: 'a',
      csl: { type: 'article-journal', title: 'Orexin' },
      titleWords: ['orexin'],
      tags: [],
      collectionIds: [],
      addedAt: 1,
      modifiedAt: 1,
      peptideTags: []
    })
    await v2.table('pubmedSearches').add({ id: 's', name: 'OT', query: 'oxytocin', createdAt: 1, checkFrom: '2026/01/01', newPmids: ['1'] })
    await v2.table('fullTexts').add({ attachmentId: 'x', itemId: 'a', pages: ['p1'], hasTextLayer: true, extractedAt: 1 })
    v2.close()

    const v3 = openLibrary(name)
    await v3.open()
    expect(v3.verno).toBe(10)
    expect(await v3.items.get('a')).toMatchObject({ csl: { title: 'Orexin' } })
    expect(await v3.pubmedSearches.get('s')).toMatchObject({ newPmids: ['1'] })
    expect(await v3.fullTexts.count()).toBe(1)
    expect(await v3.changes.count()).toBe(0)
    await v3.changes.add({ kind: 'item', change: 'changed', ids: ['a'], time: 5 })
    expect((await v3.changes.toArray()).map(e => e.seq)).toEqual([1])
    await v3.delete()
  })

  /** what the v5 and v6 papers below share: tagged "mine", added at 1, modified at 2 */
  const minePaper = { tags: ['mine'], collectionIds: [], addedAt: 1, modifiedAt: 2, sources: ['file'], peptideTags: [] }

  it('v5 → v6 keeps every paper with its title words and finds it by its identifiers, tags and year, without a title-word index', async () => {
    const name = `migrate-${Math.random()}`
    const v5 = new Dexie(name)
    ;[SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5].forEach((stores, n) => v5.version(n + 1).stores(stores))
    await v5.table('items').add({
      id: 'a',
      csl: { type: 'article-journal', title: 'Oxytocin and social defeat' },
      titleWords: ['oxytocin', 'social', 'defeat'],
      year: 2021,
      doiKey: '10.1000/ot',
      ...minePaper
    })
    expect(await v5.table('items').where('titleWords').equals('defeat').count()).toBe(1)
    v5.close()

    const v6 = openLibrary(name)
    await v6.open()
    expect(v6.verno).toBe(10)
    expect(await v6.items.get('a')).toMatchObject({ titleWords: ['oxytocin', 'social', 'defeat'], tags: ['mine'] })
    expect(await v6.items.where('doiKey').equals('10.1000/ot').count()).toBe(1)
    expect(await v6.items.where('tags').equals('mine').count()).toBe(1)
    expect(await v6.items.where('year').equals(2021).count()).toBe(1)
    expect(v6.items.schema.indexes.map(index => index.name)).not.toContain('titleWords')
    await v6.delete()
  })

  it('v6 → v7 keeps every paper and finds it by its identifiers, tags, year, added date and key, without a date-modified index', async () => {
    const name = `migrate-${Math.random()}`
    const v6 = new Dexie(name)
    ;[SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6].forEach((stores, n) => v6.version(n + 1).stores(stores))
    const paper = {
      id: 'a',
      csl: { type: 'article-journal', title: 'Galanin and sleep' },
      year: 2022,
      doiKey: '10.1000/gal',
      citationKey: 'sleep2022galanin',
      ...minePaper
    }
    await v6.table('items').add(paper)
    expect(await v6.table('items').where('modifiedAt').equals(2).count()).toBe(1)
    v6.close()

    const v7 = openLibrary(name)
    await v7.open()
    expect(v7.verno).toBe(10)
    expect(await v7.items.get('a')).toEqual(paper)
    expect(await v7.items.where('doiKey').equals('10.1000/gal').count()).toBe(1)
    expect(await v7.items.where('tags').equals('mine').count()).toBe(1)
    expect(await v7.items.where('year').equals(2022).count()).toBe(1)
    expect(await v7.items.orderBy('addedAt').primaryKeys()).toEqual(['a'])
    expect(await v7.items.where('citationKey').startsWith('sleep').count()).toBe(1)
    expect(v7.items.schema.indexes.map(index => index.name)).not.toContain('modifiedAt')
    await v7.delete()
  })

  it('v7 → v8 keeps every paper as it was, its peptide tags, evidence and removed tags as the list they were', async () => {
    const name = `migrate-${Math.random()}`
    const v7 = new Dexie(name)
    ;[SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7].forEach((stores, n) => v7.version(n + 1).stores(stores))
    const paper = {
      id: 'a',
      csl: { type: 'article-journal', title: 'Oxytocin receptors in the nucleus accumbens' },
      year: 2020,
      pmid: '31000001',
      ...minePaper,
      peptideTags: [
        {
          peptide: 'Oxytocin',
          family: 'oxytocin/vasopressin',
          evidence: [
            { source: 'mesh', text: 'Oxytocin' },
            { source: 'title', text: 'Oxytocin receptors' }
          ],
          receptor: 'Oxytocin receptor'
        },
        { peptide: 'Vasopressin', family: 'oxytocin/vasopressin', evidence: [{ source: 'abstract', text: 'AVP' }] }
      ],
      removedPeptideTags: ['Dynorphins']
    }
    await v7.table('items').add(paper)
    v7.close()

    const v8 = openLibrary(name)
    await v8.open()
    expect(v8.verno).toBe(10)
    // compared as text: every field, in its place
    expect(JSON.stringify(await v8.items.get('a'))).toBe(JSON.stringify(paper))
    expect(await v8.items.where('pmid').equals('31000001').toArray()).toEqual([paper])
    await v8.delete()
  })

  it('v8 → v9 keeps every paper as it was, its abstract the text it was', async () => {
    const name = `migrate-${Math.random()}`
    const v8 = new Dexie(name)
    ;[SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8].forEach((stores, n) => v8.version(n + 1).stores(stores))
    const paper = {
      id: 'a',
      csl: { type: 'article-journal', title: 'μ-Opioid receptors and social play', abstract: 'Naloxone reduced play in juvenile rats – a μ-opioid effect.' },
      year: 2021,
      pmid: '31000002',
      ...minePaper,
      peptideTags: 'Oxytocin\toxytocin/vasopressin\t\tToxytocin'
    }
    await v8.table('items').add(paper)
    v8.close()

    const v9 = openLibrary(name)
    await v9.open()
    expect(v9.verno).toBe(10)
    const read = await v9.items.get('a')
    expect(read?.csl).toEqual(paper.csl)
    expect(read?.peptideTags).toEqual([{ peptide: 'Oxytocin', family: 'oxytocin/vasopressin', evidence: [{ source: 'title', text: 'oxytocin' }] }])
    await v9.delete()
  })

  it('v9 → v10 keeps every paper and table as it was and adds an empty table of paper groups', async () => {
    const name = `migrate-${Math.random()}`
    const v9 = new Dexie(name)
    ;[SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8, SCHEMA_V9].forEach((stores, n) =>
      v9.version(n + 1).stores(stores)
    )
    const paper = { id: 'a', csl: { type: 'article-journal', title: 'Orexin and arousal' }, year: 2020, pmid: '31000003', ...minePaper }
    await v9.table('items').add(paper)
    await v9.table('collections').add({ id: 'c1', name: 'Arousal', createdAt: 1 })
    v9.close()

    const v10 = openLibrary(name)
    await v10.open()
    expect(v10.verno).toBe(10)
    expect(JSON.stringify(await v10.items.get('a'))).toBe(JSON.stringify(paper))
    expect(await v10.items.where('tags').equals('mine').primaryKeys()).toEqual(['a'])
    expect(await v10.collections.get('c1')).toMatchObject({ name: 'Arousal' })
    expect(await v10.paperGroups.count()).toBe(0)
    await v10.paperGroups.add({ key: 'i 1 0', ids: ['b'], papers: [{ ...paper, id: 'b' } as StoredItem] })
    expect(await v10.paperGroups.where('ids').equals('b').primaryKeys()).toEqual(['i 1 0'])
    await v10.delete()
  })
})
