// The ids of a whole-library change put in key order a slice at a time: the same ids, once each, in the order
// IndexedDB keeps them, whatever the order and repeats of the selection they came from.
import { describe, expect, it } from 'vitest'
import { atOnce } from '@shared/work-in-steps'
import { distinctInOrder, inSteps } from './slices'

describe('ids in key order', () => {
  it.each([0, 1, 2, 2047, 2048, 2049, 9000])('are each id once, sorted as IndexedDB sorts string keys (%i ids, some repeated)', size => {
    const ids = Array.from({ length: size }, () => crypto.randomUUID())
    const asked = [...ids, ...ids.slice(0, size / 3), ...ids.slice(size / 2)].reverse()
    const ordering = distinctInOrder(asked)
    let pauses = 0
    let step = ordering.next()
    for (; !step.done; step = ordering.next()) pauses++
    expect(step.value).toEqual([...new Set(ids)].sort())
    if (size > 4096) expect(pauses).toBeGreaterThan(4)
    // IndexedDB's own comparison of keys
    expect(step.value.every((id, n) => n === 0 || indexedDB.cmp(step.value[n - 1], id) < 0)).toBe(true)
  })

  it('are the same run a slice at a time between turns of the event loop', async () => {
    const ids = Array.from({ length: 30_000 }, (_, n) => `${(n * 7919) % 30_000}`.padStart(6, '0'))
    expect(await inSteps(distinctInOrder(ids))).toEqual(atOnce(distinctInOrder(ids)))
    expect(atOnce(distinctInOrder(ids))).toEqual([...new Set(ids)].sort())
  })
})
