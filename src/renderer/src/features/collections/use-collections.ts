// Collections change rarely, so reading the table after each library change is enough.
import { useMemo } from 'react'
import type { Collection } from '@shared/model'
import { useLibraryQuery } from '../../root'
import { descendantsOf } from '../../library/collections'
import { allCollections } from '../../library/queries'
import type { ViewId } from '../../store/views'

export function useCollections(): Collection[] | undefined {
  return useLibraryQuery(allCollections, [])
}

/** The sub-collections of the chosen collection: its view shows their papers too. */
export function useCollectionDescendants(view: ViewId): Set<string> | undefined {
  const collections = useCollections()
  const id = view.kind === 'collection' ? view.id : undefined
  return useMemo(() => (id && collections ? descendantsOf(collections, id) : undefined), [collections, id])
}
