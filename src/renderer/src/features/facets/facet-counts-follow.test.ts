// The facet panel's counts follow the library change by change: after papers
// are added, edited, trashed and restored, the counts it kept are the counts
// of the list in view, and a showing of a few new papers reads none of the
// papers already counted.
import { afterEach, describe, expect, it } from 'vitest'
import { computeFacets, type Facets } from '@shared/facets'
import type { LightItem } from '@shared/model'
import { openLibrary, type NeurorefDb } from '../../library/schema'
import { addRecordToLibrary } from '../../library/add-paper'
import { formOf, saveEdit } from '../../library/edit'
import { moveToTrash, restoreFromTrash } from '../../library/trash'
import { LibraryStore } from '../../store/library-store'
import { changedInView, visibleItems, type ViewState } from '../../store/views'
import { atOnce } from '../../store/turns'
import { countFacets as countingFacets, type CountedView } from './facet-counts'

let db: NeurorefDb
afterEach(() => db?.delete())

const WORDS = ['oxytocin', 'vasopressin', 'orexin', 'stress', 'sleep', 'reward']
const JOURNALS = ['Neuron', 'Journal of Sleep', 'Hormones and Behavior']
const TOPICS = ['Oxytocin', 'Mice', 'Rats', 'Humans', 'Stress, Psychological']
const paper = (title: string, i: number) => ({
  csl: { type: 'article-journal', title, 'container-title': JOURNALS[i % 3], issued: { 'date-parts': [[2000 + (i % 7)]] } },
  doi: `10.1/${i}`,
  mesh: [{ descriptor: TOPICS[i % 5], majorTopic: i % 2 === 0, qualifiers: [] }],
  publicationTypes: [i % 4 === 0 ? 'Review' : 'Journal Article'],
  sources: ['manual' as const]
})

/** a small seeded generator, so a failure can be replayed */
function random(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31)
}

/** The counts, worked out to the end at once. */
const countFacets = (...args: Parameters<typeof countingFacets>) => atOnce(countingFacets(...args))

function kept(counted: ReturnType<typeof countFacets>): CountedView {
  if (!('counter' in counted)) throw new Error('not kept')
  return counted
}

