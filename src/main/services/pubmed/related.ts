// Similar articles, Cited by and References of a PubMed paper, as PubMed's
// page shows them: elink for the PMIDs, esummary for one line each.
import type { RelatedKind, RelatedPapers } from '@shared/contract'
import { linkedPmids, paperSummaries, type EutilsDeps } from './eutils'

const LINKNAMES: Record<RelatedKind, string> = {
  similar: 'pubmed_pubmed',
  citedin: 'pubmed_pubmed_citedin',
  references: 'pubmed_pubmed_refs'
}

export async function relatedPapers(pmid: string, relation: RelatedKind, limit: number, deps: EutilsDeps): Promise<RelatedPapers> {
  const pmids = (await linkedPmids(pmid, LINKNAMES[relation], deps)).filter(id => id !== pmid)
  const shown = pmids.slice(0, limit)
  return { total: pmids.length, papers: await paperSummaries(shown, deps) }
}
