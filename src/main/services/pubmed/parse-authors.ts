// Authors, editors and investigators. A person becomes a CSL name, a group
// ("ASPIRE Investigators") a literal name; what CSL cannot hold (initials,
// ORCID, affiliations) goes to `authorDetails`, indexed by author position.
import type { AuthorDetail, CslName } from '@shared/model'
import { all, attr, children, textAt, textOf, type XmlElement } from './ncbi-xml'

export interface ReadAuthors {
  names: CslName[]
  details: AuthorDetail[]
}

/** ORCID in any of PubMed's spellings (bare, URL, without dashes) → 0000-0002-4590-7461. */
export function bareOrcid(value: string | undefined): string | undefined {
  const m = value?.match(/(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dXx])\s*$/)
  return m ? `${m[1]}-${m[2]}-${m[3]}-${m[4].toUpperCase()}` : undefined
}

function personName(el: XmlElement): CslName | undefined {
  const collective = textAt(el, 'CollectiveName')
  if (collective) return { literal: collective }
  const family = textAt(el, 'LastName')
  // Some records give only initials; they still name the person.
  const given = textAt(el, 'ForeName') ?? textAt(el, 'Initials')
  const suffix = textAt(el, 'Suffix')
  if (!family) return given ? { literal: given } : undefined
  return { family, ...(given ? { given } : {}), ...(suffix ? { suffix } : {}) }
}

function detailOf(el: XmlElement, index: number): AuthorDetail | undefined {
  const initials = textAt(el, 'Initials')
  const orcid = children(el, 'Identifier')
    .filter(id => attr(id, 'Source')?.toUpperCase() === 'ORCID')
    .map(id => bareOrcid(textOf(id)))
    .find(Boolean)
  const affiliations = all(el, 'AffiliationInfo/Affiliation')
    .map(textOf)
    .filter((a): a is string => !!a)
  if (!initials && !orcid && affiliations.length === 0) return undefined
  return {
    index,
    ...(initials ? { initials } : {}),
    ...(orcid ? { orcid } : {}),
    ...(affiliations.length ? { affiliations } : {})
  }
}

/** People in an AuthorList or InvestigatorList; entries PubMed marks invalid (ValidYN="N") are left out. */
export function readPeople(list: XmlElement | undefined, tag: 'Author' | 'Investigator' = 'Author'): ReadAuthors {
  const names: CslName[] = []
  const details: AuthorDetail[] = []
  for (const el of children(list, tag)) {
    if (attr(el, 'ValidYN') === 'N') continue
    const name = personName(el)
    if (!name) continue
    const detail = detailOf(el, names.length)
    names.push(name)
    if (detail) details.push(detail)
  }
  return { names, details }
}

/** The AuthorList of a given Type ('authors' is also the default when Type is missing). */
export function authorListOfType(lists: XmlElement[], type: 'authors' | 'editors'): XmlElement | undefined {
  return lists.find(l => (attr(l, 'Type') ?? 'authors') === type)
}
