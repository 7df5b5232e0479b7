// Papers an import writes ~100 to a row (schema v10): far fewer IndexedDB rows to write than one a paper, about half
// the browser's CPU to searchable (bench/RESULTS.md, "Fewer IndexedDB rows, end to end"). Reads of `items` see each
// grouped paper as its own row (a Dexie middleware, below); the groups are spread into rows once the import is announced.
import Dexie, { cmp, type DBCore, type DBCoreIndex, type DBCoreKeyRange, type DBCoreTable, type DBCoreTransaction } from 'dexie'
import { RANGE_TYPE } from './grouped-reads'
import type { StoredItem } from './row-read'

/** One row of grouped papers: `ids[i]` is `papers[i].id`; the key is `${importId} ${batchNumber} ${part}`. */
export interface PaperGroup {
  key: string
  ids: string[]
  papers: StoredItem[]
}

export const PAPERS = 'items'
export const GROUPS = 'paperGroups'

/** The groups table as the middleware reads and writes it, inside the transaction of a read or write of `items`. */
export class GroupsIn {
  private readonly ids: DBCoreIndex

  constructor(
    readonly table: DBCoreTable,
    readonly trans: DBCoreTransaction
  ) {
    this.ids = table.schema.getIndexByKeyPath('ids')!
  }

  /** Whether any group is left: asked once a transaction (a count of an empty table), so a library without groups pays one request. */
  exist(): Promise<boolean> {
    const known = groupsKnown.get(this.trans)
    if (known) return known
    const asked = this.table.count({ trans: this.trans, query: { index: this.table.schema.primaryKey, range: ANY } }).then(n => n > 0)
    groupsKnown.set(this.trans, asked)
    return asked
  }

  all(): Promise<PaperGroup[]> {
    return this.table.query({ trans: this.trans, values: true, query: { index: this.table.schema.primaryKey, range: ANY } }).then(r => r.result)
  }

  /**
   * The groups that hold any of these ids: a key-only look-up of the `ids` index each, or for many ids one look-up of
   * the range from the least to the greatest (an import's ids are a run: paper-id.ts), whose groups are then kept when
   * they hold one of the ids. A spread's add of a group's 100 papers, or a job's read of 10,000 changed papers, made
   * that many requests one by one.
   */
  holding(ids: readonly unknown[]): Promise<PaperGroup[]> {
    const valid = ids.filter(id => id != null)
    if (valid.length === 0) return Dexie.Promise.resolve([])
    const lookUp = (lower: unknown, upper: unknown) =>
      this.table.query({ trans: this.trans, values: false, query: { index: this.ids, range: { type: RANGE_TYPE.range, lower, upper } as DBCoreKeyRange } })
    if (valid.length < ONE_BY_ONE_BELOW) {
      return Dexie.Promise.all(valid.map(id => lookUp(id, id))).then(found => this.groupsOf(found.flatMap(r => r.result as string[])))
    }
    const sorted = [...valid].sort(cmp)
    const wanted = new Set(valid)
    return lookUp(sorted[0], sorted[sorted.length - 1])
      .then(found => this.groupsOf(found.result as string[]))
      .then(groups => groups.filter(group => group.ids.some(id => wanted.has(id))))
  }

  private groupsOf(keys: string[]): Promise<PaperGroup[]> {
    const distinct = [...new Set(keys)]
    return distinct.length === 0 ? Dexie.Promise.resolve([]) : this.table.getMany({ trans: this.trans, keys: distinct }).then(groups => groups.filter(Boolean))
  }

  /**
   * The groups holding the first `limit` grouped ids inside `range` (the last, `reverse`): a read of the `ids` index
   * alone, so a read of `items` a page at a time by id reads the few groups that page needs, not all of them.
   */
  holdingFirst(range: DBCoreKeyRange, limit: number, reverse: boolean): Promise<PaperGroup[]> {
    const query = { index: this.ids, range }
    return this.table
      .query({ trans: this.trans, values: false, query, limit, direction: reverse ? 'prev' : 'next' })
      .then(found => this.groupsOf(found.result as string[]))
  }

  /** How many grouped ids fall inside `range` (each id is in one group once): a count of the `ids` index. */
  countIds(range: DBCoreKeyRange): Promise<number> {
    return this.table.count({ trans: this.trans, query: { index: this.ids, range } })
  }

  /** Takes these papers out of their groups: a group is written again without them, or deleted when none is left. */
  takeOut(ids: ReadonlySet<unknown>, groups: PaperGroup[]): Promise<unknown> {
    const emptied: string[] = []
    const kept: PaperGroup[] = []
    for (const group of groups) {
      if (!group.ids.some(id => ids.has(id))) continue
      const papers = group.papers.filter(paper => !ids.has(paper.id))
      if (papers.length === 0) emptied.push(group.key)
      else kept.push({ ...group, ids: papers.map(paper => paper.id), papers })
    }
    const writes: Promise<unknown>[] = []
    if (kept.length > 0) writes.push(this.table.mutate({ type: 'put', trans: this.trans, values: kept }))
    if (emptied.length > 0) writes.push(this.table.mutate({ type: 'delete', trans: this.trans, keys: emptied }))
    return Dexie.Promise.all(writes)
  }
}

/** fewer ids than this are looked up one by one; more, as one range */
const ONE_BY_ONE_BELOW = 4
const ANY = { type: RANGE_TYPE.any, lower: undefined, upper: undefined } as DBCoreKeyRange
/** per transaction: whether groups exist, asked once (a write to the groups table asks again) */
const groupsKnown = new WeakMap<DBCoreTransaction, Promise<boolean>>()

export function forgetGroupsKnown(trans: DBCoreTransaction): void {
  groupsKnown.delete(trans)
}

/** Whether the transaction can see the groups table (not in an upgrade to a version from before there was one). */
export function seesGroups(trans: DBCoreTransaction): boolean {
  const names = (trans as Partial<IDBTransaction>).objectStoreNames
  return !names || names.contains(GROUPS)
}

/** Every transaction with `items` in its scope also has the groups, so that reads and writes of papers can reach them. */
export function withGroupsInScope(down: DBCore): DBCore['transaction'] {
  return (stores, mode, options) => down.transaction(stores.includes(PAPERS) && !stores.includes(GROUPS) ? [...stores, GROUPS] : stores, mode, options)
}
