// Index jobs a test can hold: the window is seen while the worker works (or before its index arrives).
import { inThisThread, type IndexJobs } from './index-jobs'

/** Index jobs that wait while `hold` is on. */
export function gatedJobs(): { jobs: IndexJobs; hold: () => void; release: () => void; started: () => number } {
  let gate: Promise<void> = Promise.resolve()
  let open = () => {}
  let count = 0
  return {
    jobs: async (target, onProgress) => (count++, await gate, inThisThread(target, onProgress)),
    hold: () => (gate = new Promise(resolve => (open = resolve))),
    release: () => open(),
    started: () => count
  }
}
