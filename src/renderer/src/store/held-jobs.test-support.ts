// Index jobs and the rows reader a test can hold: the window is seen while the worker works (or before its index
// arrives), or while the papers still arrive.
import type { NeurorefDb } from '../library/schema'
import { RowsToIndex } from '../library/rows-for-index'
import { inThisThread, type IndexJobs } from './index-jobs'
import { arriving, readLightRows, type ArrivingChunk } from './light-rows'

/** Index jobs that wait while `hold` is on. */
export function gatedJobs(): { jobs: IndexJobs; hold: () => void; release: () => void; started: () => number } {
  let gate: Promise<void> = Promise.resolve()
  let open = () => {}
  let count = 0
  return {
    jobs: async (target, onProgress, onIndex, rows) => (count++, await gate, inThisThread(target, onProgress, onIndex, rows)),
    hold: () => (gate = new Promise(resolve => (open = resolve))),
    release: () => open(),
    started: () => count
  }
}

/** The rows reader of an opening library, sending its first part (or chunk of rows) and then waiting until `release`: the rest of a large library is still on its way. */
export function heldRows(): { rows: (target: NeurorefDb, everyRow?: boolean, index?: MessagePort) => AsyncGenerator<ArrivingChunk>; release: () => void } {
  let release!: () => void
  const gate = new Promise<void>(resolve => (release = resolve))
  const firstThenWait = async function* (target: NeurorefDb, everyRow = false) {
    let parts = 0
    for await (const chunk of readLightRows(target, everyRow, 1)) {
      // the word that every row is read next (for the index job) is no part
      if (chunk.kind !== 'every row' && parts++ === 1) await gate
      yield chunk
    }
  }
  return { rows: (target, everyRow, index) => arriving(firstThenWait(target, everyRow), new RowsToIndex(index)), release }
}
