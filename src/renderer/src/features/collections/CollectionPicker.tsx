// A menu button listing the collections as an indented tree: "Add to
// collection" for papers, "Move to…" for a collection.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { CollectionNode } from './collection-tree'
import './collections.css'

export interface CollectionPickerProps {
  label: string
  /** the accessible name when the visible label is shorter */
  name?: string
  nodes: CollectionNode[]
  /** collections that cannot be picked (a collection cannot move into itself) */
  exclude?: ReadonlySet<string>
  /** offered first, picks `undefined` (e.g. "Top level") */
  noneLabel?: string
  disabled?: boolean
  onPick: (id: string | undefined) => void
}

export function CollectionPicker({ label, name, nodes, exclude, noneLabel, disabled, onPick }: CollectionPickerProps) {
  const [open, setOpen] = useState(false)
  const holder = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const choices = nodes.filter(n => !exclude?.has(n.collection.id))

  useEffect(() => {
    if (!open) return
    holder.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus()
    const close = (event: MouseEvent): void => {
      if (!holder.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', close)
    return () => document.removeEventListener('mousedown', close)
  }, [open])

  function pick(id: string | undefined): void {
    setOpen(false)
    button.current?.focus()
    onPick(id)
  }

  function onMenuKey(event: KeyboardEvent): void {
    const items = [...(holder.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])]
    const at = items.indexOf(document.activeElement as HTMLElement)
    if (event.key === 'Escape') {
      event.stopPropagation()
      setOpen(false)
      button.current?.focus()
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      items[(at + step + items.length) % items.length]?.focus()
    }
  }

  return (
    <div className="menu" ref={holder}>
      <button
        type="button"
        ref={button}
        className="small"
        aria-label={name}
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={disabled}
        onClick={() => setOpen(!open)}
      >
        {label}
      </button>
      {open && (
        <div role="menu" aria-label={name ?? label} className="menu-popup collection-menu" onKeyDown={onMenuKey}>
          {noneLabel && (
            <button type="button" role="menuitem" tabIndex={-1} onClick={() => pick(undefined)}>
              {noneLabel}
            </button>
          )}
          {choices.map(node => (
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              key={node.collection.id}
              style={{ paddingLeft: 4 + node.depth * 12 }}
              onClick={() => pick(node.collection.id)}
            >
              {node.collection.name}
            </button>
          ))}
          {!noneLabel && choices.length === 0 && (
            <button type="button" role="menuitem" tabIndex={-1} aria-disabled="true" disabled>
              No collections yet: create one in the sidebar.
            </button>
          )}
        </div>
      )}
    </div>
  )
}
