// Which papers changed since a view last drew: every view asks after each change (the list, its kept order, the
// facet counts, the library counts), and after every paper read at open that is 100,000 ids each time.
import { describe, expect, it } from 'vitest'
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
})
