// A change of only a paper's filing fields reaches the window without its row, and its search index is left as it is:
// that holds only while no search reads them.
import { expect, it } from 'vitest'
import { fieldValues } from '@shared/search/fields'
import { createSyntheticLibrary } from '../../../../bench/synthetic-library'
import { FILING_FIELDS, filingOf } from './item-basics'

it('no search reads a paper’s collections, Trash, reading status, rating or when it changed', () => {
  for (const item of createSyntheticLibrary(50, 11).items) {
    const filed = { ...item, collectionIds: ['c1', 'c2'], trashedAt: 1_700_000_000_000, readStatus: 'read' as const, rating: 4, modifiedAt: 1_800_000_000_000 }
    expect(Object.keys(filingOf(filed)).sort()).toEqual(['id', ...FILING_FIELDS].sort())
    expect(fieldValues(filed, 'a note')).toEqual(fieldValues(item, 'a note'))
  }
})
