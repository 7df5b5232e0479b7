// Above the Items list: file the selected papers in a collection, or take
// them out of the collection being viewed (and its sub-collections).
import { problemText } from '../../messages'
import { useNotify } from '../../components/notify'
import { useMemo } from 'react'
import { db } from '../../root'
import { removeItemsFromCollection } from '../../library/collections'
import { addToCollectionInWorker } from '../item'
import { sayProgress } from '../../components/say-progress'
import type { ViewId } from '../../store/views'
import { buildTree, flatten } from './collection-tree'
import { useCollections } from './use-collections'
import { CollectionPicker } from './CollectionPicker'
import { papers } from './wording'

export interface SelectedPapersBarProps {
  view: ViewId
  selectedIds: string[]
}

export function SelectedPapersBar({ view, selectedIds }: SelectedPapersBarProps) {
  const notify = useNotify()
  const collections = useCollections()
  const nodes = useMemo(() => flatten(buildTree(collections ?? [])), [collections])
  const nameOf = (id: string): string => collections?.find(c => c.id === id)?.name ?? 'the collection'
  const none = selectedIds.length === 0

  async function run(change: () => Promise<string>): Promise<void> {
    try {
      notify({ kind: 'info', text: await change() })
    } catch (error) {
      notify({ kind: 'error', text: problemText(error) })
    }
  }

  const add = (id: string): Promise<void> =>
    run(async () => {
      const progress = sayProgress(notify, `Adding ${papers(selectedIds.length)} to “${nameOf(id)}”`, selectedIds.length)
      const added = await addToCollectionInWorker(db, id, selectedIds, { progress })
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
