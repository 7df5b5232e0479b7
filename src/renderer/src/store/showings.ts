// When and how a large batch being taken in (an import, a sync's arrivals) is
// shown. Each showing records the change, lets the views bring their lists up
// to date a slice at a time, then tells them, so drawing sorts nothing; the
// costlier a showing was, the rarer the next, so the list's work stays a small
// part of the batch's.
import type { ChangeVersions } from './change-versions'
import { nextTask } from './turns'

/** a large batch is shown this often while it comes in (each showing redraws the list) */
const SHOW_EVERY_MS = 250
/** a showing that took t ms (its list prepared and drawn) is followed by the next no sooner than this many times t later */
const SHOWINGS_SHARE = 4

export class Showings {
  /** what brings the list up to date, a slice at a time, before a large batch is shown (views register it) */
  private readonly preparers = new Set<() => Promise<void>>()
  private every = SHOW_EVERY_MS
  private shownAt = 0
  /** true while a showing's change is recorded and the lists are brought up to date for it, not yet told */
  preparing = false

  constructor(private readonly versions: ChangeVersions) {}

  /** Work that brings what shows the list up to date before a large batch is shown. */
  beforeShowing(prepare: () => Promise<void>): void {
    this.preparers.add(prepare)
  }

  /** A new batch: its first showing comes after the usual wait. */
  begin(): void {
    this.every = SHOW_EVERY_MS
    this.shownAt = performance.now()
  }

  /** Whether the papers taken in since the last showing are to be shown now. */
  get due(): boolean {
    return performance.now() - this.shownAt > this.every
  }

  /**
   * Records the change (at once, before any wait), lets the views prepare their lists, then tells them and waits for
   * the drawing. `ids` null: every paper (the library read at open). `recorded`: told the change's version before any list is prepared.
   */
  async show(ids: string[] | null, allNew: boolean, recorded?: (version: number) => void): Promise<void> {
    const began = performance.now()
    this.versions.record(ids, allNew)
    const version = this.versions.version
    recorded?.(version)
    this.preparing = true
    try {
      for (const prepare of this.preparers) await prepare().catch(error => console.warn('[neuroref] the list could not be prepared beforehand:', error))
    } finally {
      this.preparing = false
    }
    // a list drawn meanwhile (the index's progress, a column's order made) showed the papers as before, at a newer
    // version: the version moves again, so the views draw this change
    if (this.versions.version !== version) this.versions.record([])
    this.versions.tell()
    // a render asked for by telling runs after this task's code, before the next task
    await nextTask()
    this.shownAt = performance.now()
    this.every = Math.max(SHOW_EVERY_MS, SHOWINGS_SHARE * (this.shownAt - began))
  }
}
