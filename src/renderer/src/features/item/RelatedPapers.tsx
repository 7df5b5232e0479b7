// Similar articles and Cited by, fetched from PubMed when the researcher asks:
// each paper with its journal and year, marked when already in the library,
// addable in one click.
import { useNotify } from '../../components/notify'
import { useEffect, useState } from 'react'
import type { RelatedKind, RelatedPapers as Related } from '@shared/contract'
import type { Item } from '@shared/model'
import type { AppError } from '@shared/result'
import { api, useLibraryQuery } from '../../root'
import { ownedPmids } from '../../library/queries'
import { sentenceFor } from '../../messages'
import { addIdentifiers, importSummaryMessage } from '../import'

const TITLES: Record<RelatedKind, string> = { similar: 'Similar articles', citedin: 'Cited by', references: 'References' }

type State = { kind: 'idle' } | { kind: 'loading' } | { kind: 'loaded'; related: Related } | { kind: 'failed'; error: AppError }

export function RelatedPapers({ item, relation }: { item: Item; relation: RelatedKind }) {
  const notify = useNotify()
  const [state, setState] = useState<State>({ kind: 'idle' })
  useEffect(() => setState({ kind: 'idle' }), [item.pmid])
  const shownPmids = state.kind === 'loaded' ? state.related.papers.map(p => p.pmid) : []
  const owned = useLibraryQuery(db => ownedPmids(db, shownPmids), [shownPmids.join(',')])
  if (!item.pmid) return null

  async function load(): Promise<void> {
    setState({ kind: 'loading' })
    const result = await api['pubmed.related']({ pmid: item.pmid!, relation, limit: 20 })
    setState(result.ok ? { kind: 'loaded', related: result.value } : { kind: 'failed', error: result.error })
  }

  async function add(pmid: string): Promise<void> {
    const summary = await addIdentifiers([{ kind: 'pmid', value: pmid }])
    notify(importSummaryMessage(summary))
  }

  const title = TITLES[relation]
  return (
    <section aria-label={title} className="record-section related">
      <h3>{title}</h3>
      {state.kind === 'idle' && (
        <button type="button" onClick={() => void load()}>
          Show {title.toLowerCase()}
        </button>
      )}
      {state.kind === 'loading' && <p className="muted">Asking PubMed…</p>}
      {state.kind === 'failed' && <p role="alert">{sentenceFor(state.error)}</p>}
      {state.kind === 'loaded' && state.related.papers.length === 0 && <p className="muted">PubMed lists none.</p>}
      {state.kind === 'loaded' && state.related.papers.length > 0 && (
        <>
          <p className="muted">
            {state.related.total > state.related.papers.length
              ? `${state.related.papers.length} of ${state.related.total} shown`
              : `${state.related.total} in PubMed`}
          </p>
          <ul className="related-list">
            {state.related.papers.map(paper => (
              <li key={paper.pmid}>
                <span className="related-title">{paper.title}</span>
                <span className="muted">
                  {' '}
                  {paper.journal}
                  {paper.year ? ` ${paper.year}` : ''}
                </span>
                {owned?.has(paper.pmid) ? (
                  <span className="in-library"> In library</span>
                ) : (
                  <button type="button" className="small" aria-label={`Add ${paper.title}`} onClick={() => void add(paper.pmid)}>
                    Add
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
