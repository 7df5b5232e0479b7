// Test support: the seed paper (PMID 33673448), the same record the style
// chooser previews styles with. No recorded response for it exists in
// e2e/fixtures (see pubmed/SOURCES.md).
import type { CslName } from '@shared/model'
import type { ExportItem } from './bibtex-fields'
import { PREVIEW_PAPER } from './preview-paper'

export { PREVIEW_PAPER as seedPaper }

/** The seed paper as another paper: its own id and key, these authors, year and title, no PMID or DOI. */
export function paperLike(
  id: string,
  author: CslName[] | undefined,
  year: number,
  title: string,
  extra: Record<string, unknown> = {}
): ExportItem & { id: string } {
  return {
    ...PREVIEW_PAPER,
    id,
    pmid: undefined,
    doi: undefined,
    citationKey: id,
    csl: { ...PREVIEW_PAPER.csl, author, title, issued: { 'date-parts': [[year]] }, DOI: undefined, PMID: undefined, ...extra }
  }
}
