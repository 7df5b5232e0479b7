// The sidebar's PubMed section: "Search PubMed" and the saved PubMed searches,
// each with "N new" since its last check, checkable on demand.
import { useState } from 'react'
import type { ViewId } from '../../store/views'
import { api, db, useLibraryQuery } from '../../root'
import { pubmedSearches } from '../../library/queries'
import { checkPubmedSearch } from '../../library/pubmed-searches'

export function SavedPubmedSearches({ current, onChoose }: { current: ViewId; onChoose: (view: ViewId) => void }) {
  const searches = useLibraryQuery(pubmedSearches, [])
  const [checking, setChecking] = useState<string | null>(null)

  async function check(id: string): Promise<void> {
    setChecking(id)
    try {
      await checkPubmedSearch(db, api, id)
    } finally {
      setChecking(null)
    }
  }

  const isCurrent = (savedId?: string): boolean => current.kind === 'pubmed' && current.savedId === savedId
  return (
    <section aria-label="PubMed" className="sidebar-section">
      <h2 className="sidebar-heading">PubMed</h2>
      <ul>
        <li>
          <button type="button" className={`view-button${isCurrent(undefined) ? ' current' : ''}`} onClick={() => onChoose({ kind: 'pubmed' })}>
            Search PubMed
          </button>
        </li>
        {searches?.map(s => (
          <li key={s.id} className="saved-pubmed">
            <button
              type="button"
              className={`view-button${isCurrent(s.id) ? ' current' : ''}`}
              onClick={() => onChoose({ kind: 'pubmed', savedId: s.id })}
              title={s.query}
            >
              <span>{s.name}</span>
              {s.newPmids.length > 0 && (
                <>
                  {' '}
                  <span className="new-count">{s.newPmids.length} new</span>
                </>
              )}
            </button>
            <button type="button" className="small" aria-label={`Check ${s.name} now`} disabled={checking === s.id} onClick={() => void check(s.id)}>
              {checking === s.id ? '…' : '↻'}
            </button>
            {s.lastError && (
              <span className="muted" role="note" aria-label={`The last check failed: ${s.lastError}`} title={`The last check failed: ${s.lastError}`}>
                {' '}
                !
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
