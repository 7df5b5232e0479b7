// The same library written two ways — every paper a row, and the same papers two thirds in groups (schema v10) — gives
// the same answer to every read the app makes of `items`, and a write of a grouped paper leaves it in exactly one place.
// Without the middleware (grouped-papers.ts) the grouped library would miss two thirds of its papers in each of these.
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import type { Item } from '@shared/model'
import { randomFrom } from '../store/random-changes.test-support'
import { itemChunks } from './item-chunks'
import type { StoredItem } from './row-read'
import { openLibrary, SCHEMA_V10, type NeurorefDb } from './schema'

const TAGS = ['Oxytocin', 'oxytocin', 'mine', 'stress', 'Vasopressin']
/** peptide tags as an import stores them (one string, schema v8): a grouped paper is read through the reading hook too */
const STORED_TAGS = 'Oxytocin\toxytocin/vasopressin\t\tToxytocin'

function papersOf(count: number, seed: number): StoredItem[] {
  const random = randomFrom(seed)
  const some = <T>(list: readonly T[]): T[] => list.filter(() => random() < 0.3)
  return Array.from({ length: count }, (_, i) => ({
    // ids out of the order they are written in, so that rows and groups interleave on every index
    id: `${Math.floor(random() * 1e6).toString(36)}-${i}`,
    csl: { type: 'article-journal', title: `Paper ${i} on oxytocin` },
    ...(i % 3 ? { doiKey: `10.1000/${i % 40}` } : {}),
    ...(i % 4 ? { pmid: String(30000000 + (i % 60)) } : {}),
    citationKey: `${['smith', 'Smith', 'jones', 'young'][i % 4]}20${i % 25}${'abc'[i % 3]}`,
    ...(i % 5 ? { year: 1990 + ((i * 7) % 35) } : {}),
    addedAt: i * 10,
    modifiedAt: i * 10,
    // a tag twice in the list makes one index entry
    tags: i % 11 === 0 ? ['mine', 'mine'] : some(TAGS),
    collectionIds: some(['c1', 'c2', 'c3']),
    ...(i % 9 === 0 ? { trashedAt: 1000 + i } : {}),
    sources: ['file'],
    peptideTags: i % 2 ? STORED_TAGS : []
  })) as StoredItem[]
}

const opened: NeurorefDb[] = []
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete()
})

/** The papers written as rows, and the same papers a third as rows and the rest in groups of seven. */
async function twoWays(papers: StoredItem[]): Promise<{ rows: NeurorefDb; grouped: NeurorefDb }> {
  const rows = openLibrary(`rows-${Math.random()}`)
  const grouped = openLibrary(`grouped-${Math.random()}`)
  opened.push(rows, grouped)
  await rows.items.bulkAdd(papers as Item[])
  await grouped.items.bulkAdd(papers.filter((_, i) => i % 3 === 0) as Item[])
  const inGroups = papers.filter((_, i) => i % 3 !== 0)
  const groups = Array.from({ length: Math.ceil(inGroups.length / 7) }, (_, n) => inGroups.slice(n * 7, n * 7 + 7))
  await grouped.paperGroups.bulkAdd(groups.map((group, n) => ({ key: `import-1 ${Math.floor(n / 3)} ${n % 3}`, ids: group.map(p => p.id), papers: group })))
  return { rows, grouped }
}

const ids = (items: (Item | undefined)[]): (string | undefined)[] => items.map(item => item?.id)

