// Test support: the seed paper (PMID 33673448), the same record the style
// chooser previews styles with. No recorded response for it exists in
// e2e/fixtures (see pubmed/SOURCES.md).
export { PREVIEW_PAPER as seedPaper } from './preview-paper'
