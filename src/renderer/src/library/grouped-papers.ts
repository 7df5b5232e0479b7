// The Dexie middleware that makes grouped papers (paper-groups.ts) read and write as rows of `items`, for every
// connection `openLibrary` makes (the window, the import's writer, the filing worker, every job). With no group in
// the library each read or write goes straight down, after one count of the groups a transaction. With groups:
// - `get`/`getMany` look in the groups (their `ids` index) for the ids no row holds;
// - `query`, `count` and `openCursor` give what they would if each grouped paper were a row: rows and grouped papers
//   merged in index-key then id order, in memory (groups live only until they are spread, so this is rare and brief);
// - a write of a paper takes it out of its group in the same transaction, so each paper is in exactly one place; an
//   `add` of a grouped id fails as the add of a row already there would.
import Dexie, {
  type DBCore,
  type DBCoreAddRequest,
  type DBCoreMutateResponse,
  type DBCoreOpenCursorRequest,
  type DBCoreQuery,
  type DBCoreQueryRequest,
  type DBCoreQueryResponse,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware
} from 'dexie'
import { entriesOf, entryOrder, inDirection, inRange, type IndexEntry } from './grouped-reads'
import { entriesCursor } from './merged-cursor'
import { forgetGroupsKnown, GROUPS, GroupsIn, PAPERS, seesGroups, withGroupsInScope, type PaperGroup } from './paper-groups'
import type { StoredItem } from './row-read'

export const groupedPapers: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'GroupedPapers',
  // below Dexie's own (hooks, cache, observability), so that all of them see grouped papers as rows
  level: -2,
  create(down) {
    if (!down.schema.tables.some(table => table.name === GROUPS)) return {}
    return {
      transaction: withGroupsInScope(down),
      table(name) {
        const table = down.table(name)
        if (name === GROUPS) return groupsTable(table)
        return name === PAPERS ? papersTable(table, down.table(GROUPS)) : table
      }
    }
  }
}

/** A write to the groups table makes its transaction ask again whether groups exist. */
function groupsTable(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate(req) {
      forgetGroupsKnown(req.trans)
      return table.mutate(req)
    }
  }
}

