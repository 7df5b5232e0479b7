// Drag and drop between the Items list and the Collections tree. Papers and
// collections travel under custom types so no other drop (a file, a link)
// is mistaken for them.
import type { DragEvent } from 'react'

export const ITEMS_TYPE = 'application/x-neuroref-items'
export const COLLECTION_TYPE = 'application/x-neuroref-collection'

/** Passed to ItemList as `onDragItems`: the dragged papers' ids go along as JSON. */
export function startDraggingItems(event: DragEvent, ids: string[]): void {
  event.dataTransfer.setData(ITEMS_TYPE, JSON.stringify(ids))
  event.dataTransfer.effectAllowed = 'copyMove'
}

export function startDraggingCollection(event: DragEvent, id: string): void {
  event.dataTransfer.setData(COLLECTION_TYPE, id)
  event.dataTransfer.effectAllowed = 'move'
}

/** During dragover only the types can be read, not the data. */
export function carries(event: DragEvent, type: string): boolean {
  return Array.from(event.dataTransfer.types).includes(type)
}

/** The paper ids of a drop, or none when the data is not a list of ids. */
export function droppedItemIds(event: DragEvent): string[] {
  try {
    const ids: unknown = JSON.parse(event.dataTransfer.getData(ITEMS_TYPE))
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []
  } catch {
    return []
  }
}