/** Every read the app makes of `items` (grep db.items in src/renderer/src), with values that find something. */
function readsOf(papers: StoredItem[]): [string, (db: NeurorefDb) => Promise<unknown>][] {
  const grouped = papers[1].id
  const row = papers[0].id
  const sorted = papers.map(p => p.id).sort()
  return [
    ['get of a grouped paper', db => db.items.get(grouped)],
    ['get of a row', db => db.items.get(row)],
    ['get of no paper', db => db.items.get('none')],
    ['bulkGet, some twice, some missing', db => db.items.bulkGet([grouped, row, 'none', grouped, papers[5].id, papers[7].id])],
    ['toArray', db => db.items.toArray()],
    ['count', db => db.items.count()],
    ['toCollection().primaryKeys()', db => db.items.toCollection().primaryKeys()],
    [
      'each',
      async db => {
        const seen: string[] = []
        await db.items.each(item => void seen.push(item.id))
        return seen
      }
    ],
    ['orderBy(id).limit, where(id).above().limit (item-chunks)', db => db.items.where('id').above(sorted[20]).limit(15).toArray()],
    [
      'itemChunks',
      async db => {
        const chunks: (string | undefined)[][] = []
        for await (const chunk of itemChunks(db, 17)) chunks.push(ids(chunk))
        return chunks
      }
    ],
    ['where(pmid).anyOf', db => db.items.where('pmid').anyOf(['30000001', '30000013', '30000042', '1']).toArray()],
    [
      'where(pmid).equals.and.first',
      db =>
        db.items
          .where('pmid')
          .equals('30000007')
          .and(item => item.trashedAt === undefined)
          .first()
    ],
    ['where(doiKey).equals.first', db => db.items.where('doiKey').equals('10.1000/5').first()],
    ['where(doiKey).anyOf', db => db.items.where('doiKey').anyOf(['10.1000/1', '10.1000/2', '10.1000/3']).primaryKeys()],
    ['where(citationKey).startsWithIgnoreCase.keys', db => db.items.where('citationKey').startsWithIgnoreCase('smith201').keys()],
    ['where(citationKey).startsWith.keys', db => db.items.where('citationKey').startsWith('Smith').keys()],
    ['orderBy(citationKey).keys', db => db.items.orderBy('citationKey').keys()],
    ['orderBy(tags).uniqueKeys', db => db.items.orderBy('tags').uniqueKeys()],
    ['orderBy(tags).keys (multiEntry)', db => db.items.orderBy('tags').keys()],
    ['orderBy(collectionIds).primaryKeys', db => db.items.orderBy('collectionIds').primaryKeys()],
    ['where(tags).equals.primaryKeys', db => db.items.where('tags').equals('mine').primaryKeys()],
    ['where(tags).anyOf.toArray', async db => ids(await db.items.where('tags').anyOf(['stress', 'Oxytocin']).toArray())],
    ['where(collectionIds).equals.count', db => db.items.where('collectionIds').equals('c2').count()],
    ['where(trashedAt).above(0).primaryKeys', db => db.items.where('trashedAt').above(0).primaryKeys()],
    ['where(year).between.count', db => db.items.where('year').between(2000, 2015).count()],
    ['orderBy(year).reverse.limit', async db => ids(await db.items.orderBy('year').reverse().limit(12).toArray())],
    ['orderBy(year).offset.limit.primaryKeys', db => db.items.orderBy('year').offset(9).limit(14).primaryKeys()],
    ['orderBy(year).reverse.uniqueKeys', db => db.items.orderBy('year').reverse().uniqueKeys()],
    ['orderBy(addedAt).reverse.offset.first', async db => (await db.items.orderBy('addedAt').reverse().offset(4).first())?.id],
    ['filter.first', async db => (await db.items.filter(item => item.tags.includes('stress')).first())?.id],
    ['where(id).below.reverse.limit.primaryKeys', db => db.items.where('id').below(sorted[100]).reverse().limit(11).primaryKeys()],
    ['orderBy(id).reverse.limit ids', async db => ids(await db.items.orderBy('id').reverse().limit(9).toArray())],
    ['where(id).between.reverse.keys', db => db.items.where('id').between(sorted[3], sorted[40], true, false).reverse().keys()],
    ['where(year).below.or(pmid).first ids', async db => ids(await db.items.where('year').below(1995).or('pmid').equals('30000003').toArray()).sort()]
  ]
}

describe('grouped papers read as rows', () => {
  it('the same library written two ways gives the same answer to every read the app makes', async () => {
    const papers = papersOf(200, 3)
    const { rows, grouped } = await twoWays(papers)
    expect(await grouped.paperGroups.count()).toBeGreaterThan(10)
    for (const [read, of] of readsOf(papers)) {
      const expected = await of(rows)
      expect(await of(grouped), read).toEqual(expected)
    }
    // a grouped paper is read as the paper it holds: its peptide tags the list, as a row's are
    expect((await grouped.items.get(papers[1].id))?.peptideTags).toEqual([
      { peptide: 'Oxytocin', family: 'oxytocin/vasopressin', evidence: [{ source: 'title', text: 'oxytocin' }] }
    ])
  })

  it('inside one transaction of reads, as the jobs read', async () => {
    const papers = papersOf(120, 5)
    const { rows, grouped } = await twoWays(papers)
    const inOne = (db: NeurorefDb) =>
      db.transaction('r', db.items, async () => {
        const out: unknown[] = []
        for (const [, of] of readsOf(papers)) out.push(await of(db))
        return out
      })
    expect(await inOne(grouped)).toEqual(await inOne(rows))
  })
})

