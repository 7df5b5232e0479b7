// The sidebar's "Collections" section: the tree and what can be done to a
// collection (new, rename, move, delete). "New" inside a chosen collection
// makes a sub-collection. Deleting asks first and never deletes a paper.
import { problemText } from '../../messages'
import { useNotify } from '../../components/notify'
import { useMarkPlace } from '../../components/place'
import { useLatest } from '../../components/use-latest'
import { useMemo, useState, type DragEvent } from 'react'
import type { Collection } from '@shared/model'
import { db } from '../../root'
import { createCollection, deleteCollection, descendantsOf, moveCollection, renameCollection } from '../../library/collections'
import { addToCollectionInWorker } from '../item'
import type { ViewId } from '../../store/views'
import { buildTree, flatten } from './collection-tree'
import { useCollections } from './use-collections'
import { CollectionTree } from './CollectionTree'
import { CollectionPicker } from './CollectionPicker'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { NameForm } from './NameForm'
import { COLLECTION_TYPE, carries } from './drag'
import { papers } from './wording'

type Editing = { mode: 'create'; parentId?: string } | { mode: 'rename'; id: string } | null

export interface CollectionsSectionProps {
  current: ViewId
  onChoose: (view: ViewId) => void
}

export function CollectionsSection({ current, onChoose }: CollectionsSectionProps) {
  const notify = useNotify()
  const markPlace = useMarkPlace()
  const shown = useLatest(current)
  const collections = useCollections()
  const nodes = useMemo(() => buildTree(collections ?? []), [collections])
  const byId = useMemo(() => new Map((collections ?? []).map(c => [c.id, c])), [collections])
  const chosen = current.kind === 'collection' ? byId.get(current.id) : undefined
  const [editing, setEditing] = useState<Editing>(null)
  const [deleting, setDeleting] = useState<Collection | null>(null)

  /** Runs a change; a refusal becomes a message instead of an uncaught error. */
  async function attempt(change: () => Promise<string | undefined>): Promise<void> {
    try {
      const done = await change()
      if (done) notify({ kind: 'info', text: done })
    } catch (error) {
      notify({ kind: 'error', text: problemText(error) })
    }
  }

  /** The new collection is shown, unless the researcher went elsewhere while its write waited (behind a whole-library change). */
  async function create(name: string, parentId?: string): Promise<void> {
    const stillThere = markPlace()
    const made = await createCollection(db, name, parentId)
    setEditing(null)
    if (stillThere()) onChoose({ kind: 'collection', id: made.id })
  }

  async function rename(id: string, name: string): Promise<void> {
    await renameCollection(db, id, name)
    setEditing(null)
  }

  const move = (id: string, parentId: string | undefined): Promise<void> =>
    attempt(async () => {
      if (byId.get(id)?.parentId === parentId) return undefined
      await moveCollection(db, id, parentId)
      const where = parentId ? `into “${byId.get(parentId)?.name}”` : 'to the top level'
      return `Moved “${byId.get(id)?.name}” ${where}.`
    })

  const file = (id: string, itemIds: string[]): Promise<void> =>
    attempt(async () => {
      const added = await addToCollectionInWorker(db, id, itemIds)
      const name = byId.get(id)?.name
      return added ? `Added ${papers(added)} to “${name}”.` : `${itemIds.length === 1 ? 'That paper is' : 'Those papers are'} already in “${name}”.`
    })

  async function confirmDelete(collection: Collection): Promise<void> {
    setDeleting(null)
    const going = new Set([collection.id, ...descendantsOf(collections ?? [], collection.id)])
    await attempt(async () => {
      await deleteCollection(db, collection.id)
      return `Deleted the collection “${collection.name}”. Its papers are still in All items.`
    })
    // the view shown now, not when asked: the researcher may have gone elsewhere while the write waited
    if (shown.current.kind === 'collection' && going.has(shown.current.id)) onChoose({ kind: 'all' })
  }

  // A collection dropped on the section, outside any other collection, goes to top level.
  const topLevelDrop = {
    onDragOver: (e: DragEvent) => carries(e, COLLECTION_TYPE) && e.preventDefault(),
    onDrop: (e: DragEvent) => {
      if (!carries(e, COLLECTION_TYPE)) return
      e.preventDefault()
      void move(e.dataTransfer.getData(COLLECTION_TYPE), undefined)
    }
  }

  const subCount = deleting ? descendantsOf(collections ?? [], deleting.id).size : 0
  return (
    <section aria-label="Collections" className="sidebar-section collections-section" {...topLevelDrop}>
      <h2 className="sidebar-heading">Collections</h2>
      <div className="collection-actions">
        <button
          type="button"
          className="small"
          aria-label="New collection"
          title={chosen ? `New sub-collection inside “${chosen.name}”` : 'New top-level collection'}
          onClick={() => setEditing({ mode: 'create', parentId: chosen?.id })}
        >
          New
        </button>
        {chosen && (
          <>
            <button type="button" className="small" aria-label="Rename collection" onClick={() => setEditing({ mode: 'rename', id: chosen.id })}>
              Rename
            </button>
            <CollectionPicker
              label="Move…"
              name="Move collection"
              nodes={flatten(nodes)}
              exclude={new Set([chosen.id, ...descendantsOf(collections ?? [], chosen.id)])}
              noneLabel="Top level"
              onPick={parentId => void move(chosen.id, parentId)}
            />
            <button type="button" className="small" aria-label="Delete collection" onClick={() => setDeleting(chosen)}>
              Delete
            </button>
          </>
        )}
      </div>
      {editing?.mode === 'create' && (
        <NameForm
          label={editing.parentId ? `Name of the new sub-collection in “${byId.get(editing.parentId)?.name}”` : 'Name of the new collection'}
          submitLabel="Create"
          onSubmit={name => create(name, editing.parentId)}
          onCancel={() => setEditing(null)}
        />
      )}
      {collections && collections.length === 0 && !editing && <p className="muted sidebar-hint">No collections yet.</p>}
      <CollectionTree
        nodes={nodes}
        currentId={chosen?.id}
        renaming={
          editing?.mode === 'rename'
            ? {
                id: editing.id,
                form: (
                  <NameForm
                    label="Collection name"
                    initial={byId.get(editing.id)?.name}
                    submitLabel="Rename"
                    onSubmit={name => rename(editing.id, name)}
                    onCancel={() => setEditing(null)}
                  />
                )
              }
            : undefined
        }
        onChoose={id => onChoose({ kind: 'collection', id })}
        onRename={id => setEditing({ mode: 'rename', id })}
        onDelete={id => setDeleting(byId.get(id) ?? null)}
        onDropItems={(id, itemIds) => void file(id, itemIds)}
        onMoveCollection={(id, parentId) => void move(id, parentId)}
      />
      {deleting && (
        <ConfirmDialog
          title={`Delete the collection “${deleting.name}”?`}
          confirmLabel="Delete"
          onConfirm={() => void confirmDelete(deleting)}
          onCancel={() => setDeleting(null)}
        >
          <p>
            {subCount > 0 && `Its ${subCount === 1 ? 'sub-collection goes' : `${subCount} sub-collections go`} too. `}
            The papers in it stay in your library.
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}
