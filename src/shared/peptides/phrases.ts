// Every synonym of the vocabulary, as word sequences in one tree, built once so
// that tagging reads each field in a single pass.

import type { PeptideVocab } from './vocab'
import { asciiHash, spelledOut, spellOut, WordCursor, wordsOf, type Word } from './words'

/** What a matched phrase names. `entry` is -1 for a phrase that names nothing (see NOT_PEPTIDES). */
export interface PhraseHit {
  entry: number
  ambiguous: boolean
  /** written forms (letters and digits only) an abbreviation must match; undefined = any case */
  forms?: Set<string>
}

interface Node {
  next: Map<string, Node>
  /** the children whose word is ASCII (set once the tree is built): an ASCII word of a text finds its child without a string */
  nextAscii: AsciiChildren
  /** the word that leads here (a key), and the keys of the whole phrase joined by spaces */
  key: string
  keys: string
  hits: PhraseHit[]
  /** some hit must match its written form (an abbreviation) */
  casedHits: boolean
}

/**
 * Names that contain a peptide's name but mean something else, so that the
 * longer phrase wins and tags nothing: "angiotensin-converting enzyme" is the
 * enzyme ACE inhibitor papers are about, not the peptide.
 */
const NOT_PEPTIDES = ['angiotensin converting enzyme', 'angiotensin I converting enzyme', 'angiotensin 1 converting enzyme', 'angiotensin converting enzyme 2']

const newNode = (key: string, keys: string): Node => ({ next: new Map(), nextAscii: NO_CHILDREN, key, keys, hits: [], casedHits: false })
const ASCII = /^[\x00-\x7f]*$/

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
  private readonly root = newNode('', '')
  /** where the words of the phrase being read start and end, and whether each is ASCII (matchesIn) */
  private readonly starts: number[] = []
  private readonly ends: number[] = []
  private readonly asciis: boolean[] = []

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
    const withChildren = [this.root]
    for (const node of withChildren) {
      node.nextAscii = new AsciiChildren([...node.next.values()].filter(child => ASCII.test(child.key)))
      withChildren.push(...[...node.next.values()].filter(child => child.next.size > 0))
    }
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
      let node = this.root
      for (const key of v) {
        let child = node.next.get(key)
        if (!child) node.next.set(key, (child = newNode(key, node === this.root ? key : `${node.keys} ${key}`)))
        node = child
      }
      const same = (h: PhraseHit) => h.entry === hit.entry && h.ambiguous === hit.ambiguous && !h.forms && !hit.forms
      if (!node.hits.some(same)) node.hits.push(hit)
      if (hit.forms) node.casedHits = true
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
   * each word of wordsOf(text) finds, but an ASCII word is looked up by its
   * hash and compared in place (no Word, no string), and the words after one
   * that starts a phrase are read only as far as the tree goes.
   */
  matchesIn(text: string): PhraseMatch[] {
    const matches: PhraseMatch[] = []
    const cursor = new WordCursor(text)
    const { starts, ends, asciis } = this
    while (cursor.next()) {
      let node = this.childFor(this.root, cursor, text)
      if (!node) continue
      const start = cursor.start
      let best: PhraseMatch | undefined
      let words = 0
      for (;;) {
        starts[words] = cursor.start
        asciis[words] = cursor.ascii
        ends[words++] = cursor.end
        if (node.hits.length > 0) {
          const hits = node.casedHits ? this.hitsWritten(node, text, words) : node.hits
          if (hits.length > 0) best = { hits, start, end: cursor.end, keys: node.keys }
        }
        if (node.next.size === 0 || !cursor.next() || cursor.breakBefore) break
        const child = this.childFor(node, cursor, text)
        if (!child) break
        node = child
      }
      if (best) matches.push(best)
      cursor.resumeAfter(best ? best.end : ends[0])
    }
    return matches
  }

  /** The child of `node` the cursor's word leads to. */
  private childFor(node: Node, cursor: WordCursor, text: string): Node | undefined {
    return cursor.ascii ? node.nextAscii.find(cursor.hash, text, cursor.start, cursor.end) : node.next.get(cursor.key())
  }

  /** The hits of `node` whose case rules the phrase's `words` words, text[starts[n], ends[n]), meet (all of them: the node's own list). */
  private hitsWritten(node: Node, text: string, words: number): PhraseHit[] {
    let written = ''
    for (let n = 0; n < words; n++) {
      const word = text.slice(this.starts[n], this.ends[n])
      written += this.asciis[n] ? word : spelledOut(word)
    }
    const met = (h: PhraseHit): boolean => !h.forms || h.forms.has(written)
    return node.hits.every(met) ? node.hits : node.hits.filter(met)
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

/** `key` is the lower case of text[start, end), an ASCII word. */
function isLowerCaseOf(key: string, text: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false
  for (let p = 0; p < key.length; p++) {
    const code = text.charCodeAt(start + p)
    if ((code >= 65 && code <= 90 ? code + 32 : code) !== key.charCodeAt(p)) return false
  }
  return true
}

/**
 * A node's children whose word is ASCII, by the word's asciiHash in an open-addressed table (a Map of hashes past 2^30
 * boxed each one it was asked), two slots a child, each slot the hash and the child's place side by side. Most words of
 * a text start no phrase: their hash is not in `hashes`, which turns most of them away without reading the slots.
 */
class AsciiChildren {
  private readonly hashes: HashBits
  /** by slot, the hash and the child's place in `children` plus one (0 for an empty slot) */
  private readonly slots: Int32Array
  private readonly mask: number

  constructor(private readonly children: Node[]) {
    let size = 1
    while (size < children.length * 2) size *= 2
    this.mask = size - 1
    this.slots = new Int32Array(size * 2)
    const hashes = children.map(child => asciiHash(child.key))
    this.hashes = new HashBits(hashes)
    hashes.forEach((hash, n) => {
      let slot = hash & this.mask
      while (this.slots[slot * 2 + 1]) slot = (slot + 1) & this.mask
      this.slots[slot * 2] = hash
      this.slots[slot * 2 + 1] = n + 1
    })
  }

  /** The child for the word text[start, end), whose asciiHash is `hash`. */
  find(hash: number, text: string, start: number, end: number): Node | undefined {
    if (!this.hashes.has(hash)) return undefined
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = this.slots[slot * 2 + 1]
      if (at === 0) return undefined
      if (this.slots[slot * 2] === hash) {
        const node = this.children[at - 1]
        if (isLowerCaseOf(node.key, text, start, end)) return node
      }
    }
  }
}

/**
 * Some asciiHash values, as bits of a table small enough to stay in the processor's cache, sixteen bits a value: a
 * hash not in it was not added; one in it may not have been (about one in seventeen).
 */
class HashBits {
  private readonly bits: Int32Array
  /** a hash's bit is Math.imul(hash, MIX) >>> shift */
  private readonly shift: number

  constructor(hashes: number[]) {
    let size = 32
    while (size < hashes.length * 16) size *= 2
    this.bits = new Int32Array(size / 32)
    this.shift = 32 - Math.log2(size)
    for (const hash of hashes) {
      const bit = Math.imul(hash, MIX) >>> this.shift
      this.bits[bit >>> 5] |= 1 << (bit & 31)
    }
  }

  has(hash: number): boolean {
    const bit = Math.imul(hash, MIX) >>> this.shift
    return (this.bits[bit >>> 5] & (1 << (bit & 31))) !== 0
  }
}

/** an odd constant (2^32 / golden ratio) whose product spreads a hash's bits to the top */
const MIX = 0x9e3779b1 | 0

const NO_CHILDREN = new AsciiChildren([])
