// Sorting 100,000 papers without stopping the window: the keys are worked out,
// runs sorted and runs merged a little at a time, the event loop turning in
// between (one sort at 100k was a 400 ms task; a column click then finds the
// order ready). Same comparison as a sort at once, so the same order.
import type { LightItem } from '@shared/model'

export type SortKey = (item: LightItem) => string | number

/** papers sorted at once before merging: about a millisecond each */
const RUN = 2048
/** keys worked out, or papers merged, between two looks at the clock */
const STEP = 1024

/** By key, ties by id: every paper has its own place, whichever way it was sorted. */
function compareKeys(a: string | number, aId: string, b: string | number, bId: string): number {
  return a < b ? -1 : a > b ? 1 : aId < bId ? -1 : aId > bId ? 1 : 0
}

export interface Ordered {
  items: LightItem[]
  keys: (string | number)[]
}

/**
 * A merge sort that pauses (yields) every few hundred papers; see `inTurns`. `byId`: the papers come in id order, so a
 * tie is broken by their places, not by comparing their ids (half to four fifths of a column's sort at 100,000
 * papers, where many share a year, a journal, a rating).
 */
export function* sortInSlices(papers: LightItem[], key: SortKey, byId = false): Generator<void, Ordered> {
  const n = papers.length
  const keys: (string | number)[] = new Array(n)
  for (let i = 0; i < n; i++) {
    keys[i] = key(papers[i])
    if (i % STEP === STEP - 1) yield
  }
  const byKey = byId
    ? (a: number, b: number): number => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b)
    : (a: number, b: number): number => compareKeys(keys[a], papers[a].id, keys[b], papers[b].id)
  let from = new Uint32Array(n)
  for (let i = 0; i < n; i++) from[i] = i
  for (let start = 0; start < n; start += RUN) {
    from.subarray(start, start + RUN).sort(byKey)
    yield
  }
  let to = new Uint32Array(n)
  for (let width = RUN; width < n; width *= 2) {
    for (let low = 0; low < n; low += 2 * width) {
      const middle = Math.min(low + width, n)
      const high = Math.min(low + 2 * width, n)
      let a = low
      let b = middle
      for (let out = low; out < high; out++) {
        to[out] = b >= high || (a < middle && byKey(from[a], from[b]) <= 0) ? from[a++] : from[b++]
        if (out % STEP === STEP - 1) yield
      }
    }
    ;[from, to] = [to, from]
  }
  return { items: Array.from(from, i => papers[i]), keys: Array.from(from, i => keys[i]) }
}

/**
 * The kept order with the changed papers taken out and `moved` (changed papers still in the library) sorted and merged
 * in, pausing like `sortInSlices`: an import brings 100,000 at once, whose merge over every column was a task of seconds.
 * `onlyNew`: none of the changed papers is in the kept order (an import's new papers), so the kept papers are not read
 * one by one, only their keys: reading 100,000 papers' ids to take the changed ones out took 40-90 ms a showing.
 */
export function* mergeInSlices(kept: Ordered, moved: LightItem[], changed: ReadonlySet<string>, key: SortKey, onlyNew = false): Generator<void, Ordered> {
  const add = yield* sortInSlices(moved, key)
  if (onlyNew) return yield* mergeNew(kept, add)
  const items: LightItem[] = []
  const keys: (string | number)[] = []
  let k = 0
  let a = 0
  for (;;) {
    while (k < kept.items.length && changed.has(kept.items[k].id)) k++
    const fromKept = k < kept.items.length
    if (!fromKept && a >= add.items.length) break
    const from = fromKept && (a >= add.items.length || compareKeys(add.keys[a], add.items[a].id, kept.keys[k], kept.items[k].id) > 0) ? kept : add
    const at = from === kept ? k++ : a++
    items.push(from.items[at])
    keys.push(from.keys[at])
    if (items.length % STEP === 0) yield
  }
  return { items, keys }
}

/** Two orders of different papers merged; a paper is read (its id) only where two keys are equal. */
function* mergeNew(kept: Ordered, add: Ordered): Generator<void, Ordered> {
  const items: LightItem[] = []
  const keys: (string | number)[] = []
  const n = kept.items.length + add.items.length
  let k = 0
  let a = 0
  for (let out = 0; out < n; out++) {
    let fromAdd = k >= kept.items.length
    if (!fromAdd && a < add.items.length) {
      const x = add.keys[a]
      const y = kept.keys[k]
      fromAdd = x < y || (!(x > y) && add.items[a].id < kept.items[k].id)
    }
    if (fromAdd) {
      items.push(add.items[a])
      keys.push(add.keys[a++])
    } else {
      items.push(kept.items[k])
      keys.push(kept.keys[k++])
    }
    if (out % STEP === STEP - 1) yield
  }
  return { items, keys }
}
