// The .ris file the import benchmarks read: the papers of the .bib
// (synthetic-bib.ts), as Neuroref's own RIS export writes them (CRLF, one
// line a value, KW lines, the abstract in AB), which is the shape of a
// Scopus or EndNote export.
import { exportRis } from '@shared/export/ris'
import { importedPapers } from './synthetic-bib'

export function syntheticRis(size: number): string {
  return exportRis(importedPapers(size))
}
