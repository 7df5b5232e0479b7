// How many papers in view carry each tag. Counting the tags of tens of
// thousands of papers (MeSH, keywords, peptides: a dozen each) took the
// window over half a second after a large import: it is done a slice at a
// time, from the counts of the list before (tag-counts.ts), and the previous
// counts stay on screen until the new ones are ready.
import { useEffect, useRef, useState } from 'react'
import type { LightItem } from '@shared/model'
import { countTags, NO_TAGS_COUNTED } from './tag-counts'

/** work done between two turns of the event loop (a long task is 50 ms) */
const SLICE_MS = 20

export function useTagCounts(items: LightItem[]): ReadonlyMap<string, number> {
  const counted = useRef(NO_TAGS_COUNTED)
  const [counts, setCounts] = useState(counted.current.counts)
  useEffect(() => {
    let stopped = false
    const counting = countTags(counted.current, items)
    const step = (): void => {
      if (stopped) return
      const began = performance.now()
      for (;;) {
        const next = counting.next()
        if (next.done) {
          counted.current = next.value
          return setCounts(next.value.counts)
        }
        if (performance.now() - began >= SLICE_MS) return void setTimeout(step, 0)
      }
    }
    step()
    return () => {
      stopped = true
    }
  }, [items])
  return counts
}
