// Opening again, the papers arriving while the saved index is on its way are not read for the search asked meanwhile
// (held). If the worker then says it rebuilds the index, the search reads every paper in, those that came while it was
// held included, and its answer is what reading every paper gives.
import { describe, expect, it } from 'vitest'
import type { Item } from '@shared/model'
import { matchesQuery } from '@shared/search/match'
import { PaperText } from '@shared/search/paper-reading'
import { parseQuery } from '@shared/search/index'
import { createSyntheticLibrary } from '../../../../bench/synthetic-library'
import { SearchByReading } from './search-by-reading'

const QUERY = 'oxytocin'

describe('a search asked while the papers arrive and the saved index is on its way', () => {
  it('gives no answer while held, then, released, the answer of reading every paper, those that came while held included', async () => {
    const { items } = createSyntheticLibrary(600, 3)
    const papers = new Map<string, Item>()
    let complete = false
    let answered = 0
    const reader = new SearchByReading(
      {
        ids: () => papers.keys(),
        complete: () => complete,
        read: id => papers.get(id) && new PaperText(papers.get(id)!, undefined),
        answered: () => answered++
      },
      async most => most
    )
    const arrive = (from: number, to: number) =>
      items.slice(from, to).forEach(item => {
        papers.set(item.id, item)
        reader.changed(item.id)
      })
    arrive(0, 100)
    expect(reader.answer(QUERY, parseQuery(QUERY))).toBeUndefined()
    reader.hold()
    arrive(100, 600)
    complete = true
    await new Promise(resolve => setTimeout(resolve, 0))
    // every paper is in, none read since the hold: still no answer
    expect(reader.answer(QUERY, parseQuery(QUERY))).toBeUndefined()

    reader.release()
    for (let turn = 0; turn < 100 && reader.answer(QUERY, parseQuery(QUERY)) === undefined; turn++) await new Promise(resolve => setTimeout(resolve, 0))
    const expected = items.filter(item => matchesQuery(parseQuery(QUERY), item)).map(item => item.id)
    expect(expected.length).toBeGreaterThan(0)
    expect(items.slice(100).some(item => expected.includes(item.id))).toBe(true)
    expect([...reader.answer(QUERY, parseQuery(QUERY))!].sort()).toEqual(expected.sort())
    expect(answered).toBeGreaterThan(0)
  })
})
