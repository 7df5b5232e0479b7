// The store's version: it bumps on every change, views memoise on it, and the
// last changes remember which papers they touched so a view can patch its list
// instead of starting over (view-patch.ts, view-base.ts).

import { atOnce } from '@shared/work-in-steps'

type Listener = () => void

/** How many recent changes are remembered; a view older than that starts over. */
const REMEMBERED = 64
/** ids added to a set between two pauses of `changedInSlices` */
const STEP = 4096

export class ChangeVersions {
  version = 0
  private readonly listeners = new Set<Listener>()
  /**
   * which items each recent change touched (`null`: everything, at load or reload), and whether every one was new to
   * the store then (an import): a kept order can then take them in without looking for them among its papers
   */
  private readonly log: { version: number; ids: string[] | null; new: boolean }[] = []

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** A change: the version bumps and every listener is told. */
  emit(ids: string[] | null = null, allNew = false): void {
    this.record(ids, allNew)
    this.tell()
  }

  /** A change the listeners are told of later (`tell`), once what shows it has been brought up to date. */
  record(ids: string[] | null, allNew = false): void {
    this.version += 1
    // a change of no paper (the index's progress) leaves every kept order as it was
    this.log.push({ version: this.version, ids, new: allNew || ids?.length === 0 })
    if (this.log.length > REMEMBERED) this.log.shift()
  }

  tell(): void {
    for (const listener of this.listeners) listener()
  }

  /**
   * The answers of `changedSince` at this version, by the version asked about. The views ask about different versions
   * (the list after each showing, its kept sort orders, the facet and library counts when they catch up): with one
   * answer kept, each asking in turn built its set again, 100,000 ids each after a whole-library change.
   */
  private asked = new Map<number, ReadonlySet<string> | null>()
  private askedAt = 0

  /**
   * The ids changed after `version`; null when that is not known (too old, or everything changed), or when more than
   * `most` were recorded since (a paper changed twice counted twice): a caller that only follows a few changes learns
   * so without a set of 100,000 ids built. Asked again with nothing changed since, the same set: after every paper read
   * at open (100,000 ids) each view asking built its own, 20-50 ms each, in the tasks that drew the list.
   */
  changedSince(version: number, most = Infinity): ReadonlySet<string> | null {
    if (version === this.version) return new Set()
    const known = this.answersNow().get(version)
    if (known !== undefined) return known !== null && known.size > most ? null : known
    if (this.recordedSince(version) > most) return null
    const ids = this.changes(version)
    this.asked.set(version, ids)
    return ids
  }

  /** How many ids the changes after `version` recorded (each paper as often as it changed); Infinity when everything changed or that is not known. */
  private recordedSince(version: number): number {
    const first = this.log[0]
    if (!first || first.version > version + 1) return Infinity
    let count = 0
    for (const entry of this.log) {
      if (entry.version <= version) continue
      if (entry.ids === null) return Infinity
      count += entry.ids.length
    }
    return count
  }

  private changes(version: number): Set<string> | null {
    return atOnce(this.changesInSlices(version))
  }

  /**
   * `changedSince` (without a limit) made a slice at a time, for work that runs so: after a change of every paper, the
   * set of 100,000 ids made in one task was a long task of a kept order's catch-up. The changes up to the version it was
   * asked at; kept as that version's answer when nothing changed meanwhile.
   */
  *changedInSlices(version: number): Generator<void, ReadonlySet<string> | null> {
    const at = this.version
    if (version === at) return new Set()
    const known = this.answersNow().get(version)
    if (known !== undefined) return known
    const ids = yield* this.changesInSlices(version)
    // (a change meanwhile: the set is the answer at the version it began at, no longer the answer now)
    if (this.version === at) this.answersNow().set(version, ids)
    return ids
  }

  /** The answers kept for the version now: those kept at an earlier version are forgotten. */
  private answersNow(): Map<number, ReadonlySet<string> | null> {
    if (this.askedAt !== this.version) {
      this.asked.clear()
      this.askedAt = this.version
    }
    return this.asked
  }

  /** The ids of the changes after `version` up to now (those recorded meanwhile are not in it), pausing every `STEP` ids. */
  private *changesInSlices(version: number): Generator<void, Set<string> | null> {
    const first = this.log[0]
    if (!first || first.version > version + 1) return null
    const since = this.log.filter(entry => entry.version > version)
    if (since.some(entry => entry.ids === null)) return null
    const ids = new Set<string>()
    let n = 0
    for (const entry of since)
      for (const id of entry.ids ?? []) {
        ids.add(id)
        if (++n % STEP === 0) yield
      }
    return ids
  }

  /** Whether the papers changed after `version` are known (not too long ago, not everything): `changedSince` is then a set. */
  knowsChangesSince(version: number): boolean {
    return this.recordedSince(version) !== Infinity
  }

  /** Whether every paper changed after `version` was new to the store then (none changed or left). */
  onlyNewSince(version: number): boolean {
    return this.log.every(entry => entry.version <= version || (entry.new && entry.ids !== null))
  }
}
