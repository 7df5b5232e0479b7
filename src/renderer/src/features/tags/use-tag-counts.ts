// How many papers in view carry each tag. Counting the tags of tens of
// thousands of papers (MeSH, keywords, peptides: a dozen each) took the
// window over half a second after a large import: it is done a slice at a
// time, and the previous counts stay on screen until the new ones are ready.
import { useEffect, useState } from 'react'
import type { LightItem } from '@shared/model'
import { itemTagKeys } from '@shared/tags'

/** work done between two turns of the event loop (a long task is 50 ms) */
const SLICE_MS = 20

export function useTagCounts(items: LightItem[]): Map<string, number> {
  const [counts, setCounts] = useState(() => new Map<string, number>())
  useEffect(() => {
    let stopped = false
    const counting = new Map<string, number>()
    let next = 0
    const step = (): void => {
      if (stopped) return
      const began = performance.now()
      while (next < items.length && performance.now() - began < SLICE_MS) {
        for (const key of itemTagKeys(items[next++])) counting.set(key, (counting.get(key) ?? 0) + 1)
      }
      if (next < items.length) setTimeout(step, 0)
      else setCounts(counting)
    }
    step()
    return () => {
      stopped = true
    }
  }, [items])
  return counts
}
