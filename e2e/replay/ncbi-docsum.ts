// esummary version 1.0 Items for one recorded PubMed record, in the order and
// with the names of e2e/fixtures/pubmed/esummary/biopython_esummary1_pubmed_docsum.xml.
// Every value is read from the record; Items the record cannot fill stay empty
// (as NCBI leaves them), and PmcRefCount is left out (no record says it).
import type { Element } from '@xmldom/xmldom'

export type DocSumItem = { name: string; type: 'String' | 'Date' | 'Integer'; value: string } | { name: string; type: 'List'; items: DocSumItem[] }

const ELEMENT_NODE = 1

/** Direct child elements, optionally only those with one name. */
export function kids(parent: Element | null | undefined, name?: string): Element[] {
  if (!parent) return []
  const out: Element[] = []
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === ELEMENT_NODE && (!name || n.nodeName === name)) out.push(n as Element)
  }
  return out
}

/** The first element along a path of direct children ('Journal/JournalIssue/PubDate'). */
export function firstPath(from: Element | null | undefined, steps: string): Element | undefined {
  let at: Element | undefined = from ?? undefined
  for (const step of steps.split('/')) at = kids(at, step)[0]
  return at
}

/** Text without markup, whitespace collapsed (the pretty-printed fixtures indent inside elements). */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim()
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "2024 Jan 2", "2002 Spring", "2010 Sep-Oct": how esummary writes PubDate. */
function dateText(date: Element | undefined): string {
  if (!date) return ''
  const medline = textOf(firstPath(date, 'MedlineDate'))
  if (medline) return medline
  const month = textOf(firstPath(date, 'Month'))
  const monthName = /^\d+$/.test(month) ? (MONTHS[Number(month) - 1] ?? month) : month
  const day = textOf(firstPath(date, 'Day')).replace(/^0+(?=\d)/, '')
  const parts = [textOf(firstPath(date, 'Year')), monthName || textOf(firstPath(date, 'Season')), day]
  return parts.filter(Boolean).join(' ')
}

/** "2023/12/26 16:43", as esummary's History Items write a PubMedPubDate. */
function historyText(date: Element): string {
  const two = (name: string, fallback: string): string => (textOf(firstPath(date, name)) || fallback).padStart(2, '0')
  return `${textOf(firstPath(date, 'Year'))}/${two('Month', '1')}/${two('Day', '1')} ${two('Hour', '0')}:${two('Minute', '0')}`
}

/** The language names esummary prints for MEDLINE's codes (case as in old records, e.g. ENG). */
const LANGUAGES: Record<string, string> = {
  eng: 'English',
  ger: 'German',
  fre: 'French',
  spa: 'Spanish',
  ita: 'Italian',
  nor: 'Norwegian',
  swe: 'Swedish',
  dan: 'Danish',
  dut: 'Dutch',
  tur: 'Turkish',
  por: 'Portuguese',
  rus: 'Russian',
  jpn: 'Japanese',
  chi: 'Chinese'
}

const RECORD_STATUS: Record<string, string> = {
  MEDLINE: 'PubMed - indexed for MEDLINE',
  'PubMed-not-MEDLINE': 'PubMed',
  'In-Process': 'PubMed - in process',
  'In-Data-Review': 'PubMed - in process',
  Publisher: 'PubMed - as supplied by publisher'
}

/** "Ritz NL", "Hambrick GW Jr", or a collective name. */
function authorName(author: Element): string {
  const collective = textOf(firstPath(author, 'CollectiveName'))
  if (collective) return collective
  const parts = ['LastName', 'Initials', 'Suffix'].map(n => textOf(firstPath(author, n)))
  return parts.filter(Boolean).join(' ')
}

function authorsOf(citation: Element | undefined, article: Element | undefined): string[] {
  const lists = [...kids(article, 'AuthorList'), ...kids(firstPath(citation, 'Book'), 'AuthorList')]
  const list = lists.find(l => l.getAttribute('Type') !== 'editors') ?? lists[0]
  return kids(list, 'Author')
    .filter(a => a.getAttribute('ValidYN') !== 'N')
    .map(authorName)
    .filter(Boolean)
}

