// Papers that come almost in order (the library read at open, by date added)
// are sorted as any others would be: by key, ties by id.
import { describe, expect, it } from 'vitest'
import type { LightItem } from '@shared/model'
import { sortInSlices } from './sort-in-slices'
import { SORT_KEYS } from './views'
import { atOnce } from './turns'
import { randomFrom } from './random-changes.test-support'

/** Papers added in writes of 1 to `most` papers each, a write's papers sharing their date added; ids as the library gives them. */
function addedInWrites(count: number, most: number, random: () => number): LightItem[] {
  const papers: LightItem[] = []
  for (let at = 1_700_000_000_000; papers.length < count; at += 1 + Math.floor(random() * 1000)) {
    const write = Math.min(count - papers.length, 1 + Math.floor(random() * most))
    for (let k = 0; k < write; k++) papers.push({ id: crypto.randomUUID(), addedAt: at } as LightItem)
  }
  return papers
}

/** The papers' ids by date added, ties by id: what sorting at a click gives. */
const byDateAdded = (papers: LightItem[]) =>
  papers
    .map(item => ({ id: item.id, key: SORT_KEYS.added(item) }))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.id < y.id ? -1 : 1))
    .map(p => p.id)

/** As the library arrives at open: its newest page first (newest first), then every paper by date added, ties by id. */
function asAtOpen(papers: LightItem[], random: () => number): LightItem[] {
  const ordered = byDateAdded(papers).map(id => papers.find(p => p.id === id)!)
  const newest = ordered.slice(-200).reverse()
  const rest = ordered.slice(0, -200)
  // papers changed since the saved form came after it, wherever they were
  const changed = rest.filter(() => random() < 0.01)
  return [...newest, ...rest.filter(p => !changed.includes(p)), ...changed]
}

const idsSorted = (papers: LightItem[]) => atOnce(sortInSlices(papers, SORT_KEYS.added)).items.map(item => item.id)

describe('papers sorted by date added', () => {
  it.each([1, 2, 3, 4, 5])('puts a library arriving as at open in the order a sort at the click gives, whatever its ids (seed %i)', seed => {
    const random = randomFrom(seed)
    const papers = asAtOpen(addedInWrites(6000, seed * 20, random), random)
    expect(idsSorted(papers)).toEqual(byDateAdded(papers))
  })

  it.each([
    ['in order', (papers: LightItem[]) => papers],
    ['newest first', (papers: LightItem[]) => [...papers].reverse()],
    [
      'in long stretches out of order, a few papers apart',
      (papers: LightItem[]) => {
        const stretches = [3, 0, 5, 1, 4, 2].flatMap(n => papers.slice(n * 2500, (n + 1) * 2500))
        return [...stretches.filter((_, n) => n % 97 === 5), ...stretches.filter((_, n) => n % 97 !== 5)]
      }
    ],
    [
      'in many short stretches',
      (papers: LightItem[]) =>
        Array.from({ length: 150 }, (_, n) => papers.slice(n * 100, (n + 1) * 100))
          .reverse()
          .flat()
    ],
    [
      'shuffled',
      (papers: LightItem[]) =>
        papers
          .map(p => ({ p, at: Math.random() }))
          .sort((a, b) => a.at - b.at)
          .map(({ p }) => p)
    ]
  ])('puts papers %s in the order a sort at the click gives', (_, arrange) => {
    const random = randomFrom(7)
    const papers = arrange(atOnce(sortInSlices(addedInWrites(15_000, 30, random), SORT_KEYS.added)).items)
    expect(idsSorted(papers)).toEqual(byDateAdded(papers))
  })

  it('reads the ids of a library arriving as at open only where papers added together tie, not at every comparison of a sort', () => {
    const random = randomFrom(11)
    let idsRead = 0
    const papers = asAtOpen(addedInWrites(6000, 40, random), random).map(({ id, ...rest }) =>
      Object.defineProperty(rest, 'id', { get: () => (idsRead++, id), enumerable: true })
    ) as LightItem[]
    const expected = byDateAdded(papers)
    idsRead = 0
    const sorted = atOnce(sortInSlices(papers, SORT_KEYS.added)).items
    // sorted as any order, papers added together were compared by id at each step of the merge sort: 87,862 reads
    expect(idsRead).toBeLessThan(3 * papers.length)
    expect(sorted.map(item => item.id)).toEqual(expected)
  })
})
