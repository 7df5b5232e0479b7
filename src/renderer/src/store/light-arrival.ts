// The light copies' arrival when the library opens: what the rows worker sends
// (light-rows.ts) — parts of the saved light form, and papers read from their
// rows packed as parts are, with their abstracts as bytes — taken into the window a line of a hundred papers per step, in short
// slices, the window getting a turn between them.
import type { ItemBasics } from '@shared/model'
import type { ArrivingChunk } from './light-rows'
import { PartReceiver } from './part-bytes'
import { LIGHT } from './light-item'
import { nextTask } from './turns'
import type { ArrivedAbstract } from '../library/abstract-bytes'

/** work done between two turns while the light copies arrive, which the collector follows (every copy is kept: it copies and marks them) */
const ARRIVAL_SLICE_MS = 10

/** Where the papers read at open go. */
export interface ArrivalTarget {
  /** a paper read, with its key hashes (those of `hashes` from `from` to `to`); false when an event changed it meanwhile */
  take: (item: ItemBasics, hashes?: Int32Array | readonly number[], from?: number, to?: number) => boolean
  /** every paper taken, with its abstract where it was read from its row (where it is in the bytes that came), for searches that read papers */
  abstract: (id: string, abstract: ArrivedAbstract) => void
  /** the first part of the saved light form arrived: the papers come without their abstracts */
  fromForm: () => void
  /** the first papers are here; `toIndex` when the reader sends them on to the index job too (every row is read) */
  arrived: (toIndex: boolean) => void
}

/** Takes every paper the rows worker sends, a slice at a time. */
export async function takeArriving(rows: AsyncIterable<ArrivingChunk>, target: ArrivalTarget): Promise<void> {
  // one copy of each journal, author, MeSH term… while the form is read (then only the papers hold them)
  // each paper parsed with its light copy's mark in place (store/light-item.ts), not given it after
  const receiver = new PartReceiver(LIGHT)
  // Lines of papers are taken until a slice's time is up, then the window gets a turn: a setTimeout after every 500
  // papers waited 4 ms at least once nested, 200 times at 100,000 papers. A slice leaves room in its task for the
  // collector, which works in the tasks that allocate.
  let sliceBegan = performance.now()
  const turn = async () => {
    if (performance.now() - sliceBegan < ARRIVAL_SLICE_MS) return
    await nextTask()
    sliceBegan = performance.now()
  }
  for await (const { part, abstracts, toIndex } of rows) {
    // without abstracts: a part of the saved form (the papers changed since come with theirs, or none)
    if (!abstracts) target.fromForm()
    target.arrived(toIndex === true)
    const except = new Set(part.except)
    for (const { papers, first, hashes, hashFrom } of receiver.lines(part)) {
      for (let i = 0; i < papers.length; i++) {
        if (except.has(papers[i].id) || !target.take(papers[i], hashes, hashFrom[i], hashFrom[i + 1])) continue
        target.abstract(papers[i].id, abstracts && { block: abstracts, at: first + i })
      }
      await turn()
    }
  }
}
