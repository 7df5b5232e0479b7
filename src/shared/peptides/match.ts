// Automatic peptide tags: which neuropeptides (and receptors) a paper is about,
// read from its MeSH headings, keywords, title and abstract, with the words that
// show it.
//
// Rules (see match.test.ts for real sentences of each):
// - Words match whole: "orexin" is not in "anorexia", "NPY" not in "SNPY"; case,
//   accents, hyphens and Greek letters do not matter for names ("β-endorphin" =
//   "beta endorphin" = "betaendorphin"), and names take a plural ("orexins").
// - Abbreviations and gene symbols (two or more capitals: OT, NPY, CRF1, GnRH)
//   match with their case: as listed, in capitals, and genes in their rodent form
//   (Oxt, Npy1r) — never in lower case, so "npy" in a file name is no tag.
// - Abbreviations the vocabulary marks ambiguous (OT, CART, SP, MCH, CRF …) count
//   only when the same item also names that peptide unambiguously (full name,
//   another synonym, or MeSH). Stricter than the vocabulary's note, which also
//   trusts them in author keywords: a keyword "CART" is classification trees
//   as often as it is the peptide.
// - A receptor ("oxytocin receptor", "OXTR", "CRF1") tags the peptide it binds
//   and names itself in `receptor`.
// - MeSH headings and substances match by UI, or by name where a record has no UI.

import type { EvidenceSource, PeptideEvidence, PeptideTag, ReferenceRecord } from '../model'
import { PhraseTree } from './phrases'
import type { PeptideVocab, VocabEntry } from './vocab'
import { plainText, wordsOf } from './words'

export type { PeptideTag }

export interface PeptideMatcher {
  tag(record: ReferenceRecord): PeptideTag[]
}

const STRENGTH: Record<EvidenceSource, number> = { mesh: 0, keyword: 1, title: 2, abstract: 3 }

const foldName = (name: string): string =>
  wordsOf(name)
    .map(w => w.key)
    .join(' ')

/** A tag being made for the record: its receptors, evidence, and each folded text quoted with the sources it was quoted from. */
interface Tagged {
  entry: VocabEntry
  receptors: string[]
  evidence: PeptideEvidence[]
  folded: string[]
  sources: number[]
}

/** Headings recur from paper to paper (Humans, Animals, Oxytocin): each name is folded once (bounded for any input). */
const foldedNames = new Map<string, string>()
const MOST_FOLDED_NAMES = 10_000

function foldedName(name: string): string {
  let folded = foldedNames.get(name)
  if (folded === undefined) {
    if (foldedNames.size >= MOST_FOLDED_NAMES) foldedNames.clear()
    foldedNames.set(name, (folded = foldName(name)))
  }
  return folded
}

