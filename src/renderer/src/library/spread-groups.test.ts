// An import's papers written in group rows (unfinished-import.ts) and spread into a row each once announced
// (spread-groups.ts): the library answers the same before, during and after the spread, a spread stopped midway
// (a closed window) leaves every paper there once and goes on at the next opening, and a change made to a paper
// still grouped stays.
import { beforeAll, afterEach, describe, expect, it } from 'vitest'
import { DuplicateFinder } from '@shared/duplicates'
import { openLibrary, type NeurorefDb } from './schema'
import { importRecords } from './import-file'
import { toItem } from './add-paper'
import { loadPeptideTagger } from './peptide-tagger'
import { spreadAnnouncedGroups } from './spread-groups'
import { writeUnannounced } from './unfinished-import'
import { writeBackup } from './backup'
import { itemChunks } from './item-chunks'
import { everyId, documentsNow } from '../sync/rows'
import { formOf, saveEdit } from './edit'
import { moveToTrash } from './trash'
import { addTag } from './tags'

beforeAll(loadPeptideTagger)

let db: NeurorefDb
afterEach(() => db?.delete())

const PAPERS = 450
const record = (n: number) => ({
  csl: {
    type: 'article-journal',
    title: `Oxytocin and partner preference, study ${n}`,
    author: [{ family: 'Young', given: 'Larry' }],
    issued: { 'date-parts': [[2000 + (n % 20)]] },
    abstract: `Prairie voles, oxytocin receptor study number ${n}.`
  },
  doi: `10.1000/vole.${n}`,
  pmid: String(30_000_000 + n),
  sources: ['file' as const],
  citationKey: 'young2020'
})

/** A library of one paper, then a file of PAPERS papers imported into it (announced, not spread yet). */
async function imported(name: string): Promise<string[]> {
  db = openLibrary(name)
  await importRecords(db, [{ csl: { type: 'article-journal', title: 'Already here: vasopressin' }, sources: ['file' as const] }], new DuplicateFinder())
  const records = Array.from({ length: PAPERS }, (_, n) => record(n))
  const { added } = await importRecords(
    db,
    records,
    new DuplicateFinder(await db.items.toArray()),
    records.map(r => toItem(r, 1_000))
  )
  return added.map(paper => paper.id)
}

/** What the library answers about its papers, as the app reads them: by id, by DOI and PMID, a backup, the sync rows, the index job's chunks. */
async function answers(db: NeurorefDb, ids: string[]) {
  let backup = ''
  await writeBackup(db, 'test', async text => void (backup += text), new Date(0))
  const paperIds = [...(await everyId(db)).paper].sort()
  const chunks: string[] = []
  for await (const chunk of itemChunks(db, 300)) chunks.push(chunk.map(item => `${item.id} ${item.csl.title}`).join('\n'))
  return {
    byId: await db.items.bulkGet(ids),
    one: await db.items.get(ids[177]),
    byDoi: await db.items.where('doiKey').equals('10.1000/vole.123').toArray(),
    byPmid: await db.items.where('pmid').anyOf(['30000005', '30000400']).toArray(),
    count: await db.items.count(),
    backup,
    syncIds: paperIds,
    syncRows: await documentsNow(db, 'paper', paperIds),
    chunks
  }
}

const groupsLeft = (db: NeurorefDb) => db.paperGroups.count()

describe('an import written in groups and spread into rows', () => {
  it('answers the same about its papers before, during and after the spread', async () => {
    const ids = await imported(`spread-${Math.random()}`)
    // the paper already here in a group of its own, and 450 papers in one batch: 5 groups of up to 100; no row a paper yet
    expect(await groupsLeft(db)).toBe(6)
    const before = await answers(db, ids)
    expect(before.count).toBe(PAPERS + 1)
    expect(before.byId.every(paper => paper !== undefined)).toBe(true)
    expect(before.byDoi.map(paper => paper.csl.title)).toEqual(['Oxytocin and partner preference, study 123'])
    expect(before.byPmid).toHaveLength(2)
    expect(before.syncIds).toHaveLength(PAPERS + 1)
    // the reading hook still applies: peptide tags as the list, the abstract as text
    expect(before.one?.csl.abstract).toBe('Prairie voles, oxytocin receptor study number 177.')
    expect(Array.isArray(before.one?.peptideTags)).toBe(true)

    let asked = 0
    expect(await spreadAnnouncedGroups(db, () => asked++ >= 3)).toBe(3)
    expect(await groupsLeft(db)).toBe(3)
    expect(await answers(db, ids)).toEqual(before)

    expect(await spreadAnnouncedGroups(db)).toBe(3)
    expect(await groupsLeft(db)).toBe(0)
    expect(await answers(db, ids)).toEqual(before)
  })

  it('leaves every paper there once when the window closes mid-spread, and spreads the rest at the next opening', async () => {
    const name = `spread-${Math.random()}`
    const ids = await imported(name)
    const before = await answers(db, ids)
    let spread = 0
    // the window closes after 2 groups: the spread's next transaction cannot start
    const closing = () => {
      if (spread++ === 2) db.close()
      return false
    }
    await expect(spreadAnnouncedGroups(db, closing)).rejects.toThrow()

    db = openLibrary(name)
    expect(await groupsLeft(db)).toBe(4)
    const reopened = await answers(db, ids)
    expect(reopened).toEqual(before)
    expect(new Set(reopened.syncIds).size).toBe(PAPERS + 1)
    expect(await spreadAnnouncedGroups(db)).toBe(4)
    expect(await groupsLeft(db)).toBe(0)
    expect(await answers(db, ids)).toEqual(before)
  })

  it('keeps an edit, a move to the Trash and a tag made while the paper was grouped', async () => {
    const ids = await imported(`spread-${Math.random()}`)
    const [edited, trashed, tagged] = [ids[3], ids[250], ids[449]]
    const paper = (await db.items.get(edited))!
    await saveEdit(db, edited, { ...formOf(paper), title: 'Oxytocin and partner preference, corrected' })
    await moveToTrash(db, [trashed])
    await addTag(db, [tagged], 'voles')
    const changed = async () => ({
      title: (await db.items.get(edited))?.csl.title,
      inTrash: (await db.items.get(trashed))?.trashedAt !== undefined,
      tagged: (await db.items.where('tags').equals('voles').primaryKeys()) as string[],
      count: await db.items.count()
    })
    const expected = { title: 'Oxytocin and partner preference, corrected', inTrash: true, tagged: [tagged], count: PAPERS + 1 }
    expect(await changed()).toEqual(expected)

    await spreadAnnouncedGroups(db)
    expect(await groupsLeft(db)).toBe(0)
    expect(await changed()).toEqual(expected)
    expect(new Set(await db.items.toCollection().primaryKeys()).size).toBe(PAPERS + 1)
  })

  it('leaves the groups of an import still being written to it', async () => {
    db = openLibrary(`spread-${Math.random()}`)
    const items = Array.from({ length: 150 }, (_, n) => toItem(record(n), 1_000))
    await writeUnannounced(db, { importId: 'still-importing', number: 1, items })
    expect(await spreadAnnouncedGroups(db)).toBe(0)
    expect(await groupsLeft(db)).toBe(2)
  })
}, 60_000) // each reads the library four ways, twice or three times: 9 s alone at load 17, 20 s in a whole run
