// A keyword that holds a comma, through a BibTeX round trip: PMID 29963580 as
// PubMed gives it (e2e/fixtures/pubmed/efetch, see SOURCES.md there) has the
// author keyword "image processing, biomarkers". Our BibTeX export writes the
// keywords comma-separated, as biblatex and Better BibTeX do, so reading the
// file back gives "image processing" and "biomarkers". The library must not
// turn the one keyword into two when the two copies of the paper meet.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ImportedRecord } from '@shared/import'
import { readBibliographyFile } from '@shared/import'
import { DuplicateFinder } from '@shared/duplicates'
import { exportItems } from '@shared/export/formats'
import type { Item, ReferenceRecord } from '@shared/model'
import { parsePubmedArticleSet } from '../../../main/services/pubmed/parse-efetch'
import { fixtureText } from '../../../main/services/pubmed/fixture-files.test-support'
import { openLibrary, type NeurorefDb } from './schema'
import { addRecordToLibrary, newItem } from './add-paper'
import { importRecords } from './import-file'
import { mergeDuplicates } from './merge'
import { loadPeptideTagger } from './peptide-tagger'

// papers made here are tagged at once: the tagger loads first (peptide-tagger.ts)
beforeAll(loadPeptideTagger)

const PUBMED_KEYWORDS = [
  'asthma',
  'chronic obstructive lung disease',
  'image processing, biomarkers',
  'magnetic resonance imaging',
  'thoracic computed tomography'
]

function pubmedRecord(): ReferenceRecord {
  const [record] = parsePubmedArticleSet(fixtureText('efetch', 'biopython_pubmed7_collective_name_references.xml'))
  return record
}

/** The paper as our own BibTeX export of the stored item, read back as Import file reads it. */
function bibtexRecord(item: Item): ImportedRecord {
  const read = readBibliographyFile(new TextEncoder().encode(exportItems([item], 'bibtex')), 'export.bib')
  expect(read.problems).toEqual([])
  return read.records[0]
}

let db: NeurorefDb
beforeEach(() => {
  db = openLibrary(`comma-keyword-${Math.random()}`)
})
afterEach(() => db?.delete())

describe('a PubMed keyword with a comma, after a BibTeX round trip', () => {
  it('is in the record as PubMed gives it, and our export writes it among comma-separated keywords', async () => {
    const { item } = await addRecordToLibrary(db, pubmedRecord())
    expect(item.keywords).toEqual(PUBMED_KEYWORDS)
    expect(exportItems([item], 'bibtex')).toContain(
      'keywords = {asthma, chronic obstructive lung disease, image processing, biomarkers, magnetic resonance imaging, thoracic computed tomography}'
    )
  })

  it('importing the .bib into the same library reports the paper as already there and leaves its keywords', async () => {
    const { item } = await addRecordToLibrary(db, pubmedRecord())
    const outcome = await importRecords(db, [bibtexRecord(item)], new DuplicateFinder(await db.items.toArray()))
    expect(outcome.added).toEqual([])
    expect(outcome.duplicates.map(d => d.existingId)).toEqual([item.id])
    expect((await db.items.get(item.id))?.keywords).toEqual(PUBMED_KEYWORDS)

    // adding the file's record to the paper (the path "Add" takes for a paper already there) changes none either
    const again = await addRecordToLibrary(db, bibtexRecord(item))
    expect(again.status).toBe('existing')
    expect(again.item.keywords).toEqual(PUBMED_KEYWORDS)
  })

  it.each([
    ['the PubMed copy is the older', 0, 1],
    ['the BibTeX copy is the older', 1, 0]
  ])('merging the PubMed copy with the BibTeX copy (%s) keeps exactly PubMed’s keywords', async (_, pubmedAge, bibtexAge) => {
    const taken = new Set<string>()
    const fromPubmed = newItem(pubmedRecord(), 1_000 + pubmedAge, taken)
    const fromBibtex = newItem(bibtexRecord(fromPubmed), 1_000 + bibtexAge, taken)
    expect(fromBibtex.keywords).toContain('biomarkers')
    await db.items.bulkAdd([fromPubmed, fromBibtex])

    const merged = await mergeDuplicates(db, fromPubmed.id, fromBibtex.id, {})
    expect(merged.keywords).toEqual(PUBMED_KEYWORDS)
    expect((await db.items.get(merged.id))?.keywords).toEqual(PUBMED_KEYWORDS)
  })
})

describe('the .bib alone, in a fresh library', () => {
  it('gives the keyword as its two pieces: BibTeX cannot tell a comma inside a keyword from one between two', async () => {
    const exported = newItem(pubmedRecord(), 0, new Set())
    const { added } = await importRecords(db, [bibtexRecord(exported)], new DuplicateFinder())
    expect(added[0].keywords).toEqual([
      'asthma',
      'chronic obstructive lung disease',
      'image processing',
      'biomarkers',
      'magnetic resonance imaging',
      'thoracic computed tomography'
    ])
  })

  it('then adding the paper from PubMed puts the whole keyword back in place of its pieces', async () => {
    const exported = newItem(pubmedRecord(), 0, new Set())
    const { added } = await importRecords(db, [bibtexRecord(exported)], new DuplicateFinder())
    const fromPubmed = await addRecordToLibrary(db, pubmedRecord())
    expect(fromPubmed).toMatchObject({ status: 'existing', item: { id: added[0].id } })
    expect((await db.items.get(added[0].id))?.keywords).toEqual(PUBMED_KEYWORDS)
  })
})
