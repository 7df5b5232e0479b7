// The Duplicates view's pairs: likely duplicates in the library, less the
// pairs the researcher marked "Not duplicates" (kept in settings).
import { useMemo } from 'react'
import type { DuplicatePair } from '@shared/duplicates'
import { store, useLibraryQuery } from '../../root'
import { readSetting } from '../../library/settings'
import { NOT_DUPLICATES_KEY, pairsToReview } from '../../library/merge'

const NONE: string[] = []

/** Pairs to review; computed only while the Duplicates view is `active` (it scans the whole library). */
export function useDuplicatePairs(active: boolean, version: number): DuplicatePair[] {
  const dismissed = useLibraryQuery(db => readSetting<string[]>(db, NOT_DUPLICATES_KEY, NONE), [], NONE)
  return useMemo(() => (active ? pairsToReview(store.items.values(), dismissed) : []), [active, version, dismissed])
}