export function createPeptideMatcher(vocab: PeptideVocab): PeptideMatcher {
  const entries = vocab.entries
  const phrases = new PhraseTree(vocab)
  const byId = new Map(entries.map((e, i) => [e.id, i]))
  const meshByUi = new Map<string, number>()
  const meshByName = new Map<string, number>()
  entries.forEach((e, i) => {
    for (const m of e.mesh) {
      if (m.ui) meshByUi.set(m.ui, i)
      meshByName.set(foldName(m.name), i)
    }
  })
  /** the peptide entry a hit speaks for: itself, or the peptide a receptor binds */
  const peptideOf = Int32Array.from(entries, (e, i) => (e.kind === 'receptor' && e.receptorOf ? (byId.get(e.receptorOf) ?? i) : i))

  // What the record being tagged names, in the order read (MeSH, keywords, title, abstract): kept in arrays reused
  // from one record to the next, the quote as where it stands in its field (most hits repeat one already quoted).
  let count = 0
  const foundEntry: number[] = []
  const foundAmbiguous: boolean[] = []
  const foundSource: EvidenceSource[] = []
  const foundField: string[] = []
  const foundStart: number[] = []
  const foundEnd: number[] = []
  /** the text folded (foldName, or the phrase's keys): evidence that differs only in case, accents or hyphens is shown once */
  const foundFolded: string[] = []
  const found = (entry: number, ambiguous: boolean, source: EvidenceSource, field: string, start: number, end: number, folded: string): void => {
    foundEntry[count] = entry
    foundAmbiguous[count] = ambiguous
    foundSource[count] = source
    foundField[count] = field
    foundStart[count] = start
    foundEnd[count] = end
    foundFolded[count++] = folded
  }
  /** by entry: the record (its number) whose text names that peptide unambiguously, and the one that has a tag for it */
  const namedIn = new Int32Array(entries.length)
  const taggedIn = new Int32Array(entries.length)
  const tagOf = new Array<Tagged | undefined>(entries.length)
  let records = 0

  function scan(text: string | undefined, source: EvidenceSource): void {
    if (!text) return
    const plain = plainText(text)
    for (const match of phrases.matchesIn(plain)) {
      if (match.hits.length === 1) {
        // most phrases name one entry: no map of entries for them
        const [{ entry, ambiguous }] = match.hits
        if (entry >= 0) found(entry, ambiguous, source, plain, match.start, match.end, match.keys)
        continue
      }
      const seen = new Map<number, boolean>()
      for (const h of match.hits) {
        if (h.entry < 0) continue
        seen.set(h.entry, (seen.get(h.entry) ?? true) && h.ambiguous)
      }
      for (const [entry, ambiguous] of seen) found(entry, ambiguous, source, plain, match.start, match.end, match.keys)
    }
  }

  /** A MeSH heading or substance, by its UI or, where the record has none or the vocabulary does not know it, its name. */
  function scanHeading(ui: string | undefined, name: string): void {
    let entry = ui ? meshByUi.get(ui) : undefined
    if (entry === undefined) entry = meshByName.get(foldedName(name))
    if (entry !== undefined) found(entry, false, 'mesh', name, 0, name.length, foldedName(name))
  }

  function abstractOf(record: ReferenceRecord): string | undefined {
    if (typeof record.csl.abstract === 'string' && record.csl.abstract) return record.csl.abstract
    return record.abstractSections?.map(s => s.text).join(' ')
  }

  function tag(record: ReferenceRecord): PeptideTag[] {
    count = 0
    const record_ = ++records
    for (const m of record.mesh ?? []) scanHeading(m.ui, m.descriptor)
    for (const c of record.chemicals ?? []) scanHeading(c.ui, c.name)
    for (const keyword of record.keywords ?? []) scan(keyword, 'keyword')
    scan(typeof record.csl.title === 'string' ? record.csl.title : undefined, 'title')
    scan(abstractOf(record), 'abstract')

    for (let n = 0; n < count; n++) if (!foundAmbiguous[n]) namedIn[peptideOf[foundEntry[n]]] = record_
    const tags: Tagged[] = []
    for (let n = 0; n < count; n++) {
      const entry = foundEntry[n]
      const peptide = peptideOf[entry]
      if (foundAmbiguous[n] && namedIn[peptide] !== record_) continue
      let t = taggedIn[peptide] === record_ ? tagOf[peptide]! : undefined
      if (!t) {
        taggedIn[peptide] = record_
        tags.push((t = tagOf[peptide] = { entry: entries[peptide], receptors: [], evidence: [], folded: [], sources: [] }))
      }
      if (entries[entry].kind === 'receptor' && !t.receptors.includes(entries[entry].name)) t.receptors.push(entries[entry].name)
      // by folded text, the sources (bits of STRENGTH) it was found in: a tag has few texts, and they are the tree's own strings
      const source = 1 << STRENGTH[foundSource[n]]
      const folded = foundFolded[n]
      const at = t.folded.indexOf(folded)
      if (at >= 0 && t.sources[at] & source) continue
      if (at >= 0) t.sources[at] |= source
      else {
        t.folded.push(folded)
        t.sources.push(source)
      }
      t.evidence.push({ source: foundSource[n], text: foundField[n].slice(foundStart[n], foundEnd[n]) })
    }
    foundField.fill('', 0, count) // the record's text is not kept past its tagging
    // No sort, neither of the tags nor of each tag's evidence: found is in order of STRENGTH (MeSH, keywords, title,
    // abstract), within one source in the words' order, and a tag is made at its first evidence, so the tags come
    // strongest evidence first, then in the order the item names them.
    return tags.map(t => {
      const out: PeptideTag = { peptide: t.entry.name, family: t.entry.family, evidence: t.evidence }
      if (t.receptors.length > 0) out.receptor = t.receptors.join(', ')
      return out
    })
  }

  return { tag }
}
