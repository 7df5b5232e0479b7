// A list of PubMed results with checkboxes; papers already in the library are
// marked and cannot be chosen again.
import type { PaperSummary } from '@shared/model'
import { useLibraryQuery } from '../../root'
import { ownedPmids } from '../../library/queries'

export function PaperRows({ papers, chosen, onChoose }: { papers: PaperSummary[]; chosen: Set<string>; onChoose: (s: Set<string>) => void }) {
  const pmids = papers.map(p => p.pmid)
  const owned = useLibraryQuery(db => ownedPmids(db, pmids), [pmids.join(',')])
  const toggle = (pmid: string): void => {
    const next = new Set(chosen)
    if (next.has(pmid)) next.delete(pmid)
    else next.add(pmid)
    onChoose(next)
  }
  return (
    <ul className="paper-rows" aria-label="PubMed results">
      {papers.map(paper => {
        const inLibrary = owned?.has(paper.pmid) ?? false
        return (
          <li key={paper.pmid} className={inLibrary ? 'owned' : undefined}>
            <label>
              <input
                type="checkbox"
                disabled={inLibrary}
                checked={chosen.has(paper.pmid)}
                onChange={() => toggle(paper.pmid)}
                aria-label={`Select ${paper.title}`}
              />
              <span className="paper-title">{paper.title}</span>
            </label>
            <span className="muted">
              {paper.authors} · {paper.journal}
              {paper.year ? ` · ${paper.year}` : ''} · PMID {paper.pmid}
            </span>
            {inLibrary && <span className="in-library">In library</span>}
          </li>
        )
      })}
    </ul>
  )
}
