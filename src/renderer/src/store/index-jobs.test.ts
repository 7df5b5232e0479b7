// The index the worker hands the window answers as the job's own, whether the
// job loaded it (handed over itself) or caught it up or built it (a copy
// handed over, the worker's own left whole for its save), with where its words
// begin and its runs' codes made in the worker.
import { describe, expect, it } from 'vitest'
import type { Item } from '@shared/model'
import { bareItem } from '@shared/bare-item.test-support'
import { createSearchIndex, type IndexSnapshot, type SearchIndex } from '@shared/search/index'
import { createSyntheticLibrary } from '../../../../bench/synthetic-library'
import { BENCH_QUERIES } from '../../../../bench/queries'
import { handedOver } from './index-jobs'
import { sentToWindow } from './held-jobs.test-support'

function savedIndex(): IndexSnapshot {
  const { items, notes } = createSyntheticLibrary(800, 3)
  const index = createSearchIndex()
  for (const item of items) index.add(item, notes.get(item.id))
  return index.snapshot()
}

const answers = (snapshot: IndexSnapshot) => {
  const index = createSearchIndex({ from: snapshot })
  return BENCH_QUERIES.map(query => index.search(query))
}

/** A paper of new words and phrases: a new word gets a code in the table of codes handed over. */
const added = (n: number): Item =>
  bareItem(`added-${n}`, {
    type: 'article-journal',
    title: `zorblax quintary ${n} social defeat`,
    abstract: `the zorblax receptor binds quintary oxytocin ${n} solitaire`
  })

describe('the index handed to the window', () => {
  it('answers as the job’s own; a built or caught-up one stays whole in the worker for its save', () => {
    for (const how of ['built', 'caught up'] as const) {
      const snapshot = savedIndex()
      const expected = answers(snapshot)
      const received = sentToWindow({ snapshot, seq: 1, how: how === 'built' ? 'rebuilt' : how })
      expect(answers(received.snapshot)).toEqual(expected)
      // the worker saves the very same index next
      expect(answers(snapshot)).toEqual(expected)
    }
  })

  it('answers as the job’s own with words past ASCII and ids of any kind, sent as bytes or (a lone surrogate) as text', () => {
    const strange = [
      bareItem('ψ-1', { type: 'article-journal', title: 'Δοκιμή ψυχή naïve 神经 🧠 receptor' }),
      bareItem('\ufeffbom', { type: 'article-journal', title: '\ufeffstart café' }),
      bareItem('lone\ud800', { type: 'article-journal', title: 'broken text' })
    ]
    for (const items of [strange.slice(0, 2), strange]) {
      const index = createSearchIndex()
      for (const item of items) index.add(item)
      const snapshot = index.snapshot()
      const { index: handed } = handedOver({ snapshot, seq: 1, how: 'caught up' })
      // bytes unless an id would not survive UTF-8
      expect(typeof handed.snapshot.ids === 'string').toBe(items.length === 3)
      expect(typeof handed.snapshot.postings.words).toBe('object')
      const received = sentToWindow({ snapshot, seq: 1, how: 'caught up' }).snapshot
      expect(received.ids).toBe(snapshot.ids)
      expect(received.postings.words).toBe(snapshot.postings.words)
      const queries = ['ψυχή', 'naïve', '神经', 'café', 'receptor', '"ψυχή naïve"']
      const answersOf = (from: IndexSnapshot) => queries.map(query => createSearchIndex({ from }).search(query))
      expect(answersOf(received)).toEqual(answersOf(snapshot))
      expect(answersOf(received)[0]).toEqual(['ψ-1'])
    }
  })

  it('answers as the job’s own when the saved index was loaded, handed over itself', () => {
    const snapshot = savedIndex()
    const expected = answers(snapshot)
    const received = sentToWindow({ snapshot, seq: 1, how: 'loaded' })
    expect(answers(received.snapshot)).toEqual(expected)
    // not copied: the job is done with it
    expect(snapshot.postings.entries.length).toBe(0)
  })

  it('restores two indexes from one index handed over, each keeping its own edits, as fresh builds do', () => {
    const { items, notes } = createSyntheticLibrary(800, 3)
    const fresh = (extra: Item[]) => {
      const index = createSearchIndex()
      for (const item of [...items, ...extra]) index.add(item, notes.get(item.id))
      return index
    }
    // a word of the saved index in no run (a tag of one word): the papers added put it in runs, each index its own code
    const tagged = { ...added(0), id: 'tagged', csl: { type: 'article-journal' as const, title: 'untitled' }, tags: ['solitaire'] }
    items.push(tagged)
    const received = sentToWindow({ snapshot: fresh([]).snapshot(), seq: 1, how: 'loaded' })
    const first = createSearchIndex({ from: received.snapshot })
    const second = createSearchIndex({ from: received.snapshot })
    // words the saved index has only: codes written into the table handed over, not a grown copy of it
    const known = (n: number): Item => ({ ...added(n), id: `known-${n}`, csl: { type: 'article-journal', title: `solitaire oxytocin ${n}` } })
    first.add(known(1))
    first.add(added(1))
    second.add(added(2))
    second.add(added(3))
    const queries = [
      '"zorblax quintary"',
      '"zorblax receptor"',
      '"quintary oxytocin 2"',
      '"oxytocin 3 solitaire"',
      '"solitaire oxytocin"',
      'zorblax',
      'solitaire',
      ...BENCH_QUERIES
    ]
    const answersOf = (index: SearchIndex) => queries.map(query => index.search(query))
    // and saved again, then reopened
    const again = (index: SearchIndex) => createSearchIndex({ from: structuredClone(index.snapshot()) })
    expect(answersOf(first)).toEqual(answersOf(fresh([known(1), added(1)])))
    expect(answersOf(second)).toEqual(answersOf(fresh([added(2), added(3)])))
    expect(answersOf(again(second))).toEqual(answersOf(fresh([added(2), added(3)])))
    expect(answersOf(again(first))).toEqual(answersOf(fresh([known(1), added(1)])))
  })
})
