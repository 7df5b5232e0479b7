// The "Items" grid: one row per paper, virtualised (only the rows on screen
// exist in the page), sortable by any column, with mouse and keyboard
// selection.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react'
import type { LightItem } from '@shared/model'
import { firstAuthorLabel, plainText, yearLabel } from '@shared/display'
import { RichText } from '../../components/RichText'
import { store } from '../../root'
import { placeInList, type SortColumn, type ViewState } from '../../store/views'
import { COLUMNS, type ColumnId } from './columns'

export interface Selection {
  ids: string[]
  /** where a Shift-range starts */
  anchor?: string
  /** the row the keyboard is on */
  focus?: string
}

const ROW_HEIGHT = 28
const OVERSCAN = 10

function nextSelection(items: LightItem[], current: Selection, clicked: string, event: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): Selection {
  if (event.shiftKey && current.anchor) {
    const from = items.findIndex(i => i.id === current.anchor)
    const to = items.findIndex(i => i.id === clicked)
    if (from >= 0 && to >= 0) {
      const [lo, hi] = from < to ? [from, to] : [to, from]
      return { ids: items.slice(lo, hi + 1).map(i => i.id), anchor: current.anchor }
    }
  }
  if (event.ctrlKey || event.metaKey) {
    const ids = current.ids.includes(clicked) ? current.ids.filter(id => id !== clicked) : [...current.ids, clicked]
    return { ids, anchor: clicked }
  }
  return { ids: [clicked], anchor: clicked }
}

function cell(item: LightItem, column: ColumnId) {
  switch (column) {
    case 'title':
      return <RichText markup={item.csl.title ?? '(untitled)'} />
    case 'author':
      return firstAuthorLabel(item)
    case 'year':
      return yearLabel(item)
    case 'journal':
      return item.csl['container-title-short'] ?? item.csl['container-title'] ?? ''
    case 'added':
      return new Date(item.addedAt).toLocaleDateString()
    case 'modified':
      return new Date(item.modifiedAt).toLocaleDateString()
    case 'rating':
      return item.rating ? '★'.repeat(item.rating) : ''
    case 'status':
      return item.readStatus && item.readStatus !== 'unread' ? item.readStatus : ''
    case 'key':
      return item.citationKey ?? ''
  }
}

export interface ItemListProps {
  items: LightItem[]
  columns: ColumnId[]
  sort: ViewState['sort']
  onSort: (sort: ViewState['sort']) => void
  selection: Selection
  onSelect: (s: Selection) => void
  onKeyDown?: (event: KeyboardEvent<HTMLDivElement>) => void
  onDragItems?: (event: React.DragEvent, ids: string[]) => void
  emptyText: string
}

export function ItemList({ items, columns, sort, onSort, selection, onSelect, onKeyDown, onDragItems, emptyText }: ItemListProps) {
  const scroller = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [height, setHeight] = useState(600)

  useEffect(() => {
    const el = scroller.current
    if (!el) return
    const observer = new ResizeObserver(() => setHeight(el.clientHeight))
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  // Keep the focused row on screen when the keyboard moves the selection.
  useEffect(() => {
    const el = scroller.current
    const anchor = selection.focus ?? selection.anchor
    if (!el || !anchor) return
    const index = placeInList(store, items, anchor)
    if (index < 0) return
    const top = index * ROW_HEIGHT
    if (top < el.scrollTop) el.scrollTop = top
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight - ROW_HEIGHT) el.scrollTop = top - el.clientHeight + 2 * ROW_HEIGHT
  }, [selection.focus, selection.anchor, items])

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN)
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN)
  // made once per selection: with every paper chosen (Ctrl+A at 100,000) a set made at each render (each step of a
  // whole-library write redraws the list) was most of those renders
  const selected = useMemo(() => new Set(selection.ids), [selection.ids])

  function header(column: ColumnId) {
    const sortable = COLUMNS[column].sort as SortColumn | undefined
    const active = sortable && sort.column === sortable
    const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'
    return (
      <div role="columnheader" key={column} aria-sort={ariaSort} className={`cell col-${column}`}>
        {sortable ? (
          <button
            type="button"
            className="sort-button"
            onClick={() => onSort({ column: sortable, direction: active && sort.direction === 'asc' ? 'desc' : 'asc' })}
          >
            {COLUMNS[column].label}
            {active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
          </button>
        ) : (
          COLUMNS[column].label
        )}
      </div>
    )
  }

  function onRowClick(event: MouseEvent, item: LightItem) {
    onSelect(nextSelection(items, selection, item.id, event))
  }

  return (
    <div role="grid" aria-label="Items" aria-multiselectable="true" aria-rowcount={items.length + 1} className="item-grid" tabIndex={0} onKeyDown={onKeyDown}>
      <div role="row" aria-rowindex={1} className="grid-header">
        {columns.map(header)}
      </div>
      <div ref={scroller} className="grid-body" onScroll={e => setScrollTop(e.currentTarget.scrollTop)}>
        {items.length === 0 && <p className="empty-library">{emptyText}</p>}
        <div style={{ height: items.length * ROW_HEIGHT, position: 'relative' }}>
          {items.slice(first, last).map((item, offset) => {
            const index = first + offset
            const isSelected = selected.has(item.id)
            return (
              <div
                role="row"
                key={item.id}
                data-item-id={item.id}
                aria-rowindex={index + 2}
                aria-selected={isSelected}
                className={`grid-row${isSelected ? ' selected' : ''}`}
                style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
                title={plainText(item.csl.title)}
                draggable
                onDragStart={e => onDragItems?.(e, isSelected ? selection.ids : [item.id])}
                onClick={e => onRowClick(e, item)}
              >
                {columns.map(column => (
                  <div role="gridcell" key={column} className={`cell col-${column}`}>
                    {cell(item, column)}
                  </div>
                ))}
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
