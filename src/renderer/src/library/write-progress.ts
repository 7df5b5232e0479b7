// How far a change of many papers has got, for the status line: reading the
// rows is the first half, writing them the second. Said at most a few times a
// second (each saying draws the status line again).

/** the whole change's share done, 0 to 1 */
export type Progress = (done: number) => void

/** the least time between two sayings (ms) */
const EVERY_MS = 250

/** `progress`, called no more often than every EVERY_MS, and never for less than a whole percent more. */
export function seldom(progress: Progress): Progress {
  let said = -1
  let at = 0
  return done => {
    const percent = Math.floor(done * 100)
    if (percent <= said || performance.now() - at < EVERY_MS) return
    said = percent
    at = performance.now()
    progress(done)
  }
}

/** The share of the rows `done` of `total` is, within a step from `from` to `to` of the whole change. */
export const partOf = (done: number, total: number, from: number, to: number): number => from + (to - from) * (total ? done / total : 1)
