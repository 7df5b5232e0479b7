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
 * Papers counted between two yields: 64, or fewer with many tags (a paper costs PAPER_COST and each of its tags one, up
 * to COUNTED_STEP a step). A new copy's tag keys are worked out when first counted, from its keywords and MeSH headings:
 * after a whole-library tag at 100,000 papers, 512 new copies were a step of 36 ms CPU (traced, load 10).
 */
const PAPER_COST = 16
const COUNTED_STEP = 1024

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
  // what was read since the last yield: a paper, and each of its tags
  let read = 0
  const add = (paper: ItemBasics, by: number) => {
    const keys = keysOf(paper)
    for (const key of keys) {
      const count = (counts.get(key) ?? 0) + by
      if (count) counts.set(key, count)
      else counts.delete(key)
    }
    read += PAPER_COST + keys.length
  }
  if (!afresh)
    for (const paper of before.papers) {
      if (papers.has(paper)) continue
      add(paper, -1)
      if (read >= COUNTED_STEP) {
        read = 0
        yield
      }
    }
  for (const paper of afresh ? papers : came) {
    add(paper, 1)
    if (read >= COUNTED_STEP) {
      read = 0
      yield
    }
  }
  return { papers, counts }
}
