// How a peptide tag's evidence reads in the item pane. Apart from the tagger
// (match.ts), which loads with its vocabulary when papers are first tagged.
import type { EvidenceSource, PeptideEvidence } from '../model'

const SOURCE_WORD: Record<EvidenceSource, string> = { mesh: 'MeSH', keyword: 'keyword', title: 'title', abstract: 'abstract' }

/** "MeSH: Oxytocin", "title: oxytocin receptor", "abstract: CRF". */
export function describeEvidence(e: PeptideEvidence): string {
  return `${SOURCE_WORD[e.source]}: ${e.text}`
}