/** Where each paper is stored, read with no middleware: ids of rows and of grouped papers. */
async function places(db: NeurorefDb): Promise<{ rows: string[]; grouped: string[] }> {
  const plain = new Dexie(db.name)
  plain.version(10).stores(SCHEMA_V10)
  try {
    const rows = (await plain.table('items').toCollection().primaryKeys()) as string[]
    const groups = (await plain.table('paperGroups').toArray()) as { ids: string[]; papers: StoredItem[] }[]
    for (const group of groups) expect(group.ids).toEqual(group.papers.map(p => p.id))
    return { rows, grouped: groups.flatMap(group => group.ids) }
  } finally {
    plain.close()
  }
}

async function expectOnePlaceEach(db: NeurorefDb): Promise<void> {
  const { rows, grouped } = await places(db)
  const all = [...rows, ...grouped]
  expect(new Set(all).size).toBe(all.length)
}

describe('writes to grouped papers', () => {
  it('edit, tag, Trash, delete and modify leave each paper in exactly one place, read as the rows library reads', async () => {
    const papers = papersOf(90, 7)
    const { rows, grouped } = await twoWays(papers)
    const [a, b, c, d] = [papers[1], papers[2], papers[4], papers[5]].map(p => p.id)
    for (const db of [rows, grouped]) {
      await db.items.put({ ...(await db.items.get(a))!, csl: { type: 'article-journal', title: 'Edited' } })
      await db.items.update(b, { tags: ['edited'] })
      await db.items
        .where('tags')
        .equals('stress')
        .modify(item => void (item.trashedAt = 5))
      await db.items.delete(c)
      await db.items.bulkDelete([d, 'none'])
      await db.items.where('id').between(papers[7].id, papers[8].id, true, true).delete()
    }
    expect(await grouped.items.toArray()).toEqual(await rows.items.toArray())
    expect(await grouped.items.where('trashedAt').equals(5).primaryKeys()).toEqual(await rows.items.where('trashedAt').equals(5).primaryKeys())
    await expectOnePlaceEach(grouped)
    const { rows: asRows, grouped: stillGrouped } = await places(grouped)
    expect(asRows).toContain(a)
    expect(stillGrouped).not.toContain(c)
    expect(asRows).not.toContain(c)
  })

  it('an add of a grouped id fails as the add of a row already there does; the others of a bulkAdd are added', async () => {
    const papers = papersOf(30, 9)
    const { rows, grouped } = await twoWays(papers)
    const again = papers[1] as Item
    const fresh = { ...again, id: 'new-paper' }
    for (const db of [rows, grouped]) {
      await expect(db.items.add(again)).rejects.toMatchObject({ name: 'ConstraintError' })
      await expect(db.items.bulkAdd([fresh, again])).rejects.toMatchObject({
        name: 'BulkError',
        failures: [expect.objectContaining({ name: 'ConstraintError' })]
      })
    }
    expect(await grouped.items.toArray()).toEqual(await rows.items.toArray())
    await expectOnePlaceEach(grouped)
  })

  it('clearing the papers clears the groups', async () => {
    const { grouped } = await twoWays(papersOf(30, 11))
    await grouped.items.clear()
    expect(await grouped.items.count()).toBe(0)
    expect(await grouped.paperGroups.count()).toBe(0)
  })

  it('random writes and reads give the same answers both ways, each paper in one place', async () => {
    const papers = papersOf(150, 13)
    const { rows, grouped } = await twoWays(papers)
    const random = randomFrom(21)
    const pick = (): string => papers[Math.floor(random() * papers.length)].id
    const reads = readsOf(papers)
    for (let step = 0; step < 60; step++) {
      const roll = random()
      const [x, y] = [pick(), pick()]
      const write = async (db: NeurorefDb): Promise<unknown> => {
        if (roll < 0.2) return db.items.update(x, { tags: ['random', String(step)] })
        if (roll < 0.35) return db.items.delete(x)
        if (roll < 0.5) return db.items.bulkPut((await db.items.bulkGet([x, y])).filter((p): p is Item => !!p).map(p => ({ ...p, year: 2000 + step })))
        if (roll < 0.6)
          return db.items
            .where('year')
            .equals(1990 + (step % 35))
            .modify({ citationKey: `k${step}` })
        if (roll < 0.7) return db.items.add({ ...(papers[0] as Item), id: `added-${step}` })
        if (roll < 0.8)
          return db.transaction('rw', db.items, async () => {
            const first = await db.items.where('tags').equals('mine').first()
            if (first) await db.items.put({ ...first, tags: [] })
          })
        return db.items
          .where('id')
          .between(x < y ? x : y, x < y ? y : x)
          .limit(3)
          .delete()
      }
      await write(rows)
      await write(grouped)
      const [, read] = reads[Math.floor(random() * reads.length)]
      expect(await read(grouped)).toEqual(await read(rows))
    }
    expect(await grouped.items.toArray()).toEqual(await rows.items.toArray())
    await expectOnePlaceEach(grouped)
  })
})

