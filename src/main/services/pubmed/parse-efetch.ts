// `efetch db=pubmed retmode=xml` → ReferenceRecords: everything the PubMed
// page of a paper shows, as CSL-JSON plus PubMed's extras (MeSH, grants,
// references, errata…). Journal articles are read here, books in parse-book.
import type { ReferenceRecord } from '@shared/model'
import { readAbstract } from './parse-abstract'
import { readPeople } from './parse-authors'
import { readBookArticle } from './parse-book'
import { publicationDate, simpleDate } from './parse-dates'
import { readArticleIds, readCitesLinks, readFlags, readReferenceList, readRelated } from './parse-links'
import { readChemicals, readGrants, readKeywords, readMesh, readPublicationTypes } from './parse-subjects'
import { pubmedRecord, readLanguage } from './record-parts'
import { attr, child, children, parseNcbiXml, parseNcbiXmlInTurns, textAt, textOf, type XmlElement } from './ncbi-xml'
import { markupText } from './xml-text'

/**
 * Every record in an efetch reply, in reply order. Throws BAD_RESPONSE when
 * the reply is not well-formed XML or not a PubmedArticleSet.
 */
export function parsePubmedArticleSet(xml: string): ReferenceRecord[] {
  const records: ReferenceRecord[] = []
  parseNcbiXml(xml, ['PubmedArticleSet'], el => readRecord(el, records))
  return records
}

/**
 * As parsePubmedArticleSet, a slice of the reply at a time with a turn of the
 * event loop between slices: what main uses, so a reply of 200 records (a few
 * megabytes, 0.1-0.5 s of work) does not hold back the next request to NCBI.
 */
export async function parsePubmedArticleSetInTurns(xml: string, nextTurn: () => Promise<void>): Promise<ReferenceRecord[]> {
  const records: ReferenceRecord[] = []
  await parseNcbiXmlInTurns(xml, ['PubmedArticleSet'], nextTurn, el => readRecord(el, records))
  return records
}

/** Each record is read as soon as its element closes; DeleteCitation and friends carry no record. */
function readRecord(el: XmlElement, records: ReferenceRecord[]): void {
  if (el.name === 'PubmedArticle') records.push(readJournalArticle(el))
  else if (el.name === 'PubmedBookArticle') records.push(readBookArticle(el))
}

/** The DOI PubMed took from the publisher's electronic location, when the id list has none. */
function electronicDoi(article: XmlElement | undefined): string | undefined {
  const doi = children(article, 'ELocationID').find(e => attr(e, 'EIdType') === 'doi' && attr(e, 'ValidYN') !== 'N')
  return textOf(doi)
}

/** The electronic publication date (ArticleDate DateType="Electronic"). */
function electronicDate(article: XmlElement | undefined): ReferenceRecord['csl']['issued'] {
  const date = children(article, 'ArticleDate').find(d => (attr(d, 'DateType') ?? 'Electronic') === 'Electronic')
  return simpleDate(date)
}

function readJournalArticle(el: XmlElement): ReferenceRecord {
  const citation = child(el, 'MedlineCitation')
  const article = child(citation, 'Article')
  const journal = child(article, 'Journal')
  const issue = child(journal, 'JournalIssue')
  const pubmedData = child(el, 'PubmedData')

  const ids = readArticleIds(child(pubmedData, 'ArticleIdList'))
  const pmid = textAt(citation, 'PMID') ?? ids.pmid
  const doi = ids.doi ?? electronicDoi(article)
  const title = markupText(child(article, 'ArticleTitle'))
  const vernacularTitle = markupText(child(article, 'VernacularTitle'))
  const authors = readPeople(child(article, 'AuthorList'))
  const abstract = readAbstract(child(article, 'Abstract'))
  const publicationTypes = readPublicationTypes(citation, 'Article/PublicationTypeList/PublicationType')
  const related = readRelated(citation)
  const references = readReferenceList(pubmedData)

  return pubmedRecord(
    {
      type: 'article-journal',
      // An empty ArticleTitle happens for untranslated titles: the vernacular one is all there is.
      title: title ?? vernacularTitle,
      'original-title': title ? vernacularTitle : undefined,
      'container-title': textAt(journal, 'Title'),
      'container-title-short': textAt(journal, 'ISOAbbreviation') ?? textAt(citation, 'MedlineJournalInfo/MedlineTA'),
      ISSN: textAt(journal, 'ISSN') ?? textAt(citation, 'MedlineJournalInfo/ISSNLinking'),
      volume: textAt(issue, 'Volume'),
      issue: textAt(issue, 'Issue'),
      page: textAt(article, 'Pagination/MedlinePgn'),
      issued: publicationDate(child(issue, 'PubDate')) ?? electronicDate(article),
      'available-date': electronicDate(article),
      author: authors.names,
      language: readLanguage(article, 'Language'),
      abstract: abstract.text,
      DOI: doi,
      PMID: pmid,
      PMCID: ids.pmcid
    },
    {
      pmid,
      pmcid: ids.pmcid,
      doi,
      authorDetails: authors.details,
      investigators: readPeople(child(citation, 'InvestigatorList'), 'Investigator').names,
      mesh: readMesh(citation),
      keywords: readKeywords(citation),
      chemicals: readChemicals(citation),
      grants: readGrants(article),
      publicationTypes,
      abstractSections: abstract.sections,
      coi: textAt(citation, 'CoiStatement'),
      references: references.length ? references : readCitesLinks(citation),
      related,
      flags: readFlags(related, publicationTypes)
    }
  )
}
