// How many papers of a list carry each tag, worked out from the counts of the list counted before: a large import is
// shown in steps, each list mostly the one before it, and counting every paper's tags again at each step was most of
// the window's tag work (10,000 MEDLINE records, a few dozen tags each: 251 ms a count).
import type { ItemBasics } from '@shared/model'
import { itemTagKeys } from '@shared/tags'

/** A list's tag counts, and its papers (each paper as the window held it: a changed paper is a new copy). */
export interface CountedTags {
  papers: ReadonlySet<ItemBasics>
  counts: ReadonlyMap<string, number>
}

export const NO_TAGS_COUNTED: CountedTags = { papers: new Set(), counts: new Map() }

/** papers looked at between two yields */
const STEP = 512

/**
 * The counts of `items`, from `before`: only the papers that came into the list or left it are read (all of them when
 * most did). Yields every few hundred papers so the caller can give the window its turn.
 */
export function* countTags(before: CountedTags, items: readonly ItemBasics[], keysOf = itemTagKeys): Generator<void, CountedTags> {
  const papers = new Set<ItemBasics>()
  const came: ItemBasics[] = []
  for (let n = 0; n < items.length; n++) {
    const paper = items[n]
    papers.add(paper)
    if (!before.papers.has(paper)) came.push(paper)
    if (n % STEP === STEP - 1) yield
  }
  const stayed = papers.size - came.length
  // a list mostly new is counted afresh: fewer papers read than taking the old ones out
  const afresh = stayed < before.papers.size - stayed
  const counts = new Map(afresh ? undefined : before.counts)
  const add = (paper: ItemBasics, by: number) => {
    for (const key of keysOf(paper)) {
      const count = (counts.get(key) ?? 0) + by
      if (count) counts.set(key, count)
      else counts.delete(key)
    }
  }
  let read = 0
  if (!afresh)
    for (const paper of before.papers) {
      if (papers.has(paper)) continue
      add(paper, -1)
      if (++read % STEP === 0) yield
    }
  for (const paper of afresh ? papers : came) {
    add(paper, 1)
    if (++read % STEP === 0) yield
  }
  return { papers, counts }
}