/** The library opened again, counting what the grouped-papers middleware asks of the groups table (below it: level -3). */
function counted(name: string): { db: NeurorefDb; asked: { groupedPapersRead: number; requests: number } } {
  const db = openLibrary(name)
  opened.push(db)
  const asked = { groupedPapersRead: 0, requests: 0 }
  const tally = (groups: unknown[]): void => {
    for (const group of groups) asked.groupedPapersRead += (group as { papers?: unknown[] } | undefined)?.papers?.length ?? 0
  }
  db.use({
    stack: 'dbcore',
    name: 'count what is asked of the groups',
    level: -3,
    create: down => ({
      ...down,
      table: name => {
        const table = down.table(name)
        if (name !== 'paperGroups') return table
        return {
          ...table,
          query: req => (asked.requests++, table.query(req).then(answer => (req.values && tally(answer.result), answer))),
          getMany: req => (asked.requests++, table.getMany(req).then(groups => (tally(groups), groups)))
        }
      }
    })
  })
  return { db, asked }
}

/** An import's ids sort in the order they are made (paper-id.ts), so each of its groups holds a run of ids. */
async function importedTwoWays(count: number, seed: number): Promise<{ papers: StoredItem[]; rows: NeurorefDb; grouped: NeurorefDb }> {
  const papers = papersOf(count, seed).sort((a, b) => (a.id < b.id ? -1 : 1))
  return { papers, ...(await twoWays(papers)) }
}

describe('what reading grouped papers costs', () => {
  it('a job reading the papers a page at a time by id (item-chunks.ts) reads the groups holding each page, not every group', async () => {
    const { papers, grouped } = await importedTwoWays(2100, 17)
    grouped.close()
    const { db, asked } = counted(grouped.name)
    const read: string[] = []
    for await (const chunk of itemChunks(db, 100)) read.push(...chunk.map(item => item.id))
    expect(read).toEqual(papers.map(p => p.id))
    // 1,400 grouped papers, 21 pages: each page reads the groups holding its ~67 grouped papers (10-20 groups of 7),
    // where reading every group for every page brought up 21 x 1,400 = 29,400
    expect(asked.groupedPapersRead).toBeLessThan(2 * 1400 + 21 * 7 * 2)
    expect(await db.items.count()).toBe(2100)
  })

  it("a read of many papers by id (a job's changed papers) asks the groups' index once, not once a paper", async () => {
    const { papers, rows, grouped } = await importedTwoWays(1500, 19)
    grouped.close()
    const { db, asked } = counted(grouped.name)
    const wanted = papers.filter((_, i) => i % 2 === 1).map(p => p.id)
    const got = await db.items.bulkGet([...wanted, 'none'])
    expect(ids(got)).toEqual(ids(await rows.items.bulkGet([...wanted, 'none'])))
    // a count of the groups, one look-up of the ids' range, one read of the groups found: 750 ids, 500 of them grouped
    expect(asked.requests).toBeLessThanOrEqual(3)
    // a spread's add of a group's papers (its group deleted first) finds none grouped with as few requests
    const [group] = await db.paperGroups.limit(1).toArray()
    asked.requests = 0
    await db.transaction('rw', db.items, db.paperGroups, async () => {
      await db.paperGroups.delete(group.key)
      await db.items.bulkAdd(group.papers as Item[])
    })
    expect(asked.requests).toBeLessThanOrEqual(3)
    await expectOnePlaceEach(db)
  })
})
