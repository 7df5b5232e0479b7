// Which papers changed since a view last drew: every view asks after each change (the list, its kept order, the
// facet counts, the library counts), and after every paper read at open that is 100,000 ids each time.
import { describe, expect, it } from 'vitest'
import { atOnce } from '@shared/work-in-steps'
import { ChangeVersions } from './change-versions'

describe('the papers changed since a version', () => {
  it('are worked out once for the views asking after the same change, and again after the next', () => {
    const versions = new ChangeVersions()
    const since = versions.version
    versions.emit(
      Array.from({ length: 100_000 }, (_, n) => `paper ${n}`),
      true
    )
    const first = versions.changedSince(since)
    expect(first?.size).toBe(100_000)
    // the same answer to the next view, not a set of 100,000 built again
    expect(versions.changedSince(since)).toBe(first)
    versions.emit(['paper 3', 'another'])
    const after = versions.changedSince(since)
    expect(after).not.toBe(first)
    expect(after?.size).toBe(100_001)
    expect(after?.has('another')).toBe(true)
    expect(versions.changedSince(since + 1)).toEqual(new Set(['paper 3', 'another']))
    // a change of everything: not known
    versions.emit(null)
    expect(versions.changedSince(since)).toBeNull()
    expect(versions.changedSince(versions.version)).toEqual(new Set())
  })

  it('are kept for every version asked about: views asking about different versions in turn do not build them again', () => {
    const versions = new ChangeVersions()
    versions.emit(['paper 0'])
    const list = versions.version
    versions.emit(Array.from({ length: 50_000 }, (_, n) => `paper ${n}`))
    const counts = versions.version
    versions.emit(Array.from({ length: 50_000 }, (_, n) => `paper ${50_000 + n}`))
    const sinceList = versions.changedSince(list)
    const sinceCounts = versions.changedSince(counts)
    expect(sinceList?.size).toBe(100_000)
    expect(sinceCounts?.size).toBe(50_000)
    expect(versions.changedSince(list)).toBe(sinceList)
    expect(versions.changedSince(counts)).toBe(sinceCounts)
  })

  it('are not worked out for a view that follows at most a few: more changed is said as not known', () => {
    const versions = new ChangeVersions()
    const since = versions.version
    versions.emit(['a', 'b'])
    versions.emit(['b', 'c'])
    // four recorded (b twice): more than three
    expect(versions.changedSince(since, 3)).toBeNull()
    expect(versions.changedSince(since, 4)).toEqual(new Set(['a', 'b', 'c']))
    // the set known, and larger than asked: still not followed
    expect(versions.changedSince(since, 2)).toBeNull()
    expect(versions.changedSince(since + 1, 2)).toEqual(new Set(['b', 'c']))
    // a change of no paper (the index's progress) is none
    versions.emit([])
    expect(versions.changedSince(versions.version - 1, 0)).toEqual(new Set())
    expect(versions.knowsChangesSince(since)).toBe(true)
    versions.emit(null)
    expect(versions.knowsChangesSince(since)).toBe(false)
    expect(versions.changedSince(since, 10)).toBeNull()
  })

  it('are made a slice at a time for a kept order caught up in turns: after a change of every paper, never 100,000 in one go', () => {
    const versions = new ChangeVersions()
    const since = versions.version
    versions.emit(Array.from({ length: 100_000 }, (_, n) => `paper ${n}`))
    const making = versions.changedInSlices(since)
    let pauses = 0
    let step = making.next()
    // a change recorded while the set is made is not in it (the order's catch-up notes the version it began at)
    versions.emit(['new paper'])
    for (; !step.done; step = making.next()) pauses++
    expect(pauses).toBeGreaterThanOrEqual(20)
    expect(step.value?.size).toBe(100_000)
    expect(step.value?.has('new paper')).toBe(false)
    // asked at the version now, it holds both changes; unknown after a change of everything
    expect(versions.changedSince(since)?.size).toBe(100_001)
    versions.emit(null)
    expect(versions.changedInSlices(since).next()).toEqual({ done: true, value: null })
  })

  it('made a slice at a time, are the answer the views are given after the same change', () => {
    const versions = new ChangeVersions()
    versions.emit(['paper 1', 'paper 2'])
    const since = versions.version
    versions.emit(Array.from({ length: 10_000 }, (_, n) => `paper ${n}`))
    const made = atOnce(versions.changedInSlices(since))
    expect(made).toEqual(new Set(Array.from({ length: 10_000 }, (_, n) => `paper ${n}`)))
    expect(versions.changedSince(since)).toBe(made)
    expect(versions.changedInSlices(versions.version).next().value).toEqual(new Set())
  })
})
