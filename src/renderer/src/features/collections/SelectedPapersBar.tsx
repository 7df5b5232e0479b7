// Above the Items list: file the selected papers in a collection, or take
// them out of the collection being viewed (and its sub-collections).
import { useMemo } from 'react'
import type { Message } from '../../components/StatusMessage'
import { db } from '../../library-context'
import { addItemsToCollection, removeItemsFromCollection } from '../../library/collections'
import type { ViewId } from '../../store/views'
import { buildTree, flatten } from './collection-tree'
import { useCollections } from './use-collections'
import { CollectionPicker } from './CollectionPicker'
import { papers } from './wording'

export interface SelectedPapersBarProps {
  view: ViewId
  selectedIds: string[]
  onMessage: (message: Message) => void
}

export function SelectedPapersBar({ view, selectedIds, onMessage }: SelectedPapersBarProps) {
  const collections = useCollections()
  const nodes = useMemo(() => flatten(buildTree(collections ?? [])), [collections])
  const nameOf = (id: string): string => collections?.find(c => c.id === id)?.name ?? 'the collection'
  const none = selectedIds.length === 0

  async function run(change: () => Promise<string>): Promise<void> {
    try {
      onMessage({ kind: 'info', text: await change() })
    } catch (error) {
      onMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) })
    }
  }

  const add = (id: string): Promise<void> =>
    run(async () => {
      const added = await addItemsToCollection(db, id, selectedIds)
      return added ? `Added ${papers(added)} to “${nameOf(id)}”.` : `Already in “${nameOf(id)}”.`
    })

  const remove = (id: string): Promise<void> =>
    run(async () => `Removed ${papers(await removeItemsFromCollection(db, id, selectedIds))} from “${nameOf(id)}”. They stay in your library.`)

  if (view.kind === 'trash' || view.kind === 'pubmed') return null
  return (
    <div role="toolbar" aria-label="Selected papers" className="selected-papers-bar">
      <CollectionPicker label="Add to collection" nodes={nodes} disabled={none} onPick={id => id && void add(id)} />
      {view.kind === 'collection' && (
        <button type="button" className="small" disabled={none} onClick={() => void remove(view.id)}>
          Remove from collection
        </button>
      )}
    </div>
  )
}
