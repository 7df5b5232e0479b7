// Many rows without stopping the window. A transaction cannot wait for the
// event loop (it would commit), so the work that can happen before it is done
// a slice at a time, the event loop turning between slices; inside it, rows go
// to IndexedDB in small chunks, each put in a task of its own (a next chunk
// starts when one under way is stored), so the window gets a turn in between.

import { runInSlices } from '@shared/work-in-steps'

/** work done between two turns of the event loop (a long task is 50 ms) */
const SLICE_MS = 20
/** rows handed to IndexedDB at once: each put copies its rows on the window's thread (1,000 took 200–400 ms, 100 up to 110 ms under load) */
const PUT_CHUNK = 50

/** Calls `each` on every value in order, a slice at a time. */
export async function inSlices<T>(values: readonly T[], each: (value: T, index: number) => void): Promise<void> {
  for (let n = 0; n < values.length;) {
    const began = performance.now()
    for (; n < values.length && performance.now() - began < SLICE_MS; n++) each(values[n], n)
    if (n < values.length) await new Promise(resolve => setTimeout(resolve, 0))
  }
}

/**
 * Chunks handed to IndexedDB before the first is stored: with one at a time, IndexedDB waited for the window to
 * copy each next chunk, and the window for IndexedDB to store the last (10,000 rows: 3.9 s, the window mostly idle).
 */
const IN_FLIGHT = 4

/**
 * `step` called on consecutive chunks of the rows (and where each begins), in order, a few under way at once: each next
 * one starts when one under way has finished (inside a transaction, that is when a request may be made), so each is a
 * task of its own.
 */
export async function inChunks<T>(rows: readonly T[], step: (chunk: T[], from: number) => Promise<unknown>): Promise<void> {
  let next = 0
  const oneAtATime = async (): Promise<void> => {
    while (next < rows.length) {
      const start = next
      next += PUT_CHUNK
      await step(rows.slice(start, start + PUT_CHUNK), start)
    }
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, oneAtATime))
}

/** Runs the work a slice at a time, the event loop turning between slices (so never inside a transaction). */
export function inSteps<T>(work: Generator<void, T>): Promise<T> {
  return runInSlices(work, SLICE_MS, () => new Promise(resolve => setTimeout(() => resolve(SLICE_MS), 0)))
}

/** ids sorted at once before being merged, and merged between two looks at the clock */
const SORTED_AT_ONCE = 2048

/** The values once each, in string order (IndexedDB's order for string keys), pausing (yield) every few thousand. */
export function* distinctInOrder(values: readonly string[]): Generator<void, string[]> {
  let runs: string[][] = []
  for (let from = 0; from < values.length; from += SORTED_AT_ONCE) {
    runs.push(values.slice(from, from + SORTED_AT_ONCE).sort())
    yield
  }
  while (runs.length > 1) {
    const merged: string[][] = []
    for (let r = 0; r < runs.length; r += 2) {
      const [a, b = []] = [runs[r], runs[r + 1]]
      const out: string[] = []
      for (let i = 0, j = 0; i < a.length || j < b.length;) {
        out.push(j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++])
        if (out.length % SORTED_AT_ONCE === 0) yield
      }
      merged.push(out)
    }
    runs = merged
  }
  const sorted = runs[0] ?? []
  const distinct: string[] = []
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i])
    if (i % SORTED_AT_ONCE === SORTED_AT_ONCE - 1) yield
  }
  return distinct
}
