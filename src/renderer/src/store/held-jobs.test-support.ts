// Index jobs and the rows reader a test can hold: the window is seen while the worker works (or before its index
// arrives), or while the papers still arrive; and the index as the window gets it from the worker's message.
import { atOnce } from '@shared/work-in-steps'
import type { BuiltIndex } from '../library/index-job'
import type { NeurorefDb } from '../library/schema'
import { RowsToIndex } from '../library/rows-for-index'
import { handedOver, inThisThread, receivedInSteps, type IndexJobs } from './index-jobs'
import { arriving, readLightRows, type ArrivingChunk } from './light-rows'

/** What the window gets from a message carrying the index: its buffers transferred, its ids and words decoded. */
export function sentToWindow(built: BuiltIndex): BuiltIndex {
  const { index, transfer } = handedOver(built)
  return atOnce(receivedInSteps(structuredClone(index, { transfer })))
}

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

/**
 * The rows reader of a first open that stops after its first chunk of rows, once `when` resolves: `killed` as a worker
 * killed (out of memory): it runs no more code, so nothing more reaches the index job, and the window sees its
 * worker's error; `failed` as its own code fails: the error is sent on to the index job too.
 */
export function stoppingRows(
  how: 'killed' | 'failed',
  when: Promise<unknown>
): (target: NeurorefDb, everyRow?: boolean, index?: MessagePort) => AsyncGenerator<ArrivingChunk> {
  return (target, everyRow, index) =>
    (async function* () {
      const reader = arriving(readLightRows(target, everyRow), new RowsToIndex(index))
      const first = await reader.next()
      if (!first.done) yield first.value
      await when
      // killed: the reader is left where it is, its `finally` never run
      if (how === 'failed') await reader.return(undefined)
      throw new Error('the worker reading the library stopped unexpectedly')
    })()
}
