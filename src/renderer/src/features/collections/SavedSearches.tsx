// The sidebar's "Saved searches": each reruns its query over the library on
// every change, so its papers stay current. The chosen one can be renamed
// or deleted.
import { useNotify } from '../../components/notify'
import { useLatest } from '../../components/use-latest'
import { useState } from 'react'
import { db, useLibraryQuery } from '../../root'
import { savedSearches } from '../../library/queries'
import { deleteSavedSearch, renameSavedSearch } from '../../library/saved-searches'
import type { ViewId } from '../../store/views'
import { NameForm } from './NameForm'
import './collections.css'

export interface SavedSearchesProps {
  current: ViewId
  onChoose: (view: ViewId) => void
}

export function SavedSearches({ current, onChoose }: SavedSearchesProps) {
  const notify = useNotify()
  const shown = useLatest(current)
  const searches = useLibraryQuery(savedSearches, [])
  const [renaming, setRenaming] = useState<string | null>(null)
  const chosen = current.kind === 'saved' ? searches?.find(s => s.id === current.id) : undefined

  async function remove(id: string, name: string): Promise<void> {
    await deleteSavedSearch(db, id)
    notify({ kind: 'info', text: `Deleted the saved search “${name}”. No paper was touched.` })
    // the view shown now, not when asked: the researcher may have gone elsewhere while the write waited
    if (shown.current.kind === 'saved' && shown.current.id === id) onChoose({ kind: 'all' })
  }

  return (
    <section aria-label="Saved searches" className="sidebar-section">
      <h2 className="sidebar-heading">Saved searches</h2>
      {chosen && (
        <div className="collection-actions">
          <button type="button" className="small" aria-label="Rename saved search" onClick={() => setRenaming(chosen.id)}>
            Rename
          </button>
          <button type="button" className="small" aria-label="Delete saved search" onClick={() => void remove(chosen.id, chosen.name)}>
            Delete
          </button>
        </div>
      )}
      {searches?.length === 0 && <p className="muted sidebar-hint">Type in “Search library”, then “Save search”.</p>}
      <ul>
        {searches?.map(s => (
          <li key={s.id}>
            {renaming === s.id ? (
              <NameForm
                label="Saved search name"
                initial={s.name}
                submitLabel="Rename"
                onSubmit={async name => {
                  await renameSavedSearch(db, s.id, name)
                  setRenaming(null)
                }}
                onCancel={() => setRenaming(null)}
              />
            ) : (
              <button
                type="button"
                className={`view-button${chosen?.id === s.id ? ' current' : ''}`}
                aria-current={chosen?.id === s.id ? 'page' : undefined}
                title={s.query}
                onClick={() => onChoose({ kind: 'saved', id: s.id, query: s.query })}
              >
                {s.name}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
