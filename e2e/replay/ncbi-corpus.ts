// The recorded PubMed records (e2e/fixtures/pubmed/efetch/*.xml) as a corpus
// the replay server can answer any PMID, DOI or PMCID from.
//
// - efetch bodies are the recorded records, byte-exact: each file is split into
//   its <PubmedArticle> / <PubmedBookArticle> elements as the original text and
//   re-assembled per request under NCBI's PubmedArticleSet header.
// - esearch, esummary, elink and ID converter answers are generated in NCBI's
//   real shapes (copied from esearch/biopython_esearch1_count63.xml,
//   esearch/biopython_esearch8_zero_results_ErrorList.xml,
//   esummary/biopython_esummary1_pubmed_docsum.xml,
//   elink/biopython_elink1_pubmed_similar_and_citedin.xml and
//   idconv/rcrossref_idconv_doi_to_pmcid.json), with every value taken from the
//   recorded records. Nothing is invented about a paper.
// - Links: pubmed_pubmed_refs = the PMIDs a record's ReferenceList names;
//   pubmed_pubmed_citedin = the corpus records whose ReferenceList names it;
//   pubmed_pubmed (similar) = the record itself, then the corpus records that
//   share at least two MeSH descriptors, most shared first (NCBI lists the
//   paper itself first, see the elink fixture).
// - Tests add links no record holds with `ncbiRoutes(corpus, { links })`:
//   `{ '38147649': { pubmed_pubmed_citedin: ['29768149', '23121403'] } }` gives
//   that paper a "Cited by" list. Injected refs/citedin are one citation graph,
//   so the reverse direction shows up too (29768149 then cites 38147649).
// - Time (ncbi-timeline.ts): each record's Entrez date (History "entrez", else
//   "pubmed"); esearch honours `datetype=edat` + `mindate`/`maxdate`.
//   `ncbiRoutes(corpus, { heldBack: ['38147649'] })` hides papers from every
//   answer until `routes.release('38147649', date?)`; from then on the paper is
//   served and its Entrez date is the release day (a new paper for a saved search).
//
// Usage: startReplayServer(ncbiRoutes(loadPubmedCorpus())) and point the app at
// replayEnvironment(server.url); server.requests counts the calls.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { DOMParser, type Element } from '@xmldom/xmldom'
import { docSumItems, firstPath, kids, textOf, type DocSumItem } from './ncbi-docsum'

import { entrezDateOf } from './ncbi-timeline'

export { ncbiRoutes, requestsPerSecondMax, type NcbiRoutes } from './ncbi-routes'

export interface PubmedRecord {
  pmid: string
  kind: 'PubmedArticle' | 'PubmedBookArticle'
  /** the record exactly as recorded, from its start tag to its end tag */
  xml: string
  /** fixture file name it came from */
  file: string
  /** first DOI (ArticleIdList, else ELocationID), as written */
  doi?: string
  /** every DOI the record carries, lower-case */
  dois: string[]
  pmcid?: string
  /** title without markup (ArticleTitle, else BookTitle, else VernacularTitle) */
  title: string
  abstract: string
  mesh: string[]
  /** YYYY/MM/DD it entered PubMed (History "entrez", else "pubmed"); none in a record without History */
  entrezDate?: string
  /** PMIDs its ReferenceList names (its own PMID left out: that is a data-deposit entry, not a citation) */
  references: string[]
  /** esummary version 1.0 Items, values from the record */
  docSum: DocSumItem[]
}

export interface PubmedCorpus {
  records: PubmedRecord[]
  byPmid: Map<string, PubmedRecord>
  /** keys lower-case */
  byDoi: Map<string, PubmedRecord>
  /** keys upper-case, without version */
  byPmcid: Map<string, PubmedRecord>
}

const EFETCH_DIR = path.resolve(__dirname, '..', 'fixtures', 'pubmed', 'efetch')
/** a 71-byte broken document for the parser's error path, not a record */
const NOT_RECORDS = new Set(['jabref_malformed_PubmedArticleSet.xml'])

