// Who cites whom and what is similar, for the replay elink: the citations the
// recorded ReferenceLists hold plus those a test injects, kept as one graph so
// "refs" and "cited in" always agree.
import type { PubmedCorpus } from './ncbi-corpus'

export type LinkName = 'pubmed_pubmed' | 'pubmed_pubmed_citedin' | 'pubmed_pubmed_refs'

export interface CitationGraph {
  /** what this paper cites, in reference-list order */
  refs(pmid: string): string[]
  /** which papers cite this one */
  citedIn(pmid: string): string[]
  /** similar articles a test injected */
  extraSimilar(pmid: string): string[]
}

export function citationGraph(corpus: PubmedCorpus, extra: Record<string, Partial<Record<LinkName, string[]>>>): CitationGraph {
  const edges: [citing: string, cited: string][] = corpus.records.flatMap(r => r.references.map((ref): [string, string] => [r.pmid, ref]))
  for (const [pmid, links] of Object.entries(extra)) {
    for (const ref of links.pubmed_pubmed_refs ?? []) edges.push([pmid, ref])
    for (const citing of links.pubmed_pubmed_citedin ?? []) edges.push([citing, pmid])
  }
  const unique = (ids: string[]): string[] => [...new Set(ids)]
  return {
    refs: pmid => unique(edges.filter(([citing]) => citing === pmid).map(([, cited]) => cited)),
    citedIn: pmid => unique(edges.filter(([, cited]) => cited === pmid).map(([citing]) => citing)),
    extraSimilar: pmid => extra[pmid]?.pubmed_pubmed ?? []
  }
}

/** The paper itself first (as NCBI lists it), then corpus papers sharing ≥ 2 MeSH descriptors, most shared first. */
export function similarTo(corpus: PubmedCorpus, pmid: string): string[] {
  const self = corpus.byPmid.get(pmid)
  if (!self) return []
  const mine = new Set(self.mesh)
  const others = corpus.records
    .filter(r => r.pmid !== pmid)
    .map(r => ({ pmid: r.pmid, shared: r.mesh.filter(m => mine.has(m)).length }))
    .filter(r => r.shared >= 2)
    .sort((a, b) => b.shared - a.shared || Number(b.pmid) - Number(a.pmid))
  return [pmid, ...others.map(r => r.pmid)]
}
