// The .bib file the import benchmarks read: papers of the synthetic library
// (seed 7, so none is a copy of the seeded library's) without the PMIDs,
// PMCIDs and DOIs that would make them duplicates, each title carrying a word
// only they have, so a search shows when all of them are in.
import { exportBibtex } from '@shared/export/bibtex'
import type { Item } from '@shared/model'
import { createSyntheticLibrary } from './synthetic-library'

/** a word only the imported papers have */
export const IMPORT_MARK = 'zebrafinchimport'

/** The papers every synthetic import file holds (the .bib, .ris and .nbib the same ones). */
export function importedPapers(size: number): Item[] {
  const { items } = createSyntheticLibrary(size, 7)
  return items.map(({ pmid: _, pmcid: __, doi: ___, ...item }, n) => ({
    ...item,
    csl: { ...item.csl, DOI: undefined, title: `${item.csl.title} ${IMPORT_MARK}` },
    citationKey: `imported${n}`
  }))
}

export function syntheticBib(size: number): string {
  return exportBibtex(importedPapers(size))
}
