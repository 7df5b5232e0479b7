// Test support: one paper twice, as a library gets it. PMID 25744111 as
// PubMed's MEDLINE file gives it (e2e/fixtures/pubmed/medline_nbib, see
// SOURCES.md), and the same paper as a BibTeX file from another manager: our
// own BibTeX export of that record, read back, where that manager wrote the
// journal abbreviation, dropped the title's final period and the PMID.
import { readFileSync } from 'node:fs'
import { readBibliographyFile } from './import'
import { exportBibtex } from './export/bibtex'
import type { ReferenceRecord } from './model'

const NBIB = 'zotero_nbib_25744111_doi_pii.nbib'

export function pubmedRecord(): ReferenceRecord {
  const bytes = readFileSync(`${import.meta.dirname}/../../e2e/fixtures/pubmed/medline_nbib/${NBIB}`)
  return readBibliographyFile(bytes, NBIB).records[0]
}

export function colleagueBibtexRecord(): ReferenceRecord {
  const bib = exportBibtex([{ ...pubmedRecord(), citationKey: 'Fujiwara2015' }])
    .replace('journal = {Public health}', 'journal = {Public Health}')
    .replace('in {Japan}.}', 'in {Japan}}')
    .replace(/\s*pmid = \{25744111\},/, '')
  return readBibliographyFile(new TextEncoder().encode(bib), 'colleague.bib').records[0]
}
