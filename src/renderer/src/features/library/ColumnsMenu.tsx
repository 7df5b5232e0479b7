// "Columns": which columns the item list shows, chosen with checkboxes and
// remembered in the library's settings.
import { useEffect, useRef, useState } from 'react'
import { db, useLibraryQuery } from '../../root'
import { readSetting, writeSetting } from '../../library/settings'
import { COLUMNS, COLUMNS_SETTING, DEFAULT_COLUMNS, type ColumnId } from './columns'
import './columns-menu.css'

const ALL = Object.keys(COLUMNS) as ColumnId[]

/**
 * The chosen columns, in the list's usual order, and a way to change them.
 * A change shows at once and is saved; the saved choice wins again when it
 * changes elsewhere (another window, a restored backup).
 */
export function useColumns(): [ColumnId[], (next: ColumnId[]) => void] {
  const saved = useLibraryQuery(db => readSetting<string[]>(db, COLUMNS_SETTING, DEFAULT_COLUMNS), [])
  const [local, setLocal] = useState<ColumnId[] | null>(null)
  useEffect(() => setLocal(null), [saved])
  const chosen = ALL.filter(id => (local ?? saved ?? DEFAULT_COLUMNS).includes(id))
  const change = (next: ColumnId[]): void => {
    setLocal(next)
    void writeSetting(db, COLUMNS_SETTING, next)
  }
  return [chosen.length ? chosen : DEFAULT_COLUMNS, change]
}

export function ColumnsMenu({ columns, onChange }: { columns: ColumnId[]; onChange: (next: ColumnId[]) => void }) {
  const [open, setOpen] = useState(false)
  const holder = useRef<HTMLDivElement>(null)

  // Clicking elsewhere or pressing Escape closes the menu.
  useEffect(() => {
    if (!open) return
    const onClick = (event: MouseEvent): void => {
      if (!holder.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', onClick)
    return () => document.removeEventListener('mousedown', onClick)
  }, [open])

  const toggle = (id: ColumnId, shown: boolean): void => {
    onChange(ALL.filter(c => (c === id ? shown : columns.includes(c))))
  }

  return (
    <div className="columns-menu" ref={holder} onKeyDown={e => e.key === 'Escape' && setOpen(false)}>
      <button type="button" aria-expanded={open} aria-haspopup="true" onClick={() => setOpen(!open)}>
        Columns
      </button>
      {open && (
        <fieldset className="columns-menu-list">
          <legend>Show columns</legend>
          {ALL.map(id => {
            const shown = columns.includes(id)
            return (
              <label key={id}>
                <input type="checkbox" checked={shown} disabled={shown && columns.length === 1} onChange={e => toggle(id, e.target.checked)} />
                {COLUMNS[id].label}
              </label>
            )
          })}
        </fieldset>
      )}
    </div>
  )
}
