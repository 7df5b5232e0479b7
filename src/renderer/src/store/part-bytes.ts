// How a part of the saved light form crosses from the reader worker to the
// window, and how the window reads it. Its lines of papers cross as ASCII
// bytes, handed over (transferred), not as a string: a string is copied on the
// way — serialised in the worker, rebuilt in the window when the message is
// read: 0.2 s of the window's time for the 75 MB of a 100,000-paper form
// (profiled, load 12) — while the window's TextDecoder makes a string of ASCII
// bytes several times faster. The worker reads the part's first two lines
// itself: of the shared values it sends only those no earlier part had (the
// window looked up 200,000 texts at 100,000 papers, most of them seen
// before), and the key hashes as typed arrays (a list per paper was an object
// per paper for the collector until the duplicate finder took them). The
// window decodes and parses a line of papers (a hundred) at a time: a short
// step, and a string small enough to die young (a part whole was a large
// object of 0.3 MB, 60 MB of them at 100,000 papers, each adding to what
// makes the collector go over the whole heap).
import type { ItemBasics } from '@shared/model'
import { sharedValue, unicodeEscape, unpackLine } from '../library/light-packing'

/** A part of the saved light form on its way to the window. */
export interface PartOnTheWay {
  /** the part's lines of papers as ASCII bytes, one after another, each ending where `lineEnds` says */
  bytes: Uint8Array<ArrayBuffer>
  lineEnds: Uint32Array<ArrayBuffer>
  /** the JSON texts of the shared values no earlier part had, numbered on from those */
  newValues: string[]
  /** the number of each of the part's shared values, in the part's order */
  values: Uint32Array<ArrayBuffer>
  /** the papers' key hashes one after another, and how many each paper has (empty when the part has none) */
  hashes: Int32Array<ArrayBuffer>
  hashCounts: Uint8Array<ArrayBuffer>
  /** papers of the part changed since it was saved (they come as rows) */
  except: string[]
}

/** What a message carrying the part hands over rather than copies. */
export const partTransfer = (part: PartOnTheWay): ArrayBuffer[] => [
  part.bytes.buffer,
  part.lineEnds.buffer,
  part.values.buffer,
  part.hashes.buffer,
  part.hashCounts.buffer
]

const encoder = new TextEncoder()
const decoder = new TextDecoder()
const NEWLINE = 10

/**
 * Every paper's key hashes one after another, and how many each paper has: copied in two plain loops (a list of them
 * all made with flat() and typed arrays filled through the iterator took 3× as long, the reader's work on each part
 * being what decides when the library is whole at open).
 */
function hashesOf(lists: number[][]): { hashes: Int32Array<ArrayBuffer>; hashCounts: Uint8Array<ArrayBuffer> } {
  const hashCounts = new Uint8Array(lists.length)
  let total = 0
  for (let i = 0; i < lists.length; i++) total += hashCounts[i] = lists[i].length
  const hashes = new Int32Array(total)
  let n = 0
  for (const list of lists) for (let k = 0; k < list.length; k++) hashes[n++] = list[k]
  return { hashes, hashCounts }
}

/** In the reader: a part's text (light-packing.ts) made ready to cross, its shared values numbered across every part sent. */
export class PartSender {
  private numbers = new Map<string, number>()

  onTheWay(text: string, except: string[]): PartOnTheWay {
    const sharedEnd = text.indexOf('\n')
    const hashesEnd = text.indexOf('\n', sharedEnd + 1)
    const newValues: string[] = []
    const values = Uint32Array.from(JSON.parse(text.slice(0, sharedEnd)) as string[], value => {
      let n = this.numbers.get(value)
      if (n === undefined) {
        this.numbers.set(value, (n = this.numbers.size))
        newValues.push(value)
      }
      return n
    })
    const { hashes, hashCounts } = hashesOf(JSON.parse(text.slice(sharedEnd + 1, hashesEnd < 0 ? undefined : hashesEnd)) as number[][])
    // each character past ASCII written as a \u escape, which JSON.parse reads back
    const bytes = hashesEnd < 0 ? new Uint8Array(0) : encoder.encode(text.slice(hashesEnd + 1).replace(/[\u0080-\uffff]/g, unicodeEscape))
    const ends: number[] = []
    for (let at = bytes.indexOf(NEWLINE); at >= 0; at = bytes.indexOf(NEWLINE, at + 1)) ends.push(at)
    if (bytes.length > 0) ends.push(bytes.length)
    return { bytes, lineEnds: Uint32Array.from(ends), newValues, values, hashes, hashCounts, except }
  }
}

/** A line of a part's papers in the window, with where each paper's key hashes are in the part's `hashes` (paper i: from `hashFrom[i]` to `hashFrom[i + 1]`). */
export interface ArrivedLine {
  papers: ItemBasics[]
  /** the place in the part of the line's first paper */
  first: number
  hashes?: Int32Array
  hashFrom: Uint32Array
}

/** In the window: the papers of the parts sent, one copy of each shared value across them. */
export class PartReceiver {
  /** The part's papers a line at a time, each line decoded and parsed when it is asked for. */
  *lines(part: PartOnTheWay): Generator<ArrivedLine> {
    for (const text of part.newValues) this.values.push(sharedValue(text))
    const shared = Array.from(part.values, n => this.values[n])
    const hashes = part.hashCounts.length > 0 ? part.hashes : undefined
    let paper = 0
    let hash = 0
    for (let line = 0, start = 0; line < part.lineEnds.length; start = part.lineEnds[line++] + 1) {
      const papers = unpackLine(decoder.decode(part.bytes.subarray(start, part.lineEnds[line])), shared)
      const hashFrom = new Uint32Array(papers.length + 1)
      hashFrom[0] = hash
      for (let i = 0; i < papers.length; i++) hashFrom[i + 1] = hashFrom[i] + (hashes ? part.hashCounts[paper + i] : 0)
      const first = paper
      paper += papers.length
      hash = hashFrom[papers.length]
      yield { papers, first, hashes, hashFrom }
    }
  }

  private values: unknown[] = []
}
