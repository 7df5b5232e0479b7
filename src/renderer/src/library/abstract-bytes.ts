// The abstracts of papers read from their rows at open (the first open of a
// library, after a restore or a migration), for the searches that read papers
// until the search index is in use. They cross from the reader worker as UTF-8
// bytes, handed over, a block per chunk of rows, and the window keeps them so:
// as strings they were half of what the window took in at 100,000 papers
// (≈ 130 MB), every one copied by the collector as it grew old, in tasks of
// 50-140 ms. A search that reads a paper decodes its abstract then; the string
// dies young. An abstract that is not well-formed UTF-16 (a lone surrogate,
// which UTF-8 cannot hold) crosses as a string, so every abstract reads back
// as it was stored.

import { PartedMap } from '@shared/parted-map'
import { wellFormed } from '@shared/well-formed'

/** The abstracts of a chunk of rows on their way: paper i's from `ends[i - 1]` (0 for the first) to `ends[i]`. */
export interface AbstractsOnTheWay {
  bytes: Uint8Array<ArrayBuffer>
  ends: Uint32Array<ArrayBuffer>
  /** papers whose abstract crossed as a string (not well-formed), by their place in the chunk */
  odd: [number, string][]
}

/** A paper's abstract as the window takes it: its text, or its place in a block that came. */
export type ArrivedAbstract = string | undefined | { block: AbstractsOnTheWay; at: number }

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** a run of ASCII characters (maybe none) where lastIndex says: test() moves lastIndex past it, making no match array */
const ASCII_RUN = /[\x00-\x7f]*/y

/** The length in UTF-8 of well-formed text: ASCII runs skipped by a regular expression (a loop over every character took 4× as long). */
function utf8Length(text: string): number {
  let length = text.length
  for (let at = 0; ; at++) {
    ASCII_RUN.lastIndex = at
    ASCII_RUN.test(text)
    at = ASCII_RUN.lastIndex
    if (at >= text.length) return length
    const code = text.charCodeAt(at)
    // 2 bytes below U+0800, 3 up to U+FFFF; a surrogate pair's two units are 4 together
    length += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2
  }
}

/** In the reader, or in the window as an import's papers arrive: the chunk's abstracts made ready to cross or be kept (an abstract not read or empty is none). */
export function abstractsOnTheWay(abstracts: readonly (string | undefined)[]): AbstractsOnTheWay {
  const odd: [number, string][] = []
  const parts = abstracts.map((abstract, i) => {
    if (!abstract || wellFormed(abstract)) return abstract ?? ''
    odd.push([i, abstract])
    return ''
  })
  const ends = new Uint32Array(parts.length)
  let at = 0
  parts.forEach((text, i) => (ends[i] = at += utf8Length(text)))
  // encoded together: encodeInto, abstract by abstract, took Chromium 2.5× as long (10,000 abstracts: 430 against 160 ms, load 20)
  return { bytes: encoder.encode(parts.join('')), ends, odd }
}

/** Abstract `at` of a block (undefined when it has none): the text it crossed as, or `fromBytes` of its bytes. */
function abstractAt<T>(block: AbstractsOnTheWay, at: number, fromBytes: (bytes: Uint8Array) => T): T | string | undefined {
  const odd = block.odd.length ? block.odd.find(([place]) => place === at) : undefined
  if (odd) return odd[1]
  const start = at === 0 ? 0 : block.ends[at - 1]
  return block.ends[at] === start ? undefined : fromBytes(block.bytes.subarray(start, block.ends[at]))
}

/** Abstract `at` of a block (undefined when it has none): the text it crossed as, or its bytes decoded. */
export const abstractIn = (block: AbstractsOnTheWay, at: number): string | undefined => abstractAt(block, at, bytes => decoder.decode(bytes))

/**
 * Abstract `at` of a block as a row stores it (abstract-stored.ts): its bytes, a copy of their own (a view of the block
 * would have IndexedDB copy the whole block into each row), or the text it crossed as.
 */
export const abstractStoredIn = (block: AbstractsOnTheWay, at: number): Uint8Array | string | undefined => abstractAt(block, at, bytes => bytes.slice())

/** What a message carrying the abstracts hands over rather than copies. */
export const abstractsTransfer = (block: AbstractsOnTheWay): ArrayBuffer[] => [block.bytes.buffer, block.ends.buffer]

/** papers a block holds at most (a chunk of rows is 1,000) */
const PER_BLOCK = 1 << 16

/** Abstracts by paper id: the text of those given as text, the place in their block of those that came as bytes. */
export class KeptAbstracts {
  // parted: growing with the deferred papers' maps, at the same paper, they made one task of 30-40 ms (parted-map.ts)
  private texts = new PartedMap<string>()
  /** block number × PER_BLOCK + place in the block: a number per paper, no object */
  private places = new PartedMap<number>()
  private blocks: AbstractsOnTheWay[] = []
  private numbers = new Map<AbstractsOnTheWay, number>()

  set(id: string, abstract: ArrivedAbstract): void {
    this.delete(id)
    if (typeof abstract === 'string') {
      if (abstract) this.texts.set(id, abstract)
      return
    }
    if (!abstract) return
    const { block, at } = abstract
    const odd = block.odd.length ? block.odd.find(([place]) => place === at) : undefined
    if (odd) return void this.texts.set(id, odd[1])
    if (block.ends[at] === (at === 0 ? 0 : block.ends[at - 1])) return
    if (block.ends.length > PER_BLOCK) throw new Error(`a block of abstracts holds ${PER_BLOCK} papers at most`)
    let n = this.numbers.get(block)
    if (n === undefined) this.numbers.set(block, (n = this.blocks.push(block) - 1))
    this.places.set(id, n * PER_BLOCK + at)
  }

  get(id: string): string | undefined {
    const text = this.texts.get(id)
    if (text !== undefined) return text
    const place = this.places.get(id)
    if (place === undefined) return undefined
    return abstractIn(this.blocks[Math.floor(place / PER_BLOCK)], place % PER_BLOCK)
  }

  delete(id: string): void {
    this.texts.delete(id)
    this.places.delete(id)
  }

  /** the papers with an abstract kept */
  *ids(): Generator<string> {
    yield* this.texts.keys()
    yield* this.places.keys()
  }
}
