// Sorting 100,000 papers without stopping the window: the keys are worked out,
// runs sorted and runs merged a little at a time, the event loop turning in
// between (one sort at 100k was a 400 ms task; a column click then finds the
// order ready). Same comparison as a sort at once, so the same order.
import type { LightItem } from '@shared/model'

export type SortKey = (item: LightItem) => string | number
/** What a column's key is made from (the title, the year…): a paper whose source is the same has the same key, which is not worked out again. */
export type KeySource = (item: LightItem) => unknown

/** papers sorted at once before merging: about a millisecond each */
const RUN = 2048
/** keys worked out, or papers merged, between two looks at the clock */
const STEP = 1024

/** By key, ties by id (read only then): every paper has its own place, whichever way it was sorted. */
function compareKeys(a: string | number, aPaper: LightItem, b: string | number, bPaper: LightItem): number {
  if (a < b) return -1
  if (a > b) return 1
  const aId = aPaper.id
  const bId = bPaper.id
  return aId < bId ? -1 : aId > bId ? 1 : 0
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
  const keys: (string | number)[] = new Array(papers.length)
  for (let i = 0; i < papers.length; i++) {
    keys[i] = key(papers[i])
    if (i % STEP === STEP - 1) yield
  }
  return yield* sortKeyed(papers, keys, byId)
}

/** `sortInSlices` of papers whose keys are worked out already. */
function* sortKeyed(papers: LightItem[], keys: (string | number)[], byId: boolean): Generator<void, Ordered> {
  const byKey = byId
    ? (a: number, b: number): number => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b)
    : (a: number, b: number): number => compareKeys(keys[a], papers[a], keys[b], papers[b])
  const sorted = (yield* mostlyInOrder(keys, byKey)) ?? (yield* sortedPlaces(placesInTurn(papers.length), byKey))
  // loops: Array.from with a mapping function took ten times as long at 100,000 papers
  const items: LightItem[] = new Array(sorted.length)
  const sortedKeys: (string | number)[] = new Array(sorted.length)
  for (let i = 0; i < sorted.length; i++) {
    items[i] = papers[sorted[i]]
    sortedKeys[i] = keys[sorted[i]]
  }
  return { items, keys: sortedKeys }
}

function placesInTurn(n: number): Uint32Array {
  const places = new Uint32Array(n)
  for (let i = 0; i < n; i++) places[i] = i
  return places
}

/** a stretch of papers already in order at least this long is kept as it is and merged with the others */
const LONG_STRETCH = RUN
/** papers in order but for this share of them at most (sorted apart and merged in), else sorted as any others */
const OUT_OF_ORDER_SHARE = 1 / 8
/** and in at most this many long stretches */
const MOST_STRETCHES = 32

/**
 * The sorted places of papers that come almost in order, undefined when they do not. At open the library arrives in
 * the order it was added (ties by id, as IndexedDB gives them) but for its newest page, read first: sorting it by date
 * added as any other order was most of the quarter second between the last paper in and the first search answered at
 * 100,000 papers. Each paper has its own place (ties broken by id or place), so however they are sorted, the order is
 * the same; keys of one kind, none NaN, so the comparison stands.
 */
function* mostlyInOrder(keys: (string | number)[], byKey: (a: number, b: number) => number): Generator<void, Uint32Array | undefined> {
  const n = keys.length
  const kind = typeof keys[0]
  const stretches: number[] = []
  const others: number[] = []
  let start = 0
  for (let i = 0; i <= n; i++) {
    if (i % STEP === STEP - 1) yield
    if (i < n) {
      const key = keys[i]
      if (typeof key !== kind || key !== key) return undefined
      if (i === start || byKey(i - 1, i) < 0) continue
    }
    if (i - start >= LONG_STRETCH) stretches.push(start, i)
    else for (let j = start; j < i; j++) others.push(j)
    if (stretches.length > 2 * MOST_STRETCHES || others.length > n * OUT_OF_ORDER_SHARE) return undefined
    start = i
  }
  const from = new Uint32Array(n)
  const ends: number[] = []
  let at = 0
  for (let s = 0; s < stretches.length; s += 2) {
    for (let i = stretches[s]; i < stretches[s + 1]; i++) from[at++] = i
    ends.push(at)
  }
  if (others.length > 0) {
    from.set(yield* sortedPlaces(Uint32Array.from(others), byKey), at)
    ends.push(n)
  }
  return yield* sortedPlaces(from, byKey, ends)
}

