// How many papers in view carry each tag. Counting the tags of tens of
// thousands of papers (MeSH, keywords, peptides: a dozen each) took the
// window over half a second after a large import: it is done a slice at a
// time, from the counts of the list before (tag-counts.ts), and the previous
// counts stay on screen until the new ones are ready.
import { useEffect, useRef, useState } from 'react'
import type { LightItem } from '@shared/model'
import { countTags, NO_TAGS_COUNTED } from './tag-counts'
import { inTurnsFromNextTask, untilStopped } from '../../store/turns'

export function useTagCounts(items: LightItem[]): ReadonlyMap<string, number> {
  const counted = useRef(NO_TAGS_COUNTED)
  const [counts, setCounts] = useState(counted.current.counts)
  useEffect(() => {
    const stop = { stopped: false }
    void inTurnsFromNextTask(untilStopped(countTags(counted.current, items), stop)).then(done => {
      if (!done) return
      counted.current = done
      setCounts(done.counts)
    })
    return () => void (stop.stopped = true)
  }, [items])
  return counts
}
