// What the window keeps of a paper: every field but the long parts of a
// record (abstract, its sections, references, author details, investigators,
// grants, funders, substances, conflict of interest, title words), of its
// MeSH headings only the descriptor and whether it is a major topic, and of its
// peptide tags' evidence only the MeSH headings (what the dashboard reads; the
// item pane shows the rest from the row). Its DOI is one string where `doi`,
// `doiKey` and `csl.DOI` have the same text. Here
// because the saved light form (light-form.ts) is made by the library's
// worker job as well as by the store (store/light-item.ts marks them).
import type { HeavyItemField, Item, ItemBasics, MeshHeading, MeshTerm, PeptideEvidence, PeptideTag } from '@shared/model'
import { isMajorTopic, meshTerm } from '@shared/mesh-terms'

/**
 * What a light copy does not copy as it is: the long parts, the mark, and what it keeps in part (headings, peptide
 * tags, CSL). Named by a record of every heavy field, so a field added to them is left out here too.
 */
const NOT_AS_IS = new Set(
  Object.keys({
    abstractSections: 0,
    references: 0,
    related: 0,
    investigators: 0,
    authorDetails: 0,
    grants: 0,
    funders: 0,
    chemicals: 0,
    coi: 0,
    titleWords: 0,
    light: 0,
    mesh: 0,
    peptideTags: 0,
    csl: 0
  } satisfies Record<HeavyItemField | 'light' | 'mesh' | 'peptideTags' | 'csl', 0>)
)

/** Whether a light copy holds this field of the row with the same value (its DOI fields one string where they are the same text): not a long part, CSL, headings or tags. */
export const copiedAsIs = (field: string): boolean => !NOT_AS_IS.has(field)

/** Whether a light copy holds this field of the row as it is (the same value): not a long part, CSL, headings, tags or DOI. */
export function keptAsIs(field: string): boolean {
  return copiedAsIs(field) && field !== 'doi' && field !== 'doiKey'
}

/**
 * Where a paper is in the library and where the researcher is with it: its collections, the Trash, its reading status
 * and rating, when it last changed. No search reads them (shared/search/fields.ts) and a light copy holds them as they
 * are: a change of only these (filing, trashing or restoring many papers) reaches the window as their values, not as rows.
 */
export const FILING_FIELDS = ['collectionIds', 'trashedAt', 'readStatus', 'rating', 'modifiedAt'] as const satisfies readonly (keyof Item)[]

/** A paper's id and its filing fields as it now has them (a field left out: the paper has none). */
export type Filing = Pick<Item, 'id' | (typeof FILING_FIELDS)[number]>

const filingFields = new Set<string>(FILING_FIELDS)

export function isFilingField(field: string): boolean {
  return filingFields.has(field)
}

export function filingOf(item: Item): Filing {
  const filing: Record<string, unknown> = { id: item.id }
  for (const field of FILING_FIELDS) if (field in item) filing[field] = item[field]
  return filing as unknown as Filing
}

/** The light copy's fields without its mark: what IndexedDB and a worker's message can hold (a function cannot be). */
export function basics(item: Item): ItemBasics {
  // copied a field at a time, in the paper's order: an object rest leaving fourteen names out took 4× as long (every
  // paper an import reads, every write the window takes in)
  const kept: Record<string, unknown> = {}
  for (const name in item) if (!NOT_AS_IS.has(name)) kept[name] = item[name as keyof Item]
  const cslKept: Record<string, unknown> = {}
  for (const name in item.csl) if (name !== 'abstract') cslKept[name] = item.csl[name as keyof Item['csl']]
  kept.csl = cslKept
  const basics = kept as unknown as ItemBasics
  if (item.mesh) basics.mesh = item.mesh.map(lightHeading)
  if (item.peptideTags) basics.peptideTags = item.peptideTags.map(lightPeptideTag)
  if (basics.doi !== undefined) {
    if (basics.doiKey === basics.doi) basics.doiKey = basics.doi
    if (basics.csl.DOI === basics.doi) basics.csl.DOI = basics.doi
  }
  return basics
}

/**
 * What a light copy keeps of a heading (meshTerm), one frozen copy for each descriptor and major-topic flag: papers
 * share their headings (Humans, Male, Oxytocin), and packing numbers a frozen value by identity rather than by its JSON
 * text, an eighth of packing a MEDLINE file's papers (its headings alone). Bounded for any library.
 */
const lightHeadings = new Map<string, [MeshTerm | undefined, MeshTerm | undefined]>()
const MOST_LIGHT_HEADINGS = 10_000