/**
 * These places sorted, a merge sort pausing every few hundred papers: the runs that end at `ends` are in order
 * already; without them, runs of RUN papers are sorted at once first.
 */
function* sortedPlaces(from: Uint32Array, byKey: (a: number, b: number) => number, ends?: number[]): Generator<void, Uint32Array> {
  const n = from.length
  if (!ends) {
    ends = []
    for (let start = 0; start < n; start += RUN) {
      from.subarray(start, start + RUN).sort(byKey)
      ends.push(Math.min(start + RUN, n))
      yield
    }
  }
  let to: Uint32Array = new Uint32Array(n)
  while (ends.length > 1) {
    const merged: number[] = []
    let low = 0
    for (let e = 0; e < ends.length; e += 2) {
      const middle = ends[e]
      const high = ends[e + 1] ?? middle
      let a = low
      let b = middle
      for (let out = low; out < high; out++) {
        to[out] = b >= high || (a < middle && byKey(from[a], from[b]) <= 0) ? from[a++] : from[b++]
        if (out % STEP === STEP - 1) yield
      }
      merged.push(high)
      low = high
    }
    ;[from, to] = [to, from]
    ends = merged
  }
  return from
}

/**
 * The kept order brought up to date after a change to some papers (`now`: a paper's copy in the library now, undefined
 * once it has left), pausing like `sortInSlices`. A changed paper whose key is what it was keeps its place, its new copy
 * put there: tagging, filing or trashing every paper changes no title, year or author. Its key is not worked out again
 * when what it is made from (`source`) is the same: folding 100,000 titles again was most of a column's catch-up after
 * such a change. The others, and papers new to the library,
 * are sorted among themselves and merged in. `onlyNew`: none of the changed papers is in the kept order (an import's
 * new papers), so the kept papers are not read one by one, only their keys: reading 100,000 papers' ids to take the
 * changed ones out took 40-90 ms a showing.
 */
export function* mergeInSlices(
  kept: Ordered,
  changed: ReadonlySet<string>,
  now: (id: string) => LightItem | undefined,
  key: SortKey,
  onlyNew = false,
  source?: KeySource
): Generator<void, Ordered> {
  const moved: LightItem[] = []
  const movedKeys: (string | number)[] = []
  const take = (item: LightItem | undefined, value = item && key(item)): void => {
    if (!item) return
    moved.push(item)
    movedKeys.push(value!)
  }
  if (onlyNew) {
    let n = 0
    for (const id of changed) {
      take(now(id))
      if (++n % STEP === 0) yield
    }
    return yield* mergeNew(kept, yield* sortKeyed(moved, movedKeys, false))
  }
  const items: LightItem[] = []
  const keys: (string | number)[] = []
  // the changed papers met in the kept order: the others are new to it
  const met = new Set<string>()
  for (let k = 0; k < kept.items.length; k++) {
    const id = kept.items[k].id
    if (!changed.has(id)) {
      items.push(kept.items[k])
      keys.push(kept.keys[k])
    } else {
      met.add(id)
      const item = now(id)
      const value = item && (source && source(item) === source(kept.items[k]) ? kept.keys[k] : key(item))
      if (item && value === kept.keys[k]) {
        items.push(item)
        keys.push(value)
      } else take(item, value)
    }
    if (k % STEP === STEP - 1) yield
  }
  if (met.size < changed.size) {
    let n = 0
    for (const id of changed) {
      if (!met.has(id)) take(now(id))
      if (++n % STEP === 0) yield
    }
  }
  return yield* mergeNew({ items, keys }, yield* sortKeyed(moved, movedKeys, false))
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
