// What the window keeps of a paper: every field but the long parts of a
// record (abstract, its sections, references, author details, investigators,
// grants, funders, substances, conflict of interest, title words), of its
// MeSH headings only the descriptor and whether it is a major topic, and of its
// peptide tags' evidence only the MeSH headings (what the dashboard reads; the
// item pane shows the rest from the row). Its DOI is one string where `doi`,
// `doiKey` and `csl.DOI` have the same text. Here
// because the saved light form (light-form.ts) is made by the library's
// worker job as well as by the store (store/light-item.ts marks them).
import type { HeavyItemField, Item, ItemBasics, MeshHeading, MeshTerm, PeptideTag } from '@shared/model'
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

/** Whether a light copy holds this field of the row as it is (the same value): not a long part, CSL, headings, tags or DOI. */
export function keptAsIs(field: string): boolean {
  return !NOT_AS_IS.has(field) && field !== 'doi' && field !== 'doiKey'
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
  if (tag.evidence.every(evidence => evidence.source === 'mesh')) return tag
  const evidence = tag.evidence.filter(evidence => evidence.source === 'mesh')
  return evidence.length ? { ...tag, evidence } : withoutEvidence(tag)
}

/**
 * Light tags with no evidence left, one frozen copy for each peptide, family and receptor, as the tagger makes them
 * (peptide, family, evidence, then receptor when there is one): most papers' tags are such (a file's papers have no
 * MeSH), and packing numbers a frozen value by identity rather than by its JSON text. Bounded for any library.
 */
const evidenceless = new Map<string, PeptideTag>()
const MOST_EVIDENCELESS = 10_000

function withoutEvidence(tag: PeptideTag): PeptideTag {
  const keys = Object.keys(tag)
  const asTagged =
    keys[0] === 'peptide' && keys[1] === 'family' && keys[2] === 'evidence' && (keys.length === 3 || (keys.length === 4 && keys[3] === 'receptor'))
  if (!asTagged || typeof tag.family !== 'string' || (keys.length === 4 && typeof tag.receptor !== 'string')) return { ...tag, evidence: [] }
  const key = `${tag.peptide}\u0000${tag.family}\u0000${tag.receptor ?? ''}\u0000${keys.length}`
  let shared = evidenceless.get(key)
  if (shared === undefined) {
    if (evidenceless.size >= MOST_EVIDENCELESS) evidenceless.clear()
    shared = { ...tag, evidence: [] }
    Object.freeze(shared.evidence)
    evidenceless.set(key, Object.freeze(shared))
  }
  return shared
}
