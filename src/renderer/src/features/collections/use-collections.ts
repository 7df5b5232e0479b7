// Collections change rarely, so a live query on the table is enough.
import { useMemo } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import type { Collection } from '../../../../shared/model'
import { db } from '../../library-context'
import { descendantsOf } from '../../library/collections'
import type { ViewId } from '../../store/views'

export function useCollections(): Collection[] | undefined {
  return useLiveQuery(() => db.collections.toArray(), [])
}

/** The sub-collections of the chosen collection: its view shows their papers too. */
export function useCollectionDescendants(view: ViewId): Set<string> | undefined {
  const collections = useCollections()
  const id = view.kind === 'collection' ? view.id : undefined
  return useMemo(() => (id && collections ? descendantsOf(collections, id) : undefined), [collections, id])
}
