// Identifiers and the links between records: the paper's own ids, the works
// it cites, and PubMed's comment/erratum/retraction/update links, which also
// decide the warning flags a researcher must see before citing a paper.
import { DOI_PREFIX_PATTERN } from '@shared/identifiers'
import type { CitedWork, RelatedRecord } from '@shared/model'
import { all, attr, child, children, textAt, textOf, type XmlElement } from './ncbi-xml'

export interface ArticleIds {
  pmid?: string
  doi?: string
  pmcid?: string
  bookaccession?: string
}

/** The ids in an ArticleIdList, by type (first of each type wins). */
export function readArticleIds(list: XmlElement | undefined): ArticleIds {
  const ids: ArticleIds = {}
  for (const id of children(list, 'ArticleId')) {
    const value = textOf(id)
    const type = attr(id, 'IdType')
    if (!value) continue
    if (type === 'pubmed') ids.pmid ??= value
    else if (type === 'doi') ids.doi ??= value
    else if (type === 'pmc') ids.pmcid ??= value.toUpperCase().startsWith('PMC') ? value : `PMC${value}`
    else if (type === 'bookaccession') ids.bookaccession ??= value
  }
  return ids
}

const DOI_IN_CITATION_RE = new RegExp(`\\bdoi:\\s*(${DOI_PREFIX_PATTERN}/\\S+?)\\.?(\\s|$)`, 'i')

/** A DOI written inside a citation ("… 2021 Mar;1868(3):118918. doi: 10.1016/j.bbamcr.2020.118918."). */
function doiInText(text: string | undefined): string | undefined {
  return text?.match(DOI_IN_CITATION_RE)?.[1]
}

function citedWork(citation: string, ids: ArticleIds): CitedWork {
  const doi = ids.doi ?? doiInText(citation)
  return {
    citation,
    ...(ids.pmid ? { pmid: ids.pmid } : {}),
    ...(doi ? { doi } : {}),
    ...(ids.pmcid ? { pmcid: ids.pmcid } : {})
  }
}

/** Cited works from ReferenceList blocks (some records nest one list inside another). */
export function readReferenceList(parent: XmlElement | undefined): CitedWork[] {
  const lists = [...children(parent, 'ReferenceList'), ...all(parent, 'ReferenceList/ReferenceList')]
  return lists.flatMap(list =>
    children(list, 'Reference').flatMap(ref => {
      const citation = textAt(ref, 'Citation')
      return citation ? [citedWork(citation, readArticleIds(child(ref, 'ArticleIdList')))] : []
    })
  )
}

/** Older records list their references as CommentsCorrections RefType="Cites". */
export function readCitesLinks(citation: XmlElement | undefined): CitedWork[] {
  return all(citation, 'CommentsCorrectionsList/CommentsCorrections')
    .filter(link => attr(link, 'RefType') === 'Cites')
    .flatMap(link => {
      const source = textAt(link, 'RefSource')
      return source ? [citedWork(source, { pmid: textAt(link, 'PMID') })] : []
    })
}

/** Comments, errata, retractions, updates… (RefType kept as PubMed names it: 'ErratumIn', 'RetractionIn'). */
export function readRelated(citation: XmlElement | undefined): RelatedRecord[] {
  return all(citation, 'CommentsCorrectionsList/CommentsCorrections').flatMap(link => {
    const relation = attr(link, 'RefType')
    if (!relation || relation === 'Cites') return []
    const source = textAt(link, 'RefSource')
    const pmid = textAt(link, 'PMID')
    const doi = doiInText(source)
    return [{ relation, ...(source ? { citation: source } : {}), ...(pmid ? { pmid } : {}), ...(doi ? { doi } : {}) }]
  })
}

/** Warnings a researcher needs before citing: retracted, corrected, preprint, expression of concern. */
export function readFlags(related: RelatedRecord[], publicationTypes: string[]): string[] {
  const relations = new Set(related.map(r => r.relation))
  const types = new Set(publicationTypes.map(t => t.toLowerCase()))
  const flags: string[] = []
  if (relations.has('RetractionIn') || types.has('retracted publication')) flags.push('retracted')
  if (relations.has('ErratumIn')) flags.push('corrected')
  if (relations.has('ExpressionOfConcernIn')) flags.push('expression-of-concern')
  if (types.has('preprint')) flags.push('preprint')
  return flags
}
