// Work written as a generator that yields between steps, so a caller can give the window its turns in between
// (the renderer's store/turns.ts); run here to its end when the answer is needed now.

/** Runs the work to its end in this task: for an answer needed now. */
export function atOnce<T>(work: Generator<void, T>): T {
  for (;;) {
    const step = work.next()
    if (step.done) return step.value
  }
}
