// "Save search" beside "Search library": names the current search text and
// opens it as a saved search.
import { useState } from 'react'
import { db } from '../../root'
import { useMarkPlace } from '../../components/place'
import { saveSearch } from '../../library/saved-searches'
import type { ViewId } from '../../store/views'
import { NameForm } from './NameForm'
import './collections.css'

export function SaveSearchButton({ search, onSaved }: { search: string; onSaved: (view: ViewId) => void }) {
  const [naming, setNaming] = useState(false)
  const markPlace = useMarkPlace()
  return (
    <div className="menu save-search">
      <button type="button" disabled={!search.trim()} aria-expanded={naming} onClick={() => setNaming(!naming)} title="Keep this search in the sidebar">
        Save search
      </button>
      {naming && (
        <div className="menu-popup save-search-popup">
          <NameForm
            label="Saved search name"
            initial={search.trim()}
            submitLabel="Save"
            onSubmit={async name => {
              const stillThere = markPlace()
              const saved = await saveSearch(db, name, search)
              setNaming(false)
              // opened unless the researcher went elsewhere (or searched again) while its write waited
              if (stillThere()) onSaved({ kind: 'saved', id: saved.id, query: saved.query })
            }}
            onCancel={() => setNaming(false)}
          />
        </div>
      )}
    </div>
  )
}
