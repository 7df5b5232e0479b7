// The index the worker hands the window answers as the job's own, whether the
// job loaded it (handed over itself) or caught it up or built it (a copy
// handed over, the worker's own left whole for its save).
import { describe, expect, it } from 'vitest'
import { createSearchIndex, type IndexSnapshot } from '@shared/search/index'
import { createSyntheticLibrary } from '../../../../bench/synthetic-library'
import { BENCH_QUERIES } from '../../../../bench/queries'
import { handedOver } from './index-jobs'
import type { BuiltIndex } from '../library/index-job'

function savedIndex(): IndexSnapshot {
  const { items, notes } = createSyntheticLibrary(800, 3)
  const index = createSearchIndex()
  for (const item of items) index.add(item, notes.get(item.id))
  return index.snapshot()
}

/** What the window gets from a message carrying the index, its buffers transferred. */
function sent(built: BuiltIndex): BuiltIndex {
  const { index, transfer } = handedOver(built)
  return structuredClone(index, { transfer })
}

const answers = (snapshot: IndexSnapshot) => {
  const index = createSearchIndex({ from: snapshot })
  return BENCH_QUERIES.map(query => index.search(query))
}

describe('the index handed to the window', () => {
  it('answers as the job’s own; a built or caught-up one stays whole in the worker for its save', () => {
    for (const how of ['built', 'caught up'] as const) {
      const snapshot = savedIndex()
      const expected = answers(snapshot)
      const received = sent({ snapshot, seq: 1, how: how === 'built' ? 'rebuilt' : how })
      expect(answers(received.snapshot)).toEqual(expected)
      // the worker saves the very same index next
      expect(answers(snapshot)).toEqual(expected)
    }
  })

  it('answers as the job’s own when the saved index was loaded, handed over itself', () => {
    const snapshot = savedIndex()
    const expected = answers(snapshot)
    const received = sent({ snapshot, seq: 1, how: 'loaded' })
    expect(answers(received.snapshot)).toEqual(expected)
    // not copied: the job is done with it
    expect(snapshot.postings.entries.length).toBe(0)
  })
})
