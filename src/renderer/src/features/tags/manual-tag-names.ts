// The manual tag names in use, for the "Add tag" suggestions. Worked out in the render at every change of the library,
// the walk over 100,000 papers (and the sort of their names) ran in each drawing of a whole-library tag, filing or
// Trash, at each of its showings and at each step of the index's progress after it: the researcher is not waiting for
// suggestions then, so they are counted again a slice at a time, the names before offered meanwhile.
import type { ItemBasics } from '@shared/model'

/** papers read between two looks at the clock */
const STEP = 1024

/** The manual tag names of these papers, alphabetically; yields every `STEP` papers. */
export function* manualTagNames(papers: Iterable<ItemBasics>): Generator<void, string[]> {
  const names = new Set<string>()
  let read = 0
  for (const paper of papers) {
    for (const tag of paper.tags) names.add(tag)
    if (++read % STEP === 0) yield
  }
  return [...names].sort((a, b) => a.localeCompare(b))
}
