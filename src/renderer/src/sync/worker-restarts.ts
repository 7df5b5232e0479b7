// A sync worker that failed is started again after a while, but not forever:
// a failure that comes back each time (a broken replica, a browser that keeps
// ending the worker) would restart it every 15 s for as long as the window is
// open, each time saying it starts again. After a few failures in a row with
// no round finished in between, sync stops and says so, and how to start it.

/** restarts after failures in a row; the next failure stops sync */
const RESTARTS_IN_A_ROW = 3

export class WorkerRestarts {
  private failures = 0

  /** A round finished (Synced): the worker works, and failures count from nothing again. */
  worked(): void {
    this.failures = 0
  }

  /** The worker failed because of `sentence`: whether to start it again after `wait` ms, and what the sidebar says. */
  failed(sentence: string, wait: number): { again: boolean; message: string } {
    this.failures += 1
    if (this.failures <= RESTARTS_IN_A_ROW)
      return { again: true, message: `Sync stopped unexpectedly: ${sentence}; it starts again in ${Math.round(wait / 1000)} s` }
    return {
      again: false,
      message:
        `Sync has stopped after ${this.failures} failures of its worker in a row (the last: ${sentence}). ` +
        'It does not start again by itself: choose Save and sync in Settings → Sync, or open Neuroref again.'
    }
  }
}
