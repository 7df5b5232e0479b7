// Tag counts worked out from the list counted before: whatever the lists a large import or a search shows one after
// another, the counts are those of counting the list afresh, and a list grown by a few papers reads only those.
import { describe, expect, it } from 'vitest'
import type { ItemBasics } from '@shared/model'
import { itemTagKeys } from '@shared/tags'
import { fixtureItems } from '../../../../main/services/pubmed/fixture-items.test-support'
import { basics } from '../../library/item-basics'
import { countTags, NO_TAGS_COUNTED, type CountedTags } from './tag-counts'

/** what the panel showed before: every paper's tags counted */
function countedAfresh(items: readonly ItemBasics[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const item of items) for (const key of itemTagKeys(item)) counts.set(key, (counts.get(key) ?? 0) + 1)
  return counts
}

function counted(before: CountedTags, items: readonly ItemBasics[], keysOf = itemTagKeys): CountedTags {
  const counting = countTags(before, items, keysOf)
  for (;;) {
    const next = counting.next()
    if (next.done) return next.value
  }
}

const sorted = (counts: ReadonlyMap<string, number>) => [...counts].sort(([a], [b]) => (a < b ? -1 : 1))

/** the MEDLINE fixtures (MeSH terms, keywords, peptide tags), with manual tags given to some */
const papers = (): ItemBasics[] => fixtureItems().map((item, n) => basics({ ...item, tags: n % 3 ? [] : ['to read', `batch ${n % 2}`] }))

describe('tag counts from the list before', () => {
  it('equal a fresh count after lists that grow, shrink, change copies and start again', () => {
    const pool = papers()
    expect(pool.length).toBeGreaterThan(20)
    // a fixed sequence, not a random one: the same lists at every run
    let seed = 7
    const random = (below: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % below
    let shown: ItemBasics[] = []
    let before = NO_TAGS_COUNTED
    for (let step = 0; step < 200; step++) {
      const action = random(5)
      if (action === 0) shown = [...shown, ...pool.filter(paper => !shown.some(s => s.id === paper.id)).slice(0, 1 + random(4))]
      else if (action === 1) shown = shown.filter(() => random(4) > 0)
      else if (action === 2 && shown.length) {
        // a paper edited: the window holds a new copy of it, with a tag more
        const at = random(shown.length)
        shown = shown.map((paper, n) => (n === at ? { ...paper, tags: [...paper.tags, `edited ${step}`] } : paper))
      } else if (action === 3) shown = [...shown].reverse()
      else shown = pool.filter(() => random(2) === 0)
      before = counted(before, shown)
      expect(sorted(before.counts)).toEqual(sorted(countedAfresh(shown)))
    }
  })

  it('reads only the papers that came when a list grows, and takes out the tags of a paper that left', () => {
    const pool = papers()
    const first = counted(NO_TAGS_COUNTED, pool.slice(0, 20))
    const read: string[] = []
    const keysOf = (paper: ItemBasics) => (read.push(paper.id), itemTagKeys(paper))
    const grown = counted(first, pool.slice(0, 23), keysOf)
    expect(read).toEqual(pool.slice(20, 23).map(paper => paper.id))
    expect(sorted(grown.counts)).toEqual(sorted(countedAfresh(pool.slice(0, 23))))

    const gone = pool[0]
    const without = counted(grown, pool.slice(1, 23))
    for (const key of itemTagKeys(gone)) expect(without.counts.get(key)).toBe(grown.counts.get(key)! - 1 || undefined)
  })

  it('gives the window its turn every few dozen papers counted, fewer when they have many tags', () => {
    // papers with a hundred tags each (MeSH terms and keywords of long records): 512 of them at once were a step of 36 ms
    const record = papers()[0]
    const many: ItemBasics[] = Array.from({ length: 2_000 }, (_, n) => ({
      ...record,
      id: `paper ${n}`,
      tags: Array.from({ length: 100 }, (_, t) => `tag ${(n + t) % 300}`)
    }))
    let keysRead = 0
    let most = 0
    const keysOf = (paper: ItemBasics) => {
      const keys = itemTagKeys(paper)
      keysRead += keys.length
      return keys
    }
    const counting = countTags(NO_TAGS_COUNTED, many, keysOf)
    let done: CountedTags | undefined
    while (!done) {
      const next = counting.next()
      most = Math.max(most, keysRead)
      keysRead = 0
      if (next.done) done = next.value
    }
    expect(most).toBeGreaterThan(0)
    expect(most).toBeLessThan(1_024 + itemTagKeys(many[0]).length)
    expect(sorted(done.counts)).toEqual(sorted(countedAfresh(many)))
  })
})
