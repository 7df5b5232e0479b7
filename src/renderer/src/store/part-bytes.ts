// How a part of the saved light form crosses from the reader worker to the
// window, and how the window reads it. A part is saved as it crosses
// (light-packing.ts: PackedPapers): its papers' columns as bytes and typed
// arrays, handed over (transferred), not as strings — a string is copied on
// the way, serialised in the worker, rebuilt in the window when the message is
// read: 0.2 s of the window's time for the 75 MB of a 100,000-paper form
// (profiled, load 12) — while the window's TextDecoder makes a string of ASCII
// bytes several times faster; the key hashes as typed arrays (a list per paper
// was an object per paper for the collector until the duplicate finder took
// them). Of the shared values the worker sends only those no earlier part had
// (the window looked up 200,000 texts at 100,000 papers, most of them seen
// before). The window builds a line of papers (a hundred) at a time: a short
// step.
import type { ItemBasics } from '@shared/model'
import { linesIn, sharedValue, unpackLine, type PackedPapers } from '../library/light-packing'

/** A part of the saved light form on its way to the window: its papers and key hashes as saved, and its shared values numbered across parts. */
export interface PartOnTheWay extends Omit<PackedPapers, 'shared'> {
  /** the JSON texts of the shared values no earlier part had, numbered on from those */
  newValues: string[]
  /** the number of each of the part's shared values, in the part's order */
  values: Uint32Array<ArrayBuffer>
  /** papers of the part changed since it was saved (they come as rows) */
  except: string[]
}

/** What a message carrying the part hands over rather than copies. */
export const partTransfer = (part: PartOnTheWay): ArrayBuffer[] => BYTES.map(name => part[name].buffer)

/** The typed arrays of a part on its way. */
const BYTES = ['cells', 'lines', 'lineEnds', 'wide', 'wideEnds', 'texts', 'numbers', 'lists', 'values', 'hashes', 'hashCounts'] as const

/** A copy of the part for a second receiver (the first's bytes are handed over): the bytes `partTransfer` names, copied. */
export function partCopy(part: PartOnTheWay): PartOnTheWay {
  const copy: Record<string, unknown> = { ...part }
  for (const name of BYTES) copy[name] = part[name].slice()
  return copy as unknown as PartOnTheWay
}

/** In the reader: a part of the form made ready to cross, its shared values numbered across every part sent. */
export class PartSender {
  private numbers = new Map<string, number>()

  onTheWay(part: PackedPapers, except: string[]): PartOnTheWay {
    const newValues: string[] = []
    const values = Uint32Array.from(part.shared, value => {
      let n = this.numbers.get(value)
      if (n === undefined) {
        this.numbers.set(value, (n = this.numbers.size))
        newValues.push(value)
      }
      return n
    })
    const { shared: _shared, ...papers } = part
    return { ...papers, newValues, values, except }
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

/** In the window: the papers of the parts sent, one copy of each shared value across them, each given `mark` (a light copy's) or none. */
export class PartReceiver {
  constructor(private readonly mark?: () => void) {}

  /** The part's papers a line at a time, each line decoded and parsed when it is asked for. */
  *lines(part: PartOnTheWay): Generator<ArrivedLine> {
    for (const text of part.newValues) this.values.push(sharedValue(text))
    const shared = Array.from(part.values, n => this.values[n])
    const hashes = part.hashCounts.length > 0 ? part.hashes : undefined
    let paper = 0
    let hash = 0
    for (let line = 0; line < linesIn(part); line++) {
      const papers = unpackLine(part, line, shared, this.mark)
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