function papersTable(papers: DBCoreTable, groupsTable: DBCoreTable): DBCoreTable {
  const primaryKey = papers.schema.primaryKey
  const idOf = (value: unknown): unknown => primaryKey.extractKey!(value)
  /** the groups, when the transaction has any; every step is one of Dexie's promises, which keep its zone */
  const groupsOf = (trans: DBCoreTransaction): Promise<GroupsIn | undefined> => {
    if (!seesGroups(trans)) return NONE
    const groups = new GroupsIn(groupsTable, trans)
    return groups.exist().then(exist => (exist ? groups : undefined))
  }
  /** the entries of these groups' papers a read of `query` would meet */
  const entriesIn = (groups: PaperGroup[], query: DBCoreQuery): IndexEntry[] =>
    entriesOf(
      groups.flatMap(group => group.papers),
      query.index,
      primaryKey,
      query.range
    )
  const groupedEntries = (groups: GroupsIn, query: DBCoreQuery): Promise<IndexEntry[]> => groups.all().then(all => entriesIn(all, query))
  /** the rows' entries on the index: a multiEntry index gives a paper once an entry, kept once (entriesOf gives its entries back) */
  const rowEntries = (req: DBCoreOpenCursorRequest): Promise<IndexEntry[]> => {
    if (req.query.index.isPrimaryKey && !req.values)
      return papers.query({ trans: req.trans, values: false, query: req.query }).then(r => r.result.map(id => ({ key: id, primaryKey: id, value: undefined })))
    return papers.query({ trans: req.trans, values: true, query: req.query }).then(r => {
      const seen = new Set<unknown>()
      const distinct = r.result.filter(value => (seen.has(idOf(value)) ? false : (seen.add(idOf(value)), true)))
      return entriesOf(distinct, req.query.index, primaryKey, req.query.range)
    })
  }
  /** every entry a read of the index would meet, rows and grouped papers merged in index order */
  const mergedEntries = (req: DBCoreOpenCursorRequest, groups: GroupsIn): Promise<IndexEntry[]> =>
    Dexie.Promise.all([rowEntries(req), groupedEntries(groups, req.query)]).then(([rows, grouped]) =>
      inDirection([...rows, ...grouped].sort(entryOrder), !!req.reverse, !!req.unique)
    )

  /**
   * A read by id with a limit (library/item-chunks.ts pages so): the rows' page and the groups holding the page's
   * first grouped ids (found in the groups' `ids` index), merged; reading every group for each page made a paging
   * job read every grouped paper once a page.
   */
  const pageById = (req: DBCoreQueryRequest, limit: number, groups: GroupsIn): Promise<DBCoreQueryResponse> => {
    const reverse = (req.direction ?? 'next').startsWith('prev')
    return Dexie.Promise.all([papers.query(req), groups.holdingFirst(req.query.range, limit, reverse)]).then(([rows, held]) => {
      const rowEntries = rows.result.map(row => {
        const id = req.values ? idOf(row) : row
        return { key: id, primaryKey: id, value: row }
      })
      const entries = inDirection([...rowEntries, ...entriesIn(held, req.query)].sort(entryOrder), reverse, false).slice(0, limit)
      return { result: entries.map(entry => (req.values ? entry.value : entry.primaryKey)) }
    })
  }

  return {
    ...papers,
    get: req =>
      papers
        .get(req)
        .then(row => (row !== undefined ? row : groupsOf(req.trans).then(groups => groups && groups.holding([req.key]).then(held => paperIn(held, req.key))))),
    getMany: req =>
      papers.getMany(req).then(rows => {
        const missing = req.keys.filter((key, i) => key != null && rows[i] === undefined)
        if (missing.length === 0) return rows
        return groupsOf(req.trans).then(groups => (groups ? groups.holding(missing).then(held => withGrouped(rows, req.keys, held)) : rows))
      }),
    count: req =>
      groupsOf(req.trans).then(groups => {
        if (!groups) return papers.count(req)
        // by id: the groups' ids index counts their papers without reading them
        const grouped = req.query.index.isPrimaryKey ? groups.countIds(req.query.range) : groupedEntries(groups, req.query).then(entries => entries.length)
        return Dexie.Promise.all([papers.count(req), grouped]).then(([rows, inGroups]) => rows + inGroups)
      }),
    query: req =>
      groupsOf(req.trans).then(groups => {
        if (!groups) return papers.query(req)
        if (req.query.index.isPrimaryKey && req.limit !== undefined) return pageById(req, req.limit, groups)
        const direction = req.direction ?? 'next'
        return mergedEntries({ ...req, reverse: direction.startsWith('prev'), unique: direction.endsWith('unique') }, groups).then(entries => ({
          result: (req.limit === undefined ? entries : entries.slice(0, req.limit)).map(entry => (req.values ? entry.value : entry.primaryKey))
        }))
      }),
    openCursor: req =>
      groupsOf(req.trans).then(groups =>
        groups ? mergedEntries(req, groups).then(entries => entriesCursor(req.trans, entries, !!req.reverse)) : papers.openCursor(req)
      ),
    mutate: req =>
      groupsOf(req.trans).then(groups => {
        if (!groups) return papers.mutate(req)
        if (req.type === 'deleteRange')
          return groups.all().then(all => {
            const ids = new Set(all.flatMap(group => group.ids).filter(id => inRange(req.range, id)))
            return groups.takeOut(ids, all).then(() => papers.mutate(req))
          })
        const ids = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map(idOf))
        return groups.holding(ids).then(holding => {
          if (holding.length === 0) return papers.mutate(req)
          const inGroups = new Set<unknown>(holding.flatMap(group => group.ids))
          const grouped = new Set(ids.filter(id => inGroups.has(id)))
          if (req.type === 'add') return addBesideGroups(papers, req, ids, grouped)
          return groups.takeOut(grouped, holding).then(() => papers.mutate(req))
        })
      })
  }
}

const NONE = Dexie.Promise.resolve(undefined)

/** The grouped paper of this id, among the groups that hold it. */
function paperIn(groups: PaperGroup[], id: unknown): StoredItem | undefined {
  return groups.flatMap(group => group.papers).find(paper => paper.id === id)
}

/** `rows` (of `keys`) with the grouped papers in the places no row filled; an id asked twice is two copies, as two reads of a row are. */
function withGrouped(rows: unknown[], keys: readonly unknown[], groups: PaperGroup[]): unknown[] {
  const found = new Map<unknown, StoredItem>(groups.flatMap(group => group.papers).map(paper => [paper.id, paper]))
  const given = new Set<unknown>()
  return rows.map((row, i) => {
    const paper = row === undefined ? found.get(keys[i]) : undefined
    if (!paper) return row
    return given.has(paper) ? structuredClone(paper) : (given.add(paper), paper)
  })
}

/** An add of papers some of which are grouped: those fail as the add of a row already there would; the others are added. */
function addBesideGroups(papers: DBCoreTable, req: DBCoreAddRequest, ids: readonly unknown[], grouped: ReadonlySet<unknown>): Promise<DBCoreMutateResponse> {
  const free = ids.flatMap((id, i) => (grouped.has(id) ? [] : [i]))
  const added: Promise<DBCoreMutateResponse> =
    free.length > 0
      ? papers.mutate({ ...req, values: free.map(i => req.values[i]), keys: req.keys && free.map(i => req.keys![i]) })
      : Dexie.Promise.resolve({ numFailures: 0, failures: {}, results: [], lastResult: undefined })
  return added.then(down => {
    const results: unknown[] = new Array(ids.length)
    const failures: Record<number, Error> = {}
    free.forEach((i, j) => {
      results[i] = down.results?.[j]
      if (down.failures[j]) failures[i] = down.failures[j]
    })
    ids.forEach((id, i) => {
      if (grouped.has(id)) failures[i] = new DOMException('Key already exists in the object store.', 'ConstraintError')
    })
    return { numFailures: Object.keys(failures).length, failures, results, lastResult: results[ids.length - 1] }
  })
}
