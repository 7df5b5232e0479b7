// The deferred papers' answers, kept per query between showings, are those a plain reading of every paper still
// deferred gives, in the order they came, whatever came, went or came again in between.
import { describe, expect, it } from 'vitest'
import type { Item } from '@shared/model'
import type { SearchableItem } from '@shared/search/fields'
import { parseQuery } from '@shared/search/index'
import { PaperText, readsAs } from '@shared/search/paper-reading'
import { createSyntheticLibrary } from '../../../../bench/synthetic-library'
import { DeferredPapers } from './deferred-papers'

const QUERIES = ['oxytocin', 'stress -oxytocin', 'year:2001-2010', 'title:the', 'mouse']

/** Pseudo-random numbers from a seed, so a failure can be run again. */
function randomFrom(seed: number): () => number {
  let state = seed
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
}

describe('the deferred papers a query matches', () => {
  it('are, at each showing, the papers still deferred that a plain reading finds, in the order they last came', () => {
    const { items } = createSyntheticLibrary(400, 9)
    const random = randomFrom(7)
    const current = new Map<string, Item>()
    const text = (item: SearchableItem) => new PaperText(item, undefined)
    const deferred = new DeferredPapers({ item: id => current.get(id), text })
    // the plain model: each deferred paper once, at the place it last came
    let order: string[] = []

    const expected = (query: string, within?: ReadonlySet<string>) =>
      order.filter(id => (!within || within.has(id)) && readsAs(parseQuery(query), text(current.get(id)!)))
    const showing = () => {
      // the list shown asks for the first queries (the others stay remembered and fall behind)
      for (const query of QUERIES.slice(0, 2)) expect(deferred.matches(query), query).toEqual(expected(query))
      const within = new Set(order.filter(() => random() < 0.05))
      expect(deferred.matches(QUERIES[0], within)).toEqual(expected(QUERIES[0], within))
    }

    for (const query of QUERIES) deferred.remember(query)
    for (let step = 0; step < 1_500; step++) {
      const roll = random()
      const item = items[Math.floor(random() * items.length)]
      if (roll < 0.7) {
        // came (again: a second batch changed it, its title too)
        const copy = { ...item, csl: { ...item.csl, title: random() < 0.5 ? 'Oxytocin and stress' : item.csl.title } }
        current.set(item.id, copy)
        order = order.filter(id => id !== item.id).concat(item.id)
        deferred.add(copy)
      } else if (roll < 0.85) {
        // indexed on its own (edited), or removed
        expect(deferred.delete(item.id)).toBe(order.includes(item.id))
        order = order.filter(id => id !== item.id)
      } else if (roll < 0.87) {
        // a new index arrived holding some of them: all, most or few (few are looked up by id, not every paper gone through)
        const share = [0, 0.1, 0.6][Math.floor(random() * 3)]
        const still = new Set(order.filter(() => random() < share))
        deferred.keepOnly(still)
        order = order.filter(id => still.has(id))
      }
      // a query typed meanwhile (remembered behind the papers come so far), pushing the oldest out
      if (step % 97 === 0) deferred.remember(QUERIES[2 + ((step / 97) % 3)] ?? 'mouse')
      if (step % 7 === 0) showing()
    }
    showing()
    for (const query of QUERIES) expect(deferred.matches(query), query).toEqual(expected(query))
    expect(deferred.size).toBe(order.length)
  })
})

describe('a query that fell behind the papers deferred', () => {
  it('reads a few more of them at each paper added, not all in one, and answers as a plain reading does', () => {
    const { items } = createSyntheticLibrary(1_200, 4)
    const byId = new Map(items.map(item => [item.id, item]))
    let reads = 0
    const deferred = new DeferredPapers({ item: id => byId.get(id), text: item => (reads++, new PaperText(item, undefined)) })
    for (const item of items.slice(0, 1_000)) deferred.add(item)
    // typed while the import is being taken in: it has read none of the 1,000
    deferred.remember('oxytocin')
    reads = 0
    deferred.add(items[1_000])
    expect(reads).toBeLessThanOrEqual(32)
    for (const item of items.slice(1_001)) deferred.add(item)
    const plain = items.filter(item => readsAs(parseQuery('oxytocin'), new PaperText(item, undefined))).map(item => item.id)
    expect(deferred.matches('oxytocin')).toEqual(plain)
    // each paper read once for it
    expect(reads).toBe(1_200)
  })
})
