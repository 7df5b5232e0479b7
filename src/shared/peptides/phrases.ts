// Every synonym of the vocabulary, as word sequences in one tree, built once so
// that tagging reads each field in a single pass.

import type { PeptideVocab } from './vocab'
import { asciiHash, spellOut, WordCursor, wordsOf, type Word } from './words'

/** What a matched phrase names. `entry` is -1 for a phrase that names nothing (see NOT_PEPTIDES). */
export interface PhraseHit {
  entry: number
  ambiguous: boolean
  /** written forms (letters and digits only) an abbreviation must match; undefined = any case */
  forms?: Set<string>
}

interface Node {
  next: Map<string, Node>
  hits: PhraseHit[]
}

/**
 * Names that contain a peptide's name but mean something else, so that the
 * longer phrase wins and tags nothing: "angiotensin-converting enzyme" is the
 * enzyme ACE inhibitor papers are about, not the peptide.
 */
const NOT_PEPTIDES = ['angiotensin converting enzyme', 'angiotensin I converting enzyme', 'angiotensin 1 converting enzyme', 'angiotensin converting enzyme 2']

const newNode = (): Node => ({ next: new Map(), hits: [] })

/**
 * An abbreviation or gene symbol: one written unit with two or more capitals
 * ("OT", "NPY", "GnRH", "CRF1", "GLP-1"). Those match with their case, so "OT"
 * does not match "ot" and "NPY" does not match "npy" in a file name. Names with
 * at most one capital ("Oxytocin", "orexin A", "Hcrt") match in any case.
 */
function isAbbreviation(synonym: string): boolean {
  return !/\s/.test(synonym) && (synonym.match(/\p{Lu}/gu)?.length ?? 0) >= 2
}

/** Written forms an abbreviation may take: as listed, all capitals, and for a gene its rodent form (Oxt, Npy1r). */
function writtenForms(synonym: string, isGene: boolean): Set<string> {
  const exact = wordsOf(spellOut(synonym))
    .map(w => w.cased)
    .join('')
  const forms = new Set([exact, exact.toUpperCase()])
  if (isGene) forms.add(exact[0].toUpperCase() + exact.slice(1).toLowerCase())
  return forms
}

/** A phrase found in a text: its hits, where its words start and end, and its words' keys joined by spaces. */
export interface PhraseMatch {
  hits: PhraseHit[]
  start: number
  end: number
  keys: string
}

type Longest = { hits: PhraseHit[]; words: number; keys: string }

export class PhraseTree {
  private readonly root = newNode()
  /** asciiHash of every ASCII first word: an ASCII word with another hash starts no phrase */
  private readonly firstWords = new Set<number>()

  constructor(vocab: PeptideVocab) {
    const genes = new Set(vocab.entries.flatMap(e => e.genes.map(g => g.toUpperCase())))
    vocab.entries.forEach((entry, index) => {
      const ambiguous = new Set(entry.ambiguous)
      for (const synonym of entry.synonyms) {
        const abbreviation = isAbbreviation(spellOut(synonym))
        const hit: PhraseHit = {
          entry: index,
          ambiguous: ambiguous.has(synonym),
          forms: abbreviation ? writtenForms(synonym, genes.has(synonym.toUpperCase())) : undefined
        }
        this.addPhrase(synonym, hit, !abbreviation)
      }
    })
    for (const phrase of NOT_PEPTIDES) this.addPhrase(phrase, { entry: -1, ambiguous: false }, true)
  }

  /** Adds a synonym, its hyphen-free run-together form ("betaendorphin") and, for names, its plural. */
  private addPhrase(text: string, hit: PhraseHit, withPlural: boolean): void {
    const keys = wordsOf(text).map(w => w.key)
    if (keys.length === 0) return
    const variants = [keys]
    if (keys.length > 1) variants.push([keys.join('')])
    for (const v of [...variants]) {
      const last = v[v.length - 1]
      if (withPlural && /^[a-z]{4,}$/.test(last) && !last.endsWith('s')) variants.push([...v.slice(0, -1), last + 's'])
    }
    for (const v of variants) {
      if (/^[\x00-\x7f]*$/.test(v[0])) this.firstWords.add(asciiHash(v[0]))
      let node = this.root
      for (const key of v) {
        let child = node.next.get(key)
        if (!child) node.next.set(key, (child = newNode()))
        node = child
      }
      const same = (h: PhraseHit) => h.entry === hit.entry && h.ambiguous === hit.ambiguous && !h.forms && !hit.forms
      if (!node.hits.some(same)) node.hits.push(hit)
    }
  }

  /**
   * The longest phrase starting at words[i] whose case rules are met, or
   * undefined. Returns the hits (all of one phrase) and the index after it.
   */
  longestAt(words: Word[], i: number): { hits: PhraseHit[]; end: number } | undefined {
    let j = i
    const match = this.longest(() => words[j++])
    return match && { hits: match.hits, end: i + match.words }
  }

  /**
   * Every phrase in a plain text, reading on after each: what longestAt at
   * each word of wordsOf(text) finds, but a word that starts no phrase costs
   * no Word, and the words after one are read only as far as the tree goes.
   */
  matchesIn(text: string): PhraseMatch[] {
    const matches: PhraseMatch[] = []
    const cursor = new WordCursor(text)
    while (cursor.next()) {
      if (cursor.ascii && !this.firstWords.has(cursor.hash)) continue
      const start = cursor.start
      const ends: number[] = []
      const match = this.longest(() => {
        if (ends.length > 0 && !cursor.next()) return undefined
        ends.push(cursor.end)
        return cursor.word()
      })
      if (match) matches.push({ hits: match.hits, start, end: ends[match.words - 1], keys: match.keys })
      cursor.resumeAfter(ends[match ? match.words - 1 : 0])
    }
    return matches
  }

  /** The longest phrase made by the words `next` hands out (from the one a phrase would start with), and how many words it takes. */
  private longest(next: () => Word | undefined): Longest | undefined {
    let node = this.root
    let best: Longest | undefined
    let written = ''
    let keys = ''
    for (let n = 0; n === 0 || node.next.size > 0; n++) {
      const word = next()
      if (!word || (n > 0 && word.breakBefore)) break
      const child = node.next.get(word.key)
      if (!child) break
      node = child
      written += word.cased
      keys = n === 0 ? word.key : `${keys} ${word.key}`
      if (node.hits.length === 0) continue
      const hits = node.hits.filter(h => !h.forms || h.forms.has(written))
      if (hits.length > 0) best = { hits, words: n + 1, keys }
    }
    return best
  }
}
