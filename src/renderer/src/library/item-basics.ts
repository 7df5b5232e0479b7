// What the window keeps of a paper: every field but the long parts of a
// record (abstract, its sections, references, author details, investigators,
// grants, funders, substances, conflict of interest, title words), of its
// MeSH headings only the descriptor and whether it is a major topic, and of its
// peptide tags' evidence only the MeSH headings (what the dashboard reads; the
// item pane shows the rest from the row). Its DOI is one string where `doi`,
// `doiKey` and `csl.DOI` have the same text. Here
// because the saved light form (light-form.ts) is made by the library's
// worker job as well as by the store (store/light-item.ts marks them).
import type { Item, ItemBasics, PeptideTag } from '@shared/model'
import { meshTerm } from '@shared/mesh-terms'

/** The light copy's fields without its mark: what IndexedDB and a worker's message can hold (a function cannot be). */
export function basics(item: Item): ItemBasics {
  const {
    abstractSections: _sections,
    references: _references,
    related: _related,
    investigators: _investigators,
    authorDetails: _authorDetails,
    grants: _grants,
    funders: _funders,
    chemicals: _chemicals,
    coi: _coi,
    titleWords: _titleWords,
    light: _light,
    mesh,
    peptideTags,
    csl,
    ...kept
  } = item
  const { abstract: _abstract, ...cslKept } = csl
  const basics: ItemBasics = { ...kept, csl: cslKept }
  if (mesh) basics.mesh = mesh.map(meshTerm)
  if (peptideTags) basics.peptideTags = peptideTags.map(lightPeptideTag)
  if (basics.doi !== undefined) {
    if (basics.doiKey === basics.doi) basics.doiKey = basics.doi
    if (cslKept.DOI === basics.doi) cslKept.DOI = basics.doi
  }
  return basics
}

/** A peptide tag with only its MeSH evidence (the headings the dashboard leaves out of a peptide's co-occurring terms). */
function lightPeptideTag(tag: PeptideTag): PeptideTag {
  return tag.evidence.every(evidence => evidence.source === 'mesh') ? tag : { ...tag, evidence: tag.evidence.filter(evidence => evidence.source === 'mesh') }
}
