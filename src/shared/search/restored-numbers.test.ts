// A saved index opened again numbers its items as the index it was saved
// from, through random adds, edits, removals and tidying, whether its numbers
// by id were made beforehand, partly, or only at their first use.
import { describe, expect, it } from 'vitest'
import type { Item } from '../model'
import { bareItem } from '../bare-item.test-support'
import { createSearchIndex, type NumberedIndex } from './index'

const paper = (id: string, n: number): Item =>
  bareItem(id, { type: 'article-journal', title: `Oxytocin and ${['stress', 'sleep', 'reward'][n % 3]} ${n % 11}` }, { sources: ['manual'] })

/** Every id's number, every number's id, the size and a few answers, alike in both. */
function expectAlike(restored: NumberedIndex, built: NumberedIndex, everId: string[]): void {
  expect(restored.numbers.count).toBe(built.numbers.count)
  expect(restored.size).toBe(built.size)
  for (const id of everId) expect(restored.numbers.of(id)).toBe(built.numbers.of(id))
  for (let n = -1; n <= built.numbers.count; n++) expect(restored.numbers.idAt(n)).toBe(built.numbers.idAt(n))
  for (const query of ['oxytocin', 'stress 7', 'title:"and sleep"']) expect(restored.search(query)).toEqual(built.search(query))
}

describe('a saved index opened again', () => {
  it.each(['never', 'partly', 'wholly'])(
    'numbers its items as the index it was saved from through random changes (numbers by id made beforehand: %s)',
    made => {
      const built = createSearchIndex()
      const everId = Array.from({ length: 5000 }, () => crypto.randomUUID())
      everId.forEach((id, n) => built.add(paper(id, n)))
      const restored = createSearchIndex({ from: built.snapshot() })
      const steps = restored.numbersByIdInSteps()
      if (made !== 'never') for (let step = steps.next(); !step.done && made === 'wholly'; step = steps.next());
      expectAlike(restored, built, everId)
      const live = new Set(everId)
      let mostNumbers = 0
      for (let change = 0; change < 6000; change++) {
        const roll = Math.random()
        const some = [...live][Math.floor(Math.random() * live.size)]
        if (roll < 0.2 || !some) {
          const id = crypto.randomUUID()
          everId.push(id)
          live.add(id)
          for (const index of [built, restored]) index.add(paper(id, change))
        } else if (roll < 0.5) for (const index of [built, restored]) index.update(paper(some, change))
        else {
          live.delete(some)
          for (const index of [built, restored]) index.remove(some)
        }
        mostNumbers = Math.max(mostNumbers, built.numbers.count)
        if (change % 1000 === 999) expectAlike(restored, built, everId)
      }
      // the removed items were dropped for good on the way (the index tidied), and numbered again
      expect(built.numbers.count).toBeLessThan(mostNumbers)
      expectAlike(restored, built, everId)
    }
  )

  it('makes its numbers by id a slice at a time when a list asks for them, the index built in this window having them already', () => {
    const built = createSearchIndex()
    const everId = Array.from({ length: 10_000 }, () => crypto.randomUUID())
    everId.forEach((id, n) => built.add(paper(id, n)))
    const restored = createSearchIndex({ from: built.snapshot() })
    const pauses = (index: NumberedIndex) => {
      let paused = 0
      for (const steps = index.numbers.byIdInSteps(); !steps.next().done;) paused++
      return paused
    }
    expect(pauses(restored)).toBeGreaterThan(1)
    expect(pauses(restored)).toBe(0)
    expect(pauses(built)).toBe(0)
    expectAlike(restored, built, everId)
  })
})
