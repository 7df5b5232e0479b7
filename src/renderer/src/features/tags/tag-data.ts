// What the tag views read: manual tag colours (read again after each library change), the
// manual tag names in use, and each kind's name for people and screen readers.
import { useMemo } from 'react'
import type { TagKind } from '@shared/tags'
import { store, useLibraryQuery, useLibraryVersion } from '../../root'
import { tagColors } from '../../library/tags'

export const KIND_NAME: Record<TagKind, string> = { manual: 'Manual', keyword: 'Keyword', mesh: 'MeSH', peptide: 'Peptide' }

/** Short marks shown on chips; the full kind name is read out instead. */
export const KIND_MARK: Record<TagKind, string> = { manual: '', keyword: 'KW', mesh: 'MeSH', peptide: 'Pep' }

const NO_COLORS = new Map<string, string>()

export function useTagColors(): Map<string, string> {
  return useLibraryQuery(tagColors, [], NO_COLORS)
}

/** Manual tag names used anywhere in the library, alphabetically (for suggestions). */
export function useManualTagNames(): string[] {
  const version = useLibraryVersion()
  return useMemo(() => {
    const names = new Set<string>()
    for (const item of store.items.values()) for (const tag of item.tags) names.add(tag)
    return [...names].sort((a, b) => a.localeCompare(b))
  }, [version])
}
