// One function sets an item's index fields, and every write goes through it:
// an edit now puts DOI and PMCID in their canonical case, and a merge tags
// peptides again from the merged record.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Item } from '@shared/model'
import { openLibrary, type NeurorefDb } from './schema'
import { addRecordToLibrary } from './add-paper'
import { formOf, saveEdit } from './edit'
import { mergeDuplicates } from './merge'
import { withIndexFields } from './index-fields'
import { loadPeptideTagger } from './peptide-tagger'

// papers made here are tagged at once: the tagger loads first (peptide-tagger.ts)
beforeAll(loadPeptideTagger)

let db: NeurorefDb
beforeEach(() => {
  db = openLibrary(`index-fields-${Math.random()}`)
})
afterEach(() => db?.delete())

const peptides = (item: Item | undefined): string[] => (item?.peptideTags ?? []).map(t => t.peptide).sort()

describe('withIndexFields', () => {
  it('derives year, DOI key and case, PMCID case and peptide tags from the record, and drops an older row’s title words', () => {
    const item = withIndexFields({
      id: 'x',
      csl: { type: 'article-journal', title: 'Oxytocin and social fear', issued: { 'date-parts': [['2019', 3]] } },
      doi: '10.1371/JOURNAL.PONE.0033693',
      pmcid: 'pmc3314654',
      titleWords: ['words', 'of', 'an', 'older', 'row'],
      tags: [],
      collectionIds: [],
      addedAt: 1,
      modifiedAt: 1
    } as unknown as Item)
    expect(item).toMatchObject({ doi: '10.1371/journal.pone.0033693', doiKey: '10.1371/journal.pone.0033693', pmcid: 'PMC3314654', year: 2019 })
    expect(item).not.toHaveProperty('titleWords')
    expect(peptides(item)).toEqual(['Oxytocin'])
  })
})

describe('every write sets the index fields', () => {
  it('an edit normalises an old row’s DOI and PMCID case', async () => {
    const { item } = await addRecordToLibrary(db, { csl: { type: 'article-journal', title: 'Galanin in the locus coeruleus' }, sources: ['crossref'] })
    // a row stored by an older version, before identifiers were normalised
    await db.items.put({ ...item, doi: '10.1016/J.NEURON.2020.01.001', doiKey: '10.1016/J.NEURON.2020.01.001', pmcid: 'pmc7000001' })
    await saveEdit(db, item.id, { ...formOf((await db.items.get(item.id))!), journal: 'Neuron' })
    const stored = await db.items.get(item.id)
    expect(stored).toMatchObject({ doi: '10.1016/j.neuron.2020.01.001', doiKey: '10.1016/j.neuron.2020.01.001', pmcid: 'PMC7000001' })
    expect(await db.items.where('pmcid').equals('PMC7000001').count()).toBe(1)
  })

  it('a merge tags peptides again from the merged record instead of joining stale tags', async () => {
    const older = (await addRecordToLibrary(db, { csl: { type: 'article-journal', title: 'Oxytocin in pair bonding' }, doi: '10.1/old', sources: ['file'] }))
      .item
    const newer = (
      await addRecordToLibrary(db, { csl: { type: 'article-journal', title: 'Vasopressin in pair bonding' }, doi: '10.1/new', sources: ['crossref'] })
    ).item
    expect(peptides(older)).toEqual(['Oxytocin'])
    const merged = await mergeDuplicates(db, older.id, newer.id, { title: 'other' })
    expect(merged.csl.title).toBe('Vasopressin in pair bonding')
    expect(peptides(merged)).toEqual(['Vasopressin'])
    expect(peptides(await db.items.get(older.id))).toEqual(['Vasopressin'])
  })
})
