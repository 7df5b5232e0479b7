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

interface Found {
  entry: number
  ambiguous: boolean
  source: EvidenceSource
  text: string
  /** the text folded (foldName): evidence that differs only in case, accents or hyphens is shown once */
  folded: string
}

const foldName = (name: string): string =>
  wordsOf(name)
    .map(w => w.key)
    .join(' ')

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
  const peptideOf = (i: number): number => {
    const e = entries[i]
    return e.kind === 'receptor' && e.receptorOf ? (byId.get(e.receptorOf) ?? i) : i
  }

  function scan(text: string | undefined, source: EvidenceSource, found: Found[]): void {
    if (!text) return
    const plain = plainText(text)
    for (const match of phrases.matchesIn(plain)) {
      const quote = plain.slice(match.start, match.end)
      if (match.hits.length === 1) {
        // most phrases name one entry: no map of entries for them
        const [{ entry, ambiguous }] = match.hits
        if (entry >= 0) found.push({ entry, ambiguous, source, text: quote, folded: match.keys })
        continue
      }
      const seen = new Map<number, boolean>()
      for (const h of match.hits) {
        if (h.entry < 0) continue
        seen.set(h.entry, (seen.get(h.entry) ?? true) && h.ambiguous)
      }
      for (const [entry, ambiguous] of seen) found.push({ entry, ambiguous, source, text: quote, folded: match.keys })
    }
  }

  function scanMesh(record: ReferenceRecord, found: Found[]): void {
    const headings = [...(record.mesh ?? []).map(m => ({ ui: m.ui, name: m.descriptor })), ...(record.chemicals ?? []).map(c => ({ ui: c.ui, name: c.name }))]
    for (const h of headings) {
      const folded = foldName(h.name)
      const entry = (h.ui ? meshByUi.get(h.ui) : undefined) ?? meshByName.get(folded)
      if (entry !== undefined) found.push({ entry, ambiguous: false, source: 'mesh', text: h.name, folded })
    }
  }

  function abstractOf(record: ReferenceRecord): string | undefined {
    if (typeof record.csl.abstract === 'string' && record.csl.abstract) return record.csl.abstract
    return record.abstractSections?.map(s => s.text).join(' ')
  }

  function tag(record: ReferenceRecord): PeptideTag[] {
    const found: Found[] = []
    scanMesh(record, found)
    for (const keyword of record.keywords ?? []) scan(keyword, 'keyword', found)
    scan(typeof record.csl.title === 'string' ? record.csl.title : undefined, 'title', found)
    scan(abstractOf(record), 'abstract', found)

    const named = new Set(found.filter(f => !f.ambiguous).map(f => peptideOf(f.entry)))
    // by folded text, the sources (bits of STRENGTH) it was found in: the folded texts are the tree's own strings, so no key is made per hit
    const tags = new Map<number, { entry: VocabEntry; receptors: Set<string>; evidence: PeptideEvidence[]; seen: Map<string, number> }>()
    for (const f of found) {
      const peptide = peptideOf(f.entry)
      if (f.ambiguous && !named.has(peptide)) continue
      let t = tags.get(peptide)
      if (!t) tags.set(peptide, (t = { entry: entries[peptide], receptors: new Set(), evidence: [], seen: new Map() }))
      if (entries[f.entry].kind === 'receptor') t.receptors.add(entries[f.entry].name)
      const sources = t.seen.get(f.folded) ?? 0
      const source = 1 << STRENGTH[f.source]
      if (!(sources & source)) {
        t.seen.set(f.folded, sources | source)
        t.evidence.push({ source: f.source, text: f.text })
      }
    }
    const result = [...tags.values()].map(t => {
      // no sort: found, and so each tag's evidence, is in order of STRENGTH (MeSH, keywords, title, abstract), within one source in the words' order
      const out: PeptideTag = { peptide: t.entry.name, family: t.entry.family, evidence: t.evidence }
      if (t.receptors.size > 0) out.receptor = [...t.receptors].join(', ')
      return out
    })
    // strongest evidence first, then the order the item names them
    return result.sort((a, b) => STRENGTH[a.evidence[0].source] - STRENGTH[b.evidence[0].source])
  }

  return { tag }
}
