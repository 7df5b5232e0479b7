// Which parts of an item search looks at, named the way the query language names them.
import { yearOf } from '../display'
import { isIdentifierValue } from '../identifiers'
import type { CslName, Item, ItemBasics } from '../model'
import { organismIdsOf, publicationTypeKey } from '../facet-vocab'

// Short fields first: a phrase is confirmed field by field in this order, and
// an item found in its MeSH terms never needs its abstract read.
export const SEARCH_FIELDS = [
  'title',
  'author',
  'year',
  'journal',
  'keyword',
  'mesh',
  'tag',
  'peptide',
  'doi',
  'pmid',
  'pmcid',
  'citekey',
  'type',
  'organism',
  'abstract',
  'note'
] as const
export type SearchField = (typeof SEARCH_FIELDS)[number]

/**
 * Identifiers, publication types and organisms are matched as whole values
 * (or their beginning), never word by word: `type:review` must not find
 * Systematic Reviews, so the list agrees with the facet counts.
 */
export const IDENTIFIER_FIELDS: readonly SearchField[] = ['doi', 'pmid', 'pmcid', 'citekey', 'type', 'organism']

export function isIdentifierField(field: SearchField): boolean {
  return IDENTIFIER_FIELDS.includes(field)
}

/** What search reads of an item: a full one, or the window's light copy (whose abstract the index keeps as word numbers). */
export type SearchableItem = ItemBasics & Pick<Partial<Item>, 'abstractSections'>

/** Notes are stored apart from items; the caller passes their text. */
export type NotesText = string | readonly string[] | undefined

export type FieldValues = Record<SearchField, string[]>

/** "10.1073/PNAS.1" from a bare DOI, a doi: prefix or a doi.org link, lower-cased. */
export function identifierValue(field: SearchField, raw: string): string {
  let value = raw.trim().toLowerCase()
  if (field === 'doi') value = value.replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//, '').replace(/^doi:\s*/, '')
  if (field === 'pmcid' && isIdentifierValue('pmcid', `PMC${value}`)) value = `pmc${value}`
  return value
}

export function itemYear(item: ItemBasics): number | undefined {
  if (typeof item.year === 'number') return item.year
  const year = yearOf(item)
  return year !== undefined && year > 0 ? year : undefined
}

// Both orders, so that "Larry Young" and "Young Larry" are both phrases of one author.
function nameValues(name: CslName): string[] {
  if (name.literal) return [name.literal]
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ')
  const given = [name.given, name['dropping-particle']].filter(Boolean).join(' ')
  return [`${family} ${given}`, `${given} ${family}`].map(v => v.trim()).filter(Boolean)
}

function peptidesOf(item: ItemBasics): string[] {
  const removed = new Set(item.removedPeptideTags ?? [])
  return (item.peptideTags ?? []).filter(t => !removed.has(t.peptide)).flatMap(t => present(t.peptide, t.receptor))
}

function present(...values: (string | undefined)[]): string[] {
  return values.filter((v): v is string => typeof v === 'string' && v.length > 0)
}

type Reader = (item: SearchableItem, notes: NotesText) => string[]
const id = (field: SearchField, raw: string | undefined) => (raw ? [identifierValue(field, raw)] : [])

const READERS: Record<SearchField, Reader> = {
  title: item => present(item.csl.title),
  author: item => (item.csl.author ?? []).flatMap(nameValues),
  year: item => {
    const year = itemYear(item)
    return year === undefined ? [] : [String(year)]
  },
  journal: item => present(item.csl['container-title'], item.csl['container-title-short']),
  abstract: item => present(item.csl.abstract ?? item.abstractSections?.map(s => s.text).join(' ')),
  keyword: item => item.keywords ?? [],
  mesh: item => (item.mesh ?? []).map(m => m.descriptor),
  tag: item => item.tags ?? [],
  note: (_item, notes) => (typeof notes === 'string' ? present(notes) : [...(notes ?? [])]),
  doi: item => id('doi', item.doi ?? item.csl.DOI),
  pmid: item => id('pmid', item.pmid ?? item.csl.PMID),
  pmcid: item => id('pmcid', item.pmcid ?? item.csl.PMCID),
  citekey: item => id('citekey', item.citationKey),
  peptide: peptidesOf,
  type: item => (item.publicationTypes ?? []).map(publicationTypeKey),
  organism: item => organismIdsOf(item.mesh)
}

/** The raw text of one searchable field of an item (identifiers already normalised). */
export function fieldValue(item: SearchableItem, notes: NotesText, field: SearchField): string[] {
  return READERS[field](item, notes)
}

/** Every searchable field of one item. */
export function fieldValues(item: SearchableItem, notes?: NotesText): FieldValues {
  const values = {} as FieldValues
  for (const field of SEARCH_FIELDS) values[field] = READERS[field](item, notes)
  return values
}
