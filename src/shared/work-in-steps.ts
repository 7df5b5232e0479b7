// Work written as a generator that yields between steps, so a caller can give the window its turns in between
// (the renderer's store/turns.ts); run here to its end when the answer is needed now, or a slice at a time.

/** Runs the work to its end in this task: for an answer needed now. */
export function atOnce<T>(work: Generator<void, T>): T {
  for (;;) {
    const step = work.next()
    if (step.done) return step.value
  }
}

/** Steps the work for `most` ms, then waits for the next slice's length, until it is done. */
export async function runInSlices<T>(work: Generator<void, T>, most: number, nextSlice: () => Promise<number>): Promise<T> {
  for (;;) {
    const began = performance.now()
    for (;;) {
      const step = work.next()
      if (step.done) return step.value
      if (performance.now() - began >= most) break
    }
    most = await nextSlice()
  }
}