/** The records of one efetch document as the original text, in document order. */
function splitPubmedArticleSet(text: string): { kind: PubmedRecord['kind']; xml: string }[] {
  const out: { kind: PubmedRecord['kind']; xml: string }[] = []
  // `<PubmedArticle>` or `<PubmedArticle attr…>`, never `<PubmedArticleSet>`; records do not nest.
  const start = /<(PubmedArticle|PubmedBookArticle)(?=[\s>])[^>]*>/g
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const kind = m[1] as PubmedRecord['kind']
    const close = `</${kind}>`
    const end = text.indexOf(close, m.index)
    if (end < 0) throw new Error(`A <${kind}> is never closed`)
    out.push({ kind, xml: text.slice(m.index, end + close.length) })
    start.lastIndex = end + close.length
  }
  return out
}

function parseRecord(xml: string, file: string): Element {
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${file}: ${message}`)
    }
  })
  const root = parser.parseFromString(xml, 'text/xml').documentElement
  if (!root) throw new Error(`${file}: empty record`)
  return root
}

/** ArticleIds of the paper itself (not of its references), as IdType → values. */
function articleIds(root: Element): { type: string; value: string }[] {
  const lists = [firstPath(root, 'PubmedData/ArticleIdList'), firstPath(root, 'PubmedBookData/ArticleIdList'), firstPath(root, 'BookDocument/ArticleIdList')]
  return lists.flatMap(list => kids(list, 'ArticleId').map(a => ({ type: a.getAttribute('IdType') ?? '', value: textOf(a) })))
}

function recordOf(kind: PubmedRecord['kind'], xml: string, file: string): PubmedRecord {
  const root = parseRecord(xml, file)
  const citation = firstPath(root, 'MedlineCitation') ?? firstPath(root, 'BookDocument')
  const article = firstPath(citation, 'Article') ?? citation
  const pmid = textOf(firstPath(citation, 'PMID'))
  if (!pmid) throw new Error(`${file}: a record without a PMID`)
  const ids = articleIds(root)
  const locationDois = kids(article, 'ELocationID')
    .filter(e => e.getAttribute('EIdType') === 'doi')
    .map(textOf)
  const allDois = [...ids.filter(i => i.type === 'doi').map(i => i.value), ...locationDois].filter(Boolean)
  const references = [...root.getElementsByTagName('Reference')]
    .flatMap(ref => [...ref.getElementsByTagName('ArticleId')])
    .filter(a => a.getAttribute('IdType') === 'pubmed')
    .map(textOf)
    .filter(id => id && id !== pmid)
  const abstract = kids(firstPath(article, 'Abstract'), 'AbstractText').map(textOf).join(' ')
  return {
    pmid,
    kind,
    xml,
    file,
    ...(allDois[0] ? { doi: allDois[0] } : {}),
    dois: [...new Set(allDois.map(d => d.toLowerCase()))],
    ...pmcOf(ids),
    title: textOf(firstPath(article, 'ArticleTitle')) || textOf(firstPath(citation, 'Book/BookTitle')) || textOf(firstPath(article, 'VernacularTitle')),
    abstract,
    mesh: kids(firstPath(citation, 'MeshHeadingList'), 'MeshHeading').map(h => textOf(firstPath(h, 'DescriptorName'))),
    ...optional('entrezDate', entrezDateOf(root)),
    references: [...new Set(references)],
    docSum: docSumItems(root, { citation, article, pmid, abstract, ids })
  }
}

const optional = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> =>
  (value ? { [key]: value } : {}) as Partial<Record<K, string>>

function pmcOf(ids: { type: string; value: string }[]): { pmcid?: string } {
  const pmc = ids.find(i => i.type === 'pmc')?.value
  return pmc ? { pmcid: pmc } : {}
}

/** Every recorded efetch record, indexed by PMID, DOI (lower-case) and PMCID. */
export function loadPubmedCorpus(dir: string = EFETCH_DIR): PubmedCorpus {
  const records = readdirSync(dir)
    .filter(name => name.endsWith('.xml') && !NOT_RECORDS.has(name))
    .sort()
    .flatMap(name => splitPubmedArticleSet(readFileSync(path.join(dir, name), 'utf8')).map(({ kind, xml }) => recordOf(kind, xml, name)))
  const corpus: PubmedCorpus = { records, byPmid: new Map(), byDoi: new Map(), byPmcid: new Map() }
  for (const r of records) {
    corpus.byPmid.set(r.pmid, r)
    for (const doi of r.dois) corpus.byDoi.set(doi, r)
    if (r.pmcid) corpus.byPmcid.set(r.pmcid.toUpperCase(), r)
  }
  return corpus
}
