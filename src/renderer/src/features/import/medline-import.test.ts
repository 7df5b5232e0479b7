// PubMed's MEDLINE downloads imported as a researcher does (Import file, the reader and the writer in stand-in
// workers): their records bring no citation key, so every paper is keyed from the key pattern in the window, and
// imported again every paper is reported as already in the library, by its DOI, PMID or title.
import { readdirSync, readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { DuplicateFinder } from '@shared/duplicates'
import type { NeurorefDb } from '../../library/schema'
import { withStandInWorkers } from './fake-reader.test-support'

const MEDLINE = new URL('../../../../../e2e/fixtures/pubmed/medline_nbib/', import.meta.url)
const files = readdirSync(MEDLINE).sort()

let db: NeurorefDb
withStandInWorkers('medline-import', opened => (db = opened))

const importing = async (name: string) => {
  const { importBibliographyFile } = await import('./import-files')
  const store = { settled: async () => undefined, finder: new DuplicateFinder(await db.items.toArray()) }
  return importBibliographyFile({ db, store }, { name, bytes: new Uint8Array(readFileSync(new URL(name, MEDLINE))) })
}

it('keys every paper of the MEDLINE downloads from the pattern, and reports each one imported again as already there, and why', async () => {
  for (const name of files) await importing(name)
  const keys = (await db.items.toArray()).map(item => `${item.pmid ?? '(no PMID)'} ${item.citationKey}`).sort()
  expect(keys).toEqual([
    '(no PMID) moore2019college',
    '(no PMID) vangroen2020educational',
    '(no PMID) zhou2019test',
    '12230038 mangalam2002bio',
    '14630660 hamelryck2003pdb',
    '14871861 dehoon2004open',
    '16377612 pritchard2006genomediagram',
    '16403221 casbon2006high',
    '21249755 riegertjohnson2009peutz',
    '23039619 qiao2012effects',
    '25744111 fujiwara2015effectiveness',
    '27169098 shruthi2016proteomics',
    '35128459 bithmelander2021slow',
    '36216673 manoubi2022lichtenberg',
    '8692918 vanraaij1996structure'
  ])

  const again: string[][] = []
  for (const name of files) {
    const { text, details = [] } = await importing(name)
    again.push([text, ...details])
  }
  expect(again).toEqual([
    ['biopython_pubmed_result1.txt (MEDLINE, utf-8): 0 added, 1 already in library.', 'Already in library (same PMID): The Bio* toolkits--a brief overview.'],
    [
      'biopython_pubmed_result2_4records.txt (MEDLINE, utf-8): 0 added, 4 already in library.',
      'Already in library (same DOI): A high level interface to SCOP and ASTRAL implemented in python.',
      'Already in library (same DOI): GenomeDiagram: a python package for the visualization of large-scale genomic data.',
      'Already in library (same DOI): Open source clustering software.',
      'Already in library (same PMID): PDB file parser and structure class implemented in Python.'
    ],
    [
      'biopython_pubmed_result3.txt (MEDLINE, utf-8): 0 added, 1 already in library.',
      'Already in library (same DOI): Effects of different parameters in the fast scanning method for HIFU treatment.'
    ],
    [
      'jabref_NbibImporterTest.nbib (MEDLINE, utf-8): 0 added, 1 already in library.',
      'Already in library (same DOI): Proteomics: A new perspective for cancer.'
    ],
    [
      'zotero_nbib_25744111_doi_pii.nbib (MEDLINE, utf-8): 0 added, 1 already in library.',
      'Already in library (same DOI): Effectiveness of public health practices against shaken baby syndrome/abusive head trauma in Japan.'
    ],
    [
      'zotero_nbib_2records_article_and_book.nbib (MEDLINE, utf-8): 0 added, 2 already in library.',
      'Already in library (same PMID): The structure of bovine F1-ATPase complexed with the antibiotic inhibitor aurovertin B.',
      'Already in library (same PMID): Peutz-Jeghers Syndrome'
    ],
    [
      'zotero_nbib_35128459_utf8_pii_only.nbib (MEDLINE, utf-8): 0 added, 1 already in library.',
      'Already in library (same PMID): Slow Burns: A Qualitative Study of Burn Pit and Toxic Exposures Among Military Veterans Serving in Afghanistan, Iraq and Throughout the Middle East.'
    ],
    [
      'zotero_nbib_36216673_publisher_status_crlf.nbib (MEDLINE, utf-8): 0 added, 1 already in library.',
      'Already in library (same DOI): Lichtenberg Figures: How a Cutaneous Sign Can Solve Suspicious Death Cases.'
    ],
    [
      'zotero_nbib_ERIC_3records_longlines.nbib (MEDLINE, utf-8): 0 added, 3 already in library.',
      'Already in library (same title, year and first author): Educational Test Approaches: The Suitability of Computer-Based Test Types for Assessment and Evaluation in Formative and Summative Contexts',
      'Already in library (same title, year and first author): Test-Taker Perception of and Test Performance on Computer-Delivered Speaking Tests: The Mediational Role of Test-Taking Motivation',
      'Already in library (same title, year and first author): College Entrance Exams: How Does Test Preparation Affect Retest Scores? Research Report 2019-2'
    ]
  ])
})