function lightHeading(heading: MeshHeading): MeshTerm {
  if (typeof heading.descriptor !== 'string') return meshTerm(heading)
  // by the descriptor as it is, then the flag: a key made of both was a string to build and hash for every heading
  let pair = lightHeadings.get(heading.descriptor)
  if (pair === undefined) {
    if (lightHeadings.size >= MOST_LIGHT_HEADINGS) lightHeadings.clear()
    lightHeadings.set(heading.descriptor, (pair = [undefined, undefined]))
  }
  const major = isMajorTopic(heading) ? 1 : 0
  return (pair[major] ??= Object.freeze(meshTerm(heading)))
}

/** A peptide tag with only its MeSH evidence (the headings the dashboard leaves out of a peptide's co-occurring terms). */
function lightPeptideTag(tag: PeptideTag): PeptideTag {
  const fromMesh = (evidence: PeptideEvidence) => evidence.source === 'mesh'
  return sharedLightTag(tag, tag.evidence.every(fromMesh) ? tag.evidence : tag.evidence.filter(fromMesh))
}

/**
 * Light tags, one frozen copy for each peptide, family, receptor and MeSH evidence, as the tagger makes them (peptide,
 * family, evidence, then receptor when there is one; each piece of evidence its source and text): most papers' tags
 * are such — without evidence (a file's papers have no MeSH) or with the same headings (a MEDLINE file's) —, and
 * packing numbers a frozen value by identity rather than by its JSON text. Bounded for any library.
 */
const lightTags = new Map<string, PeptideTag>()
const MOST_LIGHT_TAGS = 10_000

function sharedLightTag(tag: PeptideTag, evidence: PeptideEvidence[]): PeptideTag {
  const unshared = () => (evidence === tag.evidence ? tag : { ...tag, evidence })
  const keys = Object.keys(tag)
  const asTagged =
    keys[0] === 'peptide' && keys[1] === 'family' && keys[2] === 'evidence' && (keys.length === 3 || (keys.length === 4 && keys[3] === 'receptor'))
  if (!asTagged || typeof tag.peptide !== 'string' || typeof tag.family !== 'string' || (keys.length === 4 && typeof tag.receptor !== 'string'))
    return unshared()
  if (evidence.length === 0) return bareLightTag(tag, tag.family, keys.length === 4 ? tag.receptor : undefined)
  let key = `${tag.peptide}\u0000${tag.family}\u0000${tag.receptor ?? ''}\u0000${keys.length}`
  for (const piece of evidence) {
    if (!asFound(piece)) return unshared()
    key += `\u0000${piece.text.length}:${piece.text}`
  }
  let shared = lightTags.get(key)
  if (shared === undefined) {
    if (lightTags.size >= MOST_LIGHT_TAGS) lightTags.clear()
    lightTags.set(key, (shared = frozenTag(tag, evidence)))
  }
  return shared
}

/** A frozen copy of a tag with this evidence (the paper's own tag and evidence are not frozen). */
function frozenTag(tag: PeptideTag, evidence: PeptideEvidence[]): PeptideTag {
  return Object.freeze({
    ...tag,
    evidence: Object.freeze(evidence.map(piece => Object.freeze({ source: piece.source, text: piece.text }))) as PeptideEvidence[]
  })
}

/**
 * Light tags without evidence (every tag of a file's papers) by peptide, family and receptor (undefined: none), looked
 * up by the tagger's own texts: a key built of them was a string to make and hash for every tag, a fifth of `basics`.
 */
const bareTags = new Map<string, Map<string, Map<string | undefined, PeptideTag>>>()
let bareTagCount = 0

function bareLightTag(tag: PeptideTag, family: string, receptor: string | undefined): PeptideTag {
  let families = bareTags.get(tag.peptide)
  if (families === undefined) bareTags.set(tag.peptide, (families = new Map()))
  let receptors = families.get(family)
  if (receptors === undefined) families.set(family, (receptors = new Map()))
  let shared = receptors.get(receptor)
  if (shared === undefined) {
    if (bareTagCount >= MOST_LIGHT_TAGS) {
      bareTags.clear()
      bareTagCount = 0
      return bareLightTag(tag, family, receptor)
    }
    bareTagCount++
    receptors.set(receptor, (shared = frozenTag(tag, [])))
  }
  return shared
}

/** Evidence as the tagger writes it: its source, then its text, nothing else. */
function asFound(piece: PeptideEvidence): boolean {
  let n = 0
  for (const name in piece) if ((n === 0 && name !== 'source') || (n === 1 && name !== 'text') || ++n > 2) return false
  return n === 2 && typeof piece.text === 'string'
}
