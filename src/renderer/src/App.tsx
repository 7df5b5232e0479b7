// The app shell: toolbar, sidebar, the "Items" list and the "Item details" pane.
import { useMemo, useState } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { db } from './library-context'
import { AddByIdentifier } from './features/import/AddByIdentifier'
import { ItemList, type Selection } from './features/library/ItemList'
import { ItemDetails } from './features/item/ItemDetails'
import { ExportMenu } from './features/export/ExportMenu'
import { StatusMessage, type Message } from './components/StatusMessage'

export function App() {
  const items = useLiveQuery(() => db.items.orderBy('addedAt').reverse().filter((item) => !item.trashedAt).toArray(), [])
  const [selection, setSelection] = useState<Selection>({ ids: [] })
  const [message, setMessage] = useState<Message | null>(null)

  const selectedItems = useMemo(() => (items ?? []).filter((item) => selection.ids.includes(item.id)), [items, selection])
  const toExport = selectedItems.length > 0 ? selectedItems : (items ?? [])

  return (
    <div className="app">
      <header className="toolbar">
        <h1 className="brand">Neuroref</h1>
        <AddByIdentifier onDone={setMessage} onAdded={(id) => setSelection({ ids: [id], anchor: id })} />
        <ExportMenu items={toExport} onDone={setMessage} />
      </header>
      <nav className="sidebar" aria-label="Library">
        <ul>
          <li className="current">
            All items <span className="count">{items?.length ?? ''}</span>
          </li>
        </ul>
      </nav>
      <main className="item-list">
        {items === undefined ? <p className="hint">Opening the library…</p> : <ItemList items={items} selection={selection} onSelect={setSelection} />}
      </main>
      <ItemDetails item={selectedItems.length === 1 ? selectedItems[0] : undefined} count={selectedItems.length} />
      <footer>
        <StatusMessage message={message} onDismiss={() => setMessage(null)} />
      </footer>
    </div>
  )
}