const str = (name: string, value: string): DocSumItem => ({ name, type: 'String', value })
const list = (name: string, itemName: string, values: string[], type: 'String' | 'Date' = 'String'): DocSumItem => ({
  name,
  type: 'List',
  items: values.map(value => ({ name: itemName, type, value }))
})

export interface RecordParts {
  citation: Element | undefined
  article: Element | undefined
  pmid: string
  abstract: string
  ids: { type: string; value: string }[]
}

export function docSumItems(root: Element, { citation, article, pmid, abstract, ids }: RecordParts): DocSumItem[] {
  const journal = firstPath(article, 'Journal')
  const issue = firstPath(journal, 'JournalIssue')
  const book = firstPath(citation, 'Book')
  const pubDate = dateText(firstPath(issue, 'PubDate') ?? firstPath(book, 'PubDate'))
  const electronic = kids(article, 'ArticleDate').find(d => d.getAttribute('DateType') === 'Electronic')
  const authors = authorsOf(citation, article)
  const issn = (type: string) => textOf(kids(journal, 'ISSN').find(i => i.getAttribute('IssnType') === type))
  const volume = textOf(firstPath(issue, 'Volume'))
  const issueNo = textOf(firstPath(issue, 'Issue'))
  const pages = textOf(firstPath(article, 'Pagination/MedlinePgn'))
  const bookTitle = textOf(firstPath(book, 'BookTitle'))
  const source = textOf(firstPath(citation, 'MedlineJournalInfo/MedlineTA')) || textOf(firstPath(journal, 'ISOAbbreviation')) || bookTitle
  const locations = kids(article, 'ELocationID').map(e => `${e.getAttribute('EIdType')}: ${textOf(e)}`)
  const so = `${pubDate}${volume ? `;${volume}` : ''}${issueNo ? `(${issueNo})` : ''}${pages ? `:${pages}` : ''}`
  const history = kids(firstPath(root, 'PubmedData/History') ?? firstPath(root, 'PubmedBookData/History'), 'PubMedPubDate')
  const title = textOf(firstPath(article, 'ArticleTitle')) || bookTitle || textOf(firstPath(article, 'VernacularTitle'))
  const langs = kids(article, 'Language').map(l => textOf(l))
  return [
    { name: 'PubDate', type: 'Date', value: pubDate },
    { name: 'EPubDate', type: 'Date', value: dateText(electronic) },
    str('Source', source),
    list('AuthorList', 'Author', authors),
    str('LastAuthor', authors[authors.length - 1] ?? ''),
    str('Title', title),
    str('Volume', volume),
    str('Issue', issueNo),
    str('Pages', pages),
    list(
      'LangList',
      'Lang',
      langs.map(l => LANGUAGES[l.toLowerCase()] ?? l)
    ),
    str('NlmUniqueID', textOf(firstPath(citation, 'MedlineJournalInfo/NlmUniqueID'))),
    str('ISSN', issn('Print')),
    str('ESSN', issn('Electronic')),
    list('PubTypeList', 'PubType', kids(firstPath(article, 'PublicationTypeList'), 'PublicationType').map(textOf)),
    str('RecordStatus', RECORD_STATUS[citation?.getAttribute('Status') ?? ''] ?? 'PubMed'),
    str('PubStatus', textOf(firstPath(root, 'PubmedData/PublicationStatus') ?? firstPath(root, 'PubmedBookData/PublicationStatus'))),
    {
      name: 'ArticleIds',
      type: 'List',
      items: (ids.some(i => i.type === 'pubmed') ? ids : [{ type: 'pubmed', value: pmid }, ...ids]).map(i => str(i.type, i.value))
    },
    {
      name: 'History',
      type: 'List',
      items: history.map(d => ({ name: d.getAttribute('PubStatus') ?? '', type: 'Date' as const, value: historyText(d) }))
    },
    { name: 'References', type: 'List', items: [] },
    { name: 'HasAbstract', type: 'Integer', value: abstract ? '1' : '0' },
    str('FullJournalName', textOf(firstPath(journal, 'Title')) || bookTitle),
    str('ELocationID', locations.join('. ')),
    str('SO', so)
  ]
}
