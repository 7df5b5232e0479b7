// Test support: every recorded PubMed efetch record in e2e/fixtures/pubmed
// (see SOURCES.md there) as a library item, tagged with peptides the way
// import tags them.
import { parsePubmedArticleSet } from './parse-efetch'
import { fixtureNames, fixtureText } from './fixture-files.test-support'
import { peptideMatcher } from '@shared/peptides/default-matcher'
import type { Item, ReferenceRecord } from '@shared/model'

function itemFromRecord(record: ReferenceRecord, id: string): Item {
  const year = Number(record.csl.issued?.['date-parts']?.[0]?.[0])
  return {
    ...record,
    id,
    titleWords: [],
    year: Number.isFinite(year) && year > 0 ? year : undefined,
    tags: [],
    collectionIds: [],
    addedAt: 0,
    modifiedAt: 0,
    peptideTags: peptideMatcher().tag(record)
  }
}

/** 31 real records; the malformed file is left out (it is there to fail parsing). */
export function fixtureItems(): Item[] {
  return fixtureNames('efetch')
    .filter(name => !name.includes('malformed'))
    .flatMap(name => parsePubmedArticleSet(fixtureText('efetch', name)).map((record, i) => itemFromRecord(record, record.pmid ?? `${name}#${i}`)))
}
