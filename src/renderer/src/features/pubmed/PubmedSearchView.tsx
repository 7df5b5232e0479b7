// "Search PubMed": a PubMed query in PubMed's own syntax, results page by
// page, papers already in the library marked; select several and Add them
// the same way "Add by identifier" does. A query can be saved to follow it.
import { useNotify } from '../../components/notify'
import { useEffect, useState, type FormEvent } from 'react'
import type { PubmedSearchPage } from '@shared/contract'
import type { AppError } from '@shared/result'
import { api, db, useLibraryQuery } from '../../root'
import { pubmedSearch } from '../../library/queries'
import { sentenceFor } from '../../messages'
import { addIdentifiers, importSummaryMessage } from '../import'
import { forgetNewPmids, savePubmedSearch } from '../../library/pubmed-searches'
import { PaperRows } from './PaperRows'

const PAGE = 20

type State = { kind: 'idle' } | { kind: 'loading' } | { kind: 'loaded'; page: PubmedSearchPage; start: number } | { kind: 'failed'; error: AppError }

export function PubmedSearchView({ savedId }: { savedId?: string }) {
  const notify = useNotify()
  const saved = useLibraryQuery(db => (savedId ? pubmedSearch(db, savedId) : Promise.resolve(undefined)), [savedId])
  const [query, setQuery] = useState('')
  const [state, setState] = useState<State>({ kind: 'idle' })
  const [chosen, setChosen] = useState<Set<string>>(new Set())
  const [saveName, setSaveName] = useState<string | null>(null)

  useEffect(() => {
    if (saved) setQuery(saved.query)
  }, [saved?.id])

  async function run(start: number, text = query): Promise<void> {
    if (!text.trim()) return
    setState({ kind: 'loading' })
    setChosen(new Set())
    const result = await api['pubmed.search']({ query: text, start, size: PAGE })
    setState(result.ok ? { kind: 'loaded', page: result.value, start } : { kind: 'failed', error: result.error })
  }

  async function add(pmids: string[]): Promise<void> {
    const ids = pmids.map(value => ({ kind: 'pmid' as const, value }))
    const summary = await addIdentifiers(ids)
    notify(importSummaryMessage(summary))
    if (savedId) await forgetNewPmids(db, savedId, pmids)
    // only the papers added are let go: those chosen while they were written (which can wait behind a whole-library change) stay
    setChosen(now => new Set([...now].filter(pmid => !pmids.includes(pmid))))
  }

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (!saveName?.trim()) return
    await savePubmedSearch(db, saveName.trim(), query)
    notify({ kind: 'info', text: `Saved the PubMed search “${saveName.trim()}”. New papers will be listed under it.` })
    setSaveName(null)
  }

  return (
    <section className="pubmed-view" aria-label="Search PubMed">
      <form className="pubmed-query" onSubmit={e => (e.preventDefault(), void run(0))}>
        <label htmlFor="pubmed-query">PubMed query</label>
        <input
          id="pubmed-query"
          value={query}
          onChange={e => setQuery(e.target.value)}
          placeholder='oxytocin[tiab] AND (addiction OR "substance use")'
          spellCheck={false}
        />
        <button type="submit">Search</button>
        {!savedId && state.kind === 'loaded' && saveName === null && (
          <button type="button" onClick={() => setSaveName(query)}>
            Save this search
          </button>
        )}
      </form>
      {saveName !== null && (
        <form className="pubmed-save" onSubmit={save}>
          <label>
            Name of the saved search <input value={saveName} onChange={e => setSaveName(e.target.value)} autoFocus />
          </label>
          <button type="submit">Save</button>
          <button type="button" onClick={() => setSaveName(null)}>
            Cancel
          </button>
        </form>
      )}
      {saved && saved.newPmids.length > 0 && <NewSinceLastCheck pmids={saved.newPmids} onAdd={add} />}
      {state.kind === 'loading' && <p className="muted">Asking PubMed…</p>}
      {state.kind === 'failed' && <p role="alert">{sentenceFor(state.error)}</p>}
      {state.kind === 'loaded' && (
        <>
          <p className="muted">
            {state.page.count === 0 ? 'PubMed found no paper.' : `${state.start + 1}–${state.start + state.page.pmids.length} of ${state.page.count} papers`}
            {state.page.notes.length > 0 && ` — PubMed notes: ${state.page.notes.join('; ')}`}
          </p>
          <PaperRows papers={state.page.papers} chosen={chosen} onChoose={setChosen} />
          <div className="pubmed-actions">
            <button type="button" disabled={chosen.size === 0} onClick={() => void add([...chosen])}>
              Add {chosen.size > 0 ? chosen.size : ''} selected
            </button>
            <button type="button" disabled={state.start === 0} onClick={() => void run(Math.max(0, state.start - PAGE))}>
              Previous page
            </button>
            <button type="button" disabled={state.start + PAGE >= state.page.count} onClick={() => void run(state.start + PAGE)}>
              Next page
            </button>
          </div>
        </>
      )}
    </section>
  )
}

function NewSinceLastCheck({ pmids, onAdd }: { pmids: string[]; onAdd: (pmids: string[]) => Promise<void> }) {
  return (
    <section aria-label="New since last check" className="new-papers">
      <h3>{pmids.length} new since the last check</h3>
      <p className="muted">
        PMIDs {pmids.slice(0, 12).join(', ')}
        {pmids.length > 12 ? '…' : ''}
      </p>
      <button type="button" onClick={() => void onAdd(pmids)}>
        Add all {pmids.length} new
      </button>
    </section>
  )
}
