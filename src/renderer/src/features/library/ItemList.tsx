// The "Items" table: one row per paper, click to select (Ctrl/Cmd and Shift extend).
import type { MouseEvent } from 'react'
import type { Item } from '../../../../shared/model'
import { firstAuthorLabel, plainText, yearLabel } from '../../../../shared/display'
import { RichText } from '../../components/RichText'

export interface Selection {
  ids: string[]
  anchor?: string
}

export function nextSelection(items: Item[], current: Selection, clicked: string, event: MouseEvent): Selection {
  if (event.shiftKey && current.anchor) {
    const from = items.findIndex((i) => i.id === current.anchor)
    const to = items.findIndex((i) => i.id === clicked)
    const [lo, hi] = from < to ? [from, to] : [to, from]
    return { ids: items.slice(lo, hi + 1).map((i) => i.id), anchor: current.anchor }
  }
  if (event.ctrlKey || event.metaKey) {
    const ids = current.ids.includes(clicked) ? current.ids.filter((id) => id !== clicked) : [...current.ids, clicked]
    return { ids, anchor: clicked }
  }
  return { ids: [clicked], anchor: clicked }
}

export function ItemList({ items, selection, onSelect }: { items: Item[]; selection: Selection; onSelect: (s: Selection) => void }) {
  if (items.length === 0) {
    return <p className="empty-library">Your library is empty. Paste a DOI, PMID or PMCID into “Add by identifier”.</p>
  }
  return (
    <table aria-label="Items" className="item-table" aria-multiselectable="true" role="grid">
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">First author</th>
          <th scope="col">Year</th>
          <th scope="col">Journal</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const selected = selection.ids.includes(item.id)
          return (
            <tr
              key={item.id}
              aria-selected={selected}
              className={selected ? 'selected' : undefined}
              onClick={(e) => onSelect(nextSelection(items, selection, item.id, e))}
              title={plainText(item.csl.title)}
            >
              <td><RichText markup={item.csl.title ?? '(untitled)'} /></td>
              <td>{firstAuthorLabel(item)}</td>
              <td>{yearLabel(item)}</td>
              <td>{item.csl['container-title-short'] ?? item.csl['container-title'] ?? ''}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
