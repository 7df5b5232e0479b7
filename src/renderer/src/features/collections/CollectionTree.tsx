// The "Collections" tree (WAI-ARIA tree pattern): click or Enter chooses a
// collection, arrows move and expand, F2 renames, Delete asks to delete.
// Papers dropped on a collection are filed there; a collection dropped on
// another moves inside it.
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react'
import { descendantsOf } from '../../library/collections'
import { flatten, type CollectionNode } from './collection-tree'
import { COLLECTION_TYPE, ITEMS_TYPE, carries, droppedItemIds, startDraggingCollection } from './drag'
import './collections.css'

export interface CollectionTreeProps {
  nodes: CollectionNode[]
  currentId?: string
  /** the collection whose name is being edited, and the form to show instead of its name */
  renaming?: { id: string; form: ReactNode }
  onChoose: (id: string) => void
  onRename: (id: string) => void
  onDelete: (id: string) => void
  onDropItems: (collectionId: string, itemIds: string[]) => void
  onMoveCollection: (id: string, newParentId: string) => void
}

export function CollectionTree({ nodes, currentId, renaming, onChoose, onRename, onDelete, onDropItems, onMoveCollection }: CollectionTreeProps) {
  const tree = useRef<HTMLUListElement>(null)
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set())
  const [focusId, setFocusId] = useState<string>()
  const [dropTarget, setDropTarget] = useState<string>()
  const dragged = useRef<string>(undefined)

  const visible = flatten(nodes, collapsed)
  const all = flatten(nodes)
  const parentOf = new Map(all.flatMap(n => n.children.map(c => [c.collection.id, n.collection.id] as const)))
  const tabStop = visible.some(n => n.collection.id === focusId) ? focusId : (currentId ?? visible[0]?.collection.id)

  // Open the way to the chosen collection (a new sub-collection inside a closed one).
  useEffect(() => {
    if (!currentId) return
    setCollapsed(before => {
      const after = new Set(before)
      for (let id = parentOf.get(currentId); id; id = parentOf.get(id)) after.delete(id)
      return after.size === before.size ? before : after
    })
  }, [currentId, nodes])

  function focus(id: string | undefined): void {
    if (!id) return
    setFocusId(id)
    tree.current?.querySelector<HTMLElement>(`[data-id="${id}"]`)?.focus()
  }

  function setOpen(id: string, open: boolean): void {
    setCollapsed(before => {
      const after = new Set(before)
      if (open) after.delete(id)
      else after.add(id)
      return after
    })
  }

  function onKey(event: KeyboardEvent): void {
    if ((event.target as HTMLElement).closest('form')) return // typing a new name
    const id = (event.target as HTMLElement).closest<HTMLElement>('[role=treeitem]')?.dataset.id
    const at = visible.findIndex(n => n.collection.id === id)
    const node = visible[at]
    if (!id || !node) return
    const open = node.children.length > 0 && !collapsed.has(id)
    const act: Record<string, () => void> = {
      ArrowDown: () => focus(visible[at + 1]?.collection.id),
      ArrowUp: () => focus(visible[at - 1]?.collection.id),
      Home: () => focus(visible[0]?.collection.id),
      End: () => focus(visible[visible.length - 1]?.collection.id),
      ArrowRight: () => (open ? focus(node.children[0].collection.id) : node.children.length > 0 && setOpen(id, true)),
      ArrowLeft: () => (open ? setOpen(id, false) : focus(parentOf.get(id))),
      Enter: () => onChoose(id),
      ' ': () => onChoose(id),
      F2: () => onRename(id),
      Delete: () => onDelete(id)
    }
    if (!act[event.key]) return
    event.preventDefault()
    event.stopPropagation()
    act[event.key]()
  }

  /** Papers can go anywhere; a collection not into itself or below itself. */
  function accepts(event: DragEvent, target: string): boolean {
    if (carries(event, ITEMS_TYPE)) return true
    if (!carries(event, COLLECTION_TYPE) || !dragged.current) return false
    return (
      dragged.current !== target &&
      !descendantsOf(
        all.map(n => n.collection),
        dragged.current
      ).has(target)
    )
  }

  function onDrop(event: DragEvent, target: string): void {
    event.preventDefault()
    event.stopPropagation()
    setDropTarget(undefined)
    if (carries(event, ITEMS_TYPE)) onDropItems(target, droppedItemIds(event))
    else if (carries(event, COLLECTION_TYPE)) onMoveCollection(event.dataTransfer.getData(COLLECTION_TYPE), target)
  }

  function renderNode(node: CollectionNode): ReactNode {
    const { id, name } = node.collection
    const hasChildren = node.children.length > 0
    const open = hasChildren && !collapsed.has(id)
    const isRenaming = renaming?.id === id
    return (
      <li
        role="treeitem"
        key={id}
        data-id={id}
        aria-label={name}
        aria-level={node.depth}
        aria-expanded={hasChildren ? open : undefined}
        aria-selected={id === currentId}
        tabIndex={id === tabStop ? 0 : -1}
        onFocus={e => e.target === e.currentTarget && setFocusId(id)}
      >
        <div
          className={`tree-row${id === currentId ? ' current' : ''}${id === dropTarget ? ' drop-target' : ''}`}
          style={{ paddingLeft: (node.depth - 1) * 14 }}
          draggable={!isRenaming}
          onDragStart={e => {
            e.stopPropagation()
            dragged.current = id
            startDraggingCollection(e, id)
          }}
          onDragEnd={() => (dragged.current = undefined)}
          onDragOver={e => {
            if (!accepts(e, id)) {
              if (carries(e, COLLECTION_TYPE)) e.stopPropagation() // refused here, not "to top level" either
              return
            }
            e.preventDefault()
            e.stopPropagation()
            e.dataTransfer.dropEffect = carries(e, ITEMS_TYPE) ? 'copy' : 'move'
            setDropTarget(id)
          }}
          onDragLeave={() => setDropTarget(t => (t === id ? undefined : t))}
          onDrop={e => onDrop(e, id)}
          onClick={() => !isRenaming && (setFocusId(id), onChoose(id))}
        >
          <span
            className="twisty"
            aria-hidden="true"
            onClick={e => {
              if (!hasChildren) return
              e.stopPropagation()
              setOpen(id, !open)
            }}
          >
            {hasChildren ? (open ? '▾' : '▸') : ''}
          </span>
          {isRenaming ? renaming.form : <span className="tree-name">{name}</span>}
        </div>
        {open && <ul role="group">{node.children.map(renderNode)}</ul>}
      </li>
    )
  }

  return (
    <ul role="tree" aria-label="Collections" className="collection-tree" ref={tree} onKeyDown={onKey}>
      {nodes.map(renderNode)}
    </ul>
  )
}