describe('facet counts kept as the library changes', () => {
  it('equal a fresh count of the list after random adds, edits, trashes and restores', async () => {
    db = openLibrary(`facets-follow-${Math.random()}`)
    const next = random(11)
    const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]
    const title = (): string => `${pick(WORDS)} and ${pick(WORDS)}`
    for (let i = 0; i < 20; i++) await addRecordToLibrary(db, paper(title(), i))
    const store = new LibraryStore(db)
    await store.load()
    const states: ViewState[] = [
      { view: { kind: 'all' }, search: '', tags: [], sort: { column: 'added', direction: 'desc' } },
      { view: { kind: 'trash' }, search: '', tags: [], sort: { column: 'journal', direction: 'asc' } },
      { view: { kind: 'all' }, search: 'oxytocin', tags: [], sort: { column: 'title', direction: 'asc' } }
    ]
    const context = { now: Date.now() }
    // as the panel does, the counts of a list still being searched are not kept
    const countView = (state: ViewState, kept?: CountedView): CountedView | { facets: Facets } => {
      const list = visibleItems(store, state, context)
      const changes = { ids: kept ? store.changedSince(kept.version) : null, shown: (ids: ReadonlySet<string>) => changedInView(store, state, context, ids) }
      const counted = countFacets(list.items, list.searching ? undefined : 'view', store.version, kept, changes)
      expect(counted.facets).toEqual(computeFacets(list.items))
      return counted
    }
    const counts = states.map(state => countView(state))

    let n = 20
    for (let round = 0; round < 30; round++) {
      const existing = [...store.items.keys()]
      for (let c = 1 + Math.floor(next() * 3); c > 0; c--) {
        const id = pick(existing)
        const action = pick(['add', 'edit', 'trash', 'restore'])
        if (action === 'add') await addRecordToLibrary(db, paper(title(), n++))
        else if (action === 'edit') await saveEdit(db, id, { ...formOf((await db.items.get(id))!), title: title(), journal: pick(JOURNALS) })
        else if (action === 'trash') await moveToTrash(db, [id])
        else await restoreFromTrash(db, [id])
      }
      await store.settled()
      states.forEach((state, i) => (counts[i] = countView(state, 'counter' in counts[i] ? counts[i] : undefined)))
    }
    // the views did show something and were followed, not counted afresh, so the comparison meant something
    expect(counts.map(counted => counted.facets.total > 0 && 'counter' in counted)).toEqual([true, true, true])
  })

  const synthetic = (all: number): LightItem[] =>
    Array.from({ length: all }, (_, i) => ({
      id: `p${i}`,
      csl: { type: 'article-journal', title: `Paper ${i}`, 'container-title': JOURNALS[i % 3] },
      year: 1990 + (i % 30),
      mesh: [{ descriptor: TOPICS[i % 5], majorTopic: i % 2 === 0 }],
      tags: [],
      collectionIds: [],
      addedAt: i,
      modifiedAt: i
    })) as unknown as LightItem[]

  /** `papers`, the places of the papers read noted in `read` */
  const counting = (papers: LightItem[], read: Set<string>): LightItem[] =>
    new Proxy(papers, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) read.add(key)
        return Reflect.get(target, key, receiver)
      }
    })

  /** `counted` papers counted, then the rest of `all` shown: the papers of the list read to count them (the counts checked) */
  function readsWhenShown(all: number, counted: number): number {
    const papers = synthetic(all)
    const first = kept(countFacets(papers.slice(0, counted), 'view', 1, undefined, { ids: null }))
    const read = new Set<string>()
    const joined = papers.slice(counted)
    const now = countFacets(counting(papers, read), 'view', 2, first, { ids: new Set(joined.map(p => p.id)), shown: () => joined })
    expect(now.facets).toEqual(computeFacets(papers))
    return read.size
  }

  /**
   * `counted` papers counted, then the rest of `all` shown: whether the changed papers were searched for (`shown`), and
   * the most papers read between two pauses (the counts checked).
   */
  function stepsWhenShown(all: number, counted: number): { searched: boolean; mostReadInAStep: number } {
    const papers = synthetic(all)
    const first = kept(countFacets(papers.slice(0, counted), 'view', 1, undefined, { ids: null }))
    const read = new Set<string>()
    const joined = papers.slice(counted)
    let searched = false
    const steps = countingFacets(counting(papers, read), 'view', 2, first, {
      ids: new Set(joined.map(p => p.id)),
      shown: () => ((searched = true), joined)
    })
    let mostReadInAStep = 0
    for (let step = steps.next(); ; step = steps.next()) {
      mostReadInAStep = Math.max(mostReadInAStep, read.size)
      read.clear()
      if (step.done) {
        expect(step.value.facets).toEqual(computeFacets(papers))
        return { searched, mostReadInAStep }
      }
    }
  }

  it('reads none of the papers already counted when a few new papers are shown', () => {
    expect(readsWhenShown(20_000, 19_990)).toBe(0)
  })

  it('reads none of the papers already counted when a showing of an import brings thousands of new papers', () => {
    expect(readsWhenShown(40_000, 28_000)).toBe(0)
  })

  // the last showing of a 100,000-entry import into 1,000 papers had the 100,000 searched in one step (0.7 s)
  it('counts the list afresh a slice at a time, searching none of the changed papers, when most of it changed', () => {
    expect(stepsWhenShown(4_000, 1_000)).toEqual({ searched: false, mostReadInAStep: 1_024 })
  })

  it('counts the list afresh a slice at a time, searching none of the changed papers, when tens of thousands changed', () => {
    expect(stepsWhenShown(100_000, 70_000)).toEqual({ searched: false, mostReadInAStep: 1_024 })
  })
})
