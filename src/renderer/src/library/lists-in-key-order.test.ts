// A change's chunks end in any order (a few are under way at once); what it announces and hands back is in key order.
import { describe, expect, it } from 'vitest'
import type { Item } from '@shared/model'
import type { Filing } from './item-basics'
import { ListsInKeyOrder } from './lists-in-key-order'

const row = (id: string): Item => ({ id }) as Item
const filed = (id: string): Filing => ({ id, collectionIds: ['c'], modifiedAt: 1 })

describe('the lists of a change made as its chunks end', () => {
  it('puts the chunks in key order whatever order they end in, the papers a chunk left alone counted in where the next begins', () => {
    const lists = new ListsInKeyOrder()
    // three chunks of three ids looked at: 0-2 wrote a, b (a row) and c; 3-5 wrote d only; 6-8 wrote g, h (a row)
    lists.chunkDone(6, 3, { ids: ['g', 'h'], rows: [row('h')], filing: [filed('g')] })
    expect(lists.ids).toEqual([])
    lists.chunkDone(3, 3, { ids: ['d'], rows: [], filing: [filed('d')] })
    expect(lists.ids).toEqual([])
    lists.chunkDone(0, 3, { ids: ['a', 'b', 'c'], rows: [row('b')], filing: [filed('a'), filed('c')] })

    expect(lists.ids).toEqual(['a', 'b', 'c', 'd', 'g', 'h'])
    expect(lists.rowIds).toEqual(['b', 'h'])
    expect(lists.rows.map(item => item.id)).toEqual(['b', 'h'])
    expect(lists.filingIds).toEqual(['a', 'c', 'd', 'g'])
    expect(lists.filing).toEqual(['a', 'c', 'd', 'g'].map(filed))
  })

  it('takes a chunk that changed nothing as a step to the next', () => {
    const lists = new ListsInKeyOrder()
    lists.chunkDone(50, 50, { ids: ['z'], rows: [], filing: [filed('z')] })
    lists.chunkDone(0, 50, { ids: [], rows: [], filing: [] })
    expect(lists.filingIds).toEqual(['z'])
  })
})
