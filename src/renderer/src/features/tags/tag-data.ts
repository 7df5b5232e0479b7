// What the tag views read: manual tag colours (read again after each library change), the
// manual tag names in use, and each kind's name for people and screen readers.
import { useEffect, useState } from 'react'
import type { TagKind } from '@shared/tags'
import { store, useLibraryQuery, useLibraryVersion } from '../../root'
import { tagColors } from '../../library/tags'
import { inIdleTurns, untilStopped } from '../../store/turns'
import { manualTagNames } from './manual-tag-names'

export const KIND_NAME: Record<TagKind, string> = { manual: 'Manual', keyword: 'Keyword', mesh: 'MeSH', peptide: 'Peptide' }

/** Short marks shown on chips; the full kind name is read out instead. */
export const KIND_MARK: Record<TagKind, string> = { manual: '', keyword: 'KW', mesh: 'MeSH', peptide: 'Pep' }

const NO_COLORS = new Map<string, string>()

export function useTagColors(): Map<string, string> {
  return useLibraryQuery(tagColors, [], NO_COLORS)
}

/** the names counted last, and the library's version then (one library per window) */
let counted: { version: number; names: string[] } | undefined

/**
 * Manual tag names used anywhere in the library, alphabetically (for suggestions): counted again in idle time once
 * papers changed (manual-tag-names.ts), not at a change of no paper (the index's progress, a column's order made).
 */
export function useManualTagNames(): string[] {
  const version = useLibraryVersion()
  const [names, setNames] = useState(() => counted?.names ?? NO_NAMES)
  useEffect(() => {
    const changed = counted && store.changedSince(counted.version, 0)
    if (counted && changed?.size === 0) return setNames(counted.names)
    const stop = { stopped: false }
    const at = store.version
    void inIdleTurns(untilStopped(manualTagNames(store.items.values()), stop)).then(made => {
      if (!made) return
      counted = { version: at, names: made }
      setNames(made)
    })
    return () => {
      stop.stopped = true
    }
  }, [version])
  return names
}

const NO_NAMES: string[] = []
