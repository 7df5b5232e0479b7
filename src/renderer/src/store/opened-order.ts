// What the papers taken in at open already tell, kept as they come: the saved light form is in the order the papers
// were added (ties by id), so when they arrive so, that is the list by date added and needs no sort, and the papers in
// the Trash are counted as they pass. At 100,000 papers, sorting them by date added (~70 ms) and walking them all to
// count the Trash (~85 ms) came between the last paper in and the list shown, before the first answer.
import type { LightItem } from '@shared/model'
import { byDateAdded } from '@shared/date-added'
import type { Ordered } from './sort-in-slices'

/** What the opening tells, as of the library version that showed it. */
export interface Opened {
  /** every paper by date added, ties by id; undefined when they did not arrive in that order */
  byDateAdded?: Ordered
  /** the ids of the papers in the Trash */
  trashed?: Set<string>
  version: number
}

/** The papers taken in at open, in the order they came. */
export class OpenedOrder {
  private readonly items: LightItem[] = []
  private readonly keys: number[] = []
  private readonly trashed = new Set<string>()
  private inOrder = true

  take(item: LightItem): void {
    const last = this.items.length > 0 ? this.items[this.items.length - 1] : undefined
    // strictly after the last: no paper twice, and the order the saved form is kept in (key, then id)
    if (last && byDateAdded(last, item) >= 0) this.inOrder = false
    this.items.push(item)
    this.keys.push(item.addedAt)
    if (item.trashedAt !== undefined) this.trashed.add(item.id)
  }

  /**
   * What the papers taken tell of the store's `size` papers at `version`, or undefined when they are not every paper
   * the store holds as it holds them: `changedMeanwhile`, the papers an event changed, added or removed while they came.
   */
  told(size: number, changedMeanwhile: number, version: number): Opened | undefined {
    if (changedMeanwhile > 0 || this.items.length !== size) return undefined
    // a paper taken twice leaves another out: its count is the store's, the Trash's may not be
    if (!this.inOrder && new Set(this.items.map(item => item.id)).size !== size) return undefined
    return { byDateAdded: this.inOrder ? { items: this.items, keys: this.keys } : undefined, trashed: this.trashed, version }
  }
}

export type OpenedByDateAdded = Ordered & { version: number }
export type TrashedWhenOpened = { trashed: Set<string>; version: number }

/** The papers by date added as they arrived at open, with the version they show, once; undefined when they did not arrive so. */
export function takeByDateAdded(opened: Opened | undefined): OpenedByDateAdded | undefined {
  const order = opened?.byDateAdded
  if (!opened || !order) return undefined
  opened.byDateAdded = undefined
  return { ...order, version: opened.version }
}

/** The ids of the papers in the Trash when the papers taken in at open were shown, with that version, once. */
export function takeTrashed(opened: Opened | undefined): TrashedWhenOpened | undefined {
  const trashed = opened?.trashed
  if (!opened || !trashed) return undefined
  opened.trashed = undefined
  return { trashed, version: opened.version }
}
