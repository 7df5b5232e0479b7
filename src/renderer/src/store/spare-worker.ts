// One worker started ahead of need, so the next job does not wait for a
// worker to start: a module worker loading the file reader took 100–200 ms
// to start under load (most of adding one paper), the search index's
// 0.5–0.7 s at a reopen. Each worker still does one job and is stopped after
// it (a crashed or stopped job frees all it allocated); the spare is never
// one that has worked or failed. Unused, it is stopped after a while, so an
// idle window does not keep its memory.
export class SpareWorker {
  private spare: Worker | undefined
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly start: () => Worker,
    private readonly idleMs: number
  ) {}

  /** A fresh worker for one job: the spare if one waits, else a new one. */
  take(): Worker {
    const worker = this.spare ?? this.start()
    if (worker === this.spare) worker.onerror = null
    this.forget()
    return worker
  }

  /** Starts the spare for the next job (if none waits, and where workers exist: not in Node's tests). */
  prepare(): void {
    if (this.spare || typeof Worker === 'undefined') return
    const worker = this.start()
    // one that fails while it waits (its script did not load, out of memory) is stopped and never handed out
    worker.onerror = event => {
      event.preventDefault()
      this.stop(worker)
    }
    this.spare = worker
    this.timer = setTimeout(() => this.stop(worker), this.idleMs)
  }

  private stop(worker: Worker): void {
    worker.terminate()
    if (this.spare === worker) this.forget()
  }

  private forget(): void {
    clearTimeout(this.timer)
    this.spare = undefined
  }
}
