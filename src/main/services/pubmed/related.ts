// Similar articles, Cited by and References of a PubMed paper, as PubMed's
// page shows them: elink for the PMIDs, esummary for one line each.
import type { RelatedKind, RelatedPapers } from '../../../shared/contract'
import { linkedPmids, summarisePmids, type EutilsDeps } from './eutils'

export const LINKNAMES: Record<RelatedKind, string> = {
  similar: 'pubmed_pubmed',
  citedin: 'pubmed_pubmed_citedin',
  references: 'pubmed_pubmed_refs'
}

export async function relatedPapers(pmid: string, relation: RelatedKind, limit: number, deps: EutilsDeps): Promise<RelatedPapers> {
  const pmids = (await linkedPmids(pmid, LINKNAMES[relation], deps)).filter((id) => id !== pmid)
  const shown = pmids.slice(0, limit)
  const summaries = shown.length ? await summarisePmids(shown, deps) : []
  const byPmid = new Map(summaries.map((s) => [s.pmid, s]))
  return {
    total: pmids.length,
    papers: shown.flatMap((id) => {
      const s = byPmid.get(id)
      return s ? [{ pmid: s.pmid, title: s.title, authors: formatAuthors(s.authors), journal: s.journal, year: s.year, doi: s.doi }] : []
    })
  }
}

function formatAuthors(authors: string[]): string {
  return authors.length > 3 ? `${authors.slice(0, 3).join(', ')}, et al.` : authors.join(', ')
}
