// NCBI's reply bodies, in the shapes of the recorded responses named beside
// each builder (e2e/fixtures/pubmed/…). The routes decide what goes in them.
import type { DocSumItem } from './ncbi-docsum'
import type { PubmedRecord } from './ncbi-corpus'

export const XML_TYPE = 'text/xml; charset=UTF-8'
export const JSON_TYPE = 'application/json'

/** Element text (NCBI leaves quotes as they are: "biopython"[All Fields]). */
function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

const escapeAttr = (text: string): string => escapeXml(text).replace(/"/g, '&quot;')

/** efetch: the recorded elements, byte-exact, in the order asked (head of every metapub efetch fixture). */
export function pubmedArticleSet(records: PubmedRecord[]): string {
  return [
    '<?xml version="1.0" ?>',
    '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">',
    `<PubmedArticleSet>${records.map(r => `\n${r.xml}`).join('')}`,
    '</PubmedArticleSet>'
  ].join('\n')
}

/** efetch/esummary refusals: <eFetchResult><ERROR>…</ERROR></eFetchResult>. */
export function utilityError(root: 'eFetchResult' | 'eSummaryResult' | 'eLinkResult', message: string): string {
  return `<?xml version="1.0" encoding="UTF-8" ?>\n<${root}>\n\t<ERROR>${escapeXml(message)}</ERROR>\n</${root}>\n`
}

const ESEARCH_HEAD =
  '<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE eSearchResult PUBLIC "-//NLM//DTD esearch 20060628//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd">\n'

export interface SearchReply {
  count: number
  retStart: number
  ids: string[]
  translation: string
  history?: { queryKey: number; webEnv: string }
  /** phrases PubMed found nothing for */
  notFound: string[]
}

/** biopython_esearch1_count63.xml; with history as ncbi_eutilsjson_esearch_pubmed.xml; nothing found as biopython_esearch8_zero_results_ErrorList.xml. */
export function esearchXml(reply: SearchReply): string {
  const history = reply.history ? `<QueryKey>${reply.history.queryKey}</QueryKey><WebEnv>${reply.history.webEnv}</WebEnv>` : ''
  const idList = reply.ids.length ? `<IdList>\n${reply.ids.map(id => `<Id>${id}</Id>\n`).join('')}</IdList>` : '<IdList/>'
  const errors = reply.notFound.length ? `<ErrorList>${reply.notFound.map(p => `<PhraseNotFound>${escapeXml(p)}</PhraseNotFound>`).join('')}</ErrorList>` : ''
  const warnings = reply.count === 0 ? '<WarningList><OutputMessage>No items found.</OutputMessage></WarningList>' : ''
  return (
    ESEARCH_HEAD +
    `<eSearchResult><Count>${reply.count}</Count><RetMax>${reply.ids.length}</RetMax><RetStart>${reply.retStart}</RetStart>` +
    `${history}${idList}<TranslationSet/><QueryTranslation>${escapeXml(reply.translation)}</QueryTranslation>` +
    `${errors}${warnings}</eSearchResult>\n`
  )
}

function itemXml(item: DocSumItem, depth: number): string {
  const indent = '\t'.repeat(depth)
  const open = `${indent}<Item Name="${escapeAttr(item.name)}" Type="${item.type}">`
  if (item.type !== 'List') return `${open}${escapeXml(item.value)}</Item>\n`
  if (!item.items.length) return `${open}</Item>\n`
  return `${open}\n${item.items.map(i => itemXml(i, depth + 1)).join('')}${indent}</Item>\n`
}

/** biopython_esummary1_pubmed_docsum.xml; an unknown PMID gets NCBI's per-id <ERROR>. */
export function esummaryXml(found: PubmedRecord[], unknown: string[]): string {
  const docs = found.map(r => `<DocSum>\n\t<Id>${r.pmid}</Id>\n${r.docSum.map(i => itemXml(i, 1)).join('')}</DocSum>\n\n`)
  const errors = unknown.map(id => `<ERROR>UID=${escapeXml(id)}: cannot get document summary</ERROR>\n`)
  return (
    '<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE eSummaryResult PUBLIC "-//NLM//DTD esummary v1 20041029//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20041029/esummary-v1.dtd">\n' +
    `<eSummaryResult>\n${docs.join('')}${errors.join('')}</eSummaryResult>\n`
  )
}

/** biopython_elink1_pubmed_similar_and_citedin.xml: one LinkSet per asked PMID, empty link sets left out. */
export function elinkXml(sets: { pmid: string; links: [string, string[]][] }[]): string {
  const linkSet = ({ pmid, links }: (typeof sets)[number]): string => {
    const dbs = links
      .filter(([, ids]) => ids.length)
      .map(
        ([name, ids]) =>
          `    <LinkSetDb>\n      <DbTo>pubmed</DbTo>\n      <LinkName>${name}</LinkName>\n      \n` +
          ids.map(id => `        <Link>\n\t\t\t\t<Id>${id}</Id>\n\t\t\t</Link>\n`).join('') +
          '      \n    </LinkSetDb>\n'
      )
    return `  <LinkSet>\n    <DbFrom>pubmed</DbFrom>\n    <IdList>\n      <Id>${escapeXml(pmid)}</Id>\n    </IdList>\n${dbs.join('')}  </LinkSet>\n`
  }
  return (
    '<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE eLinkResult PUBLIC "-//NLM//DTD elink 20101123//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20101123/elink.dtd">\n' +
    `<eLinkResult>\n\n${sets.map(linkSet).join('')}</eLinkResult>\n`
  )
}

export type IdconvRecord =
  | { 'requested-id': string; pmcid: string; pmid: string; doi?: string }
  | { 'requested-id': string; pmid?: string; doi?: string; status: 'error'; errmsg: string }

/** rcrossref_idconv_doi_to_pmcid.json (pretty-printed the same way, one space per level). */
export function idconvJson(request: string, records: IdconvRecord[], now: Date): string {
  const responseDate = now.toISOString().slice(0, 19).replace('T', ' ')
  return `${JSON.stringify({ status: 'ok', responseDate, request, records }, null, 1)}\n`
}
