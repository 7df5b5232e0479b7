// Keyboard in the item list: arrows move (Shift extends), Ctrl/Cmd+A selects
// all, Delete moves to Trash, Enter opens the details pane.
import type { KeyboardEvent } from 'react'
import type { LightItem } from '@shared/model'
import type { Selection } from './ItemList'

export interface ListKeyActions {
  select: (s: Selection) => void
  trash: (ids: string[]) => void
  open: (id: string) => void
}

export function handleListKey(event: KeyboardEvent, items: LightItem[], selection: Selection, actions: ListKeyActions): void {
  const mod = event.ctrlKey || event.metaKey
  if (mod && event.key.toLowerCase() === 'a') {
    event.preventDefault()
    actions.select({ ids: items.map(i => i.id), anchor: selection.anchor ?? items[0]?.id })
    return
  }
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault()
    if (items.length === 0) return
    const at = items.findIndex(i => i.id === (selection.focus ?? selection.anchor))
    const next = at < 0 ? 0 : Math.max(0, Math.min(items.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))
    const target = items[next].id
    if (event.shiftKey && selection.anchor) {
      const from = items.findIndex(i => i.id === selection.anchor)
      const [lo, hi] = from < next ? [from, next] : [next, from]
      actions.select({ ids: items.slice(lo, hi + 1).map(i => i.id), anchor: selection.anchor, focus: target })
    } else {
      actions.select({ ids: [target], anchor: target, focus: target })
    }
    return
  }
  if ((event.key === 'Delete' || event.key === 'Backspace') && selection.ids.length) {
    event.preventDefault()
    actions.trash(selection.ids)
    return
  }
  if (event.key === 'Enter' && selection.ids.length === 1) {
    event.preventDefault()
    actions.open(selection.ids[0])
  }
}
