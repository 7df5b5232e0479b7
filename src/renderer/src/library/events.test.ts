// Every write of the library module emits exactly its events, after its
// transaction commits, and logs the same changes in the change log; a write
// that fails (rolled back) emits nothing and logs nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ReferenceRecord } from '@shared/model'
import { openLibrary, type NeurorefDb } from './schema'
import type { LibraryEvent } from './events'
import { changesSince, compactChangeLog } from './change-log'
import { addRecordsToLibrary, addRecordToLibrary } from './add-paper'
import { formOf, restoreVersions, saveEdit } from './edit'
import { addItemsToCollection, createCollection, deleteCollection, moveCollection, removeItemsFromCollection, renameCollection } from './collections'
import { addTag, deleteTag, removeTag, renameTag, setTagColor } from './tags'
import { saveNote } from './notes'
import { setRating, setReadStatus } from './reading'
import { emptyTrash, moveToTrash, restoreFromTrash } from './trash'
import { attachStoredFile, saveFullText } from './attachments'
import { mergeDuplicates, markNotDuplicates } from './merge'
import { removePeptideTag, restorePeptideTag } from './peptide-tags'
import { deleteSavedSearch, renameSavedSearch, saveSearch } from './saved-searches'
import { forgetNewPmids, savePubmedSearch } from './pubmed-searches'
import { writeSetting } from './settings'
import { importIntoNewCollection, importRecords } from './import-file'
import { restoreBackup } from './backup'
import { oldFormatBackup } from './backup.test-support'
import { fillPlaceholder, NEEDS_METADATA } from './fill-placeholder'
import { applySyncedChanges, noSyncedChanges } from './apply-synced'
import { DuplicateFinder } from '@shared/duplicates'

let db: NeurorefDb
let seen: LibraryEvent[][]

beforeEach(() => {
  db = openLibrary(`events-${Math.random()}`)
  seen = []
  db.events.subscribe(events => seen.push([...events]))
})
afterEach(() => db?.delete())

const paper = (title: string, doi: string, extra: Partial<ReferenceRecord> = {}): ReferenceRecord => ({
  csl: { type: 'article-journal', title, issued: { 'date-parts': [[2021]] } },
  doi,
  sources: ['crossref'],
  ...extra
})
const FILE = { hash: 'c'.repeat(64), fileName: 'paper.pdf', size: 1000, existed: false }

/**
 * The events of the next write, as kind/change/ids, and checks the log got the same; `trashOnce`: but for the papers
 * moved to or out of the Trash (moveToTrash, restoreFromTrash), which the log names once, in the write's "item changed"
 * entry (sync reads both as "these papers changed").
 */
async function eventsOf(work: () => Promise<unknown>, trashOnce = false): Promise<string[]> {
  const before = (await changesSince(db, 0)).lastSeq
  seen = []
  await work()
  expect(seen.length).toBeLessThanOrEqual(1) // one transaction, one delivery
  const events = (seen[0] ?? []).map(e => `${e.kind} ${e.change} ${e.ids.join(',')}`)
  const logged = (await changesSince(db, before)).entries.map(e => `${e.kind} ${e.change} ${e.ids.join(',')}`)
  const namedAgain = (event: string): boolean =>
    trashOnce && /^trash (moved|restored) /.test(event) && events.includes(event.replace(/^trash \w+/, 'item changed'))
  expect(logged).toEqual(events.filter(event => !namedAgain(event)))
  return events
}

describe('library events and the change log', () => {
  it('papers: add, add many, merge-in, edit, undo, reading, peptide tags, import', async () => {
    let id = ''
    expect(await eventsOf(async () => (id = (await addRecordToLibrary(db, paper('Oxytocin and fear', '10.1/a'))).item.id))).toEqual([`item added ${id}`])
    expect(await eventsOf(() => addRecordToLibrary(db, paper('Oxytocin and fear', '10.1/A', { pmid: '123' })))).toEqual([`item changed ${id}`])
    let many: string[] = []
    expect(
      await eventsOf(async () => (many = (await addRecordsToLibrary(db, [paper('Orexin', '10.1/b'), paper('NPY', '10.1/c')])).map(o => o.item.id)))
    ).toEqual([`item added ${many[0]},${many[1]}`]) // one event for the batch
    const item = (await db.items.get(id))!
    const before = item
    expect(await eventsOf(async () => void (await saveEdit(db, id, { ...formOf(item), title: 'Oxytocin and social fear' })))).toEqual([`item changed ${id}`])
    const edited = (await db.items.get(id))!
    expect(await eventsOf(() => saveEdit(db, id, formOf(edited)))).toEqual([]) // nothing differs
    expect(await eventsOf(() => restoreVersions(db, [before]))).toEqual([`item changed ${id}`])
    expect(await eventsOf(() => setReadStatus(db, [id], 'read'))).toEqual([`item changed ${id}`])
    expect(await eventsOf(() => setRating(db, [many[0]], 4))).toEqual([`item changed ${many[0]}`])
    expect(await eventsOf(() => removePeptideTag(db, id, 'Oxytocin'))).toEqual([`item changed ${id}`])
    expect(await eventsOf(() => restorePeptideTag(db, id, 'Oxytocin'))).toEqual([`item changed ${id}`])
    let added: string[] = []
    const records = [{ ...paper('CRF and stress', '10.1/d'), citationKey: 'crf' }, { ...paper('Orexin', '10.1/b') }]
    expect(
      await eventsOf(async () => (added = (await importRecords(db, records, new DuplicateFinder(await db.items.toArray()))).added.map(i => i.id)))
    ).toEqual([`item added ${added[0]}`])
  })

  it('a document’s references: papers and their new collection in one transaction, one delivery', async () => {
    const { item: known } = await addRecordToLibrary(db, paper('Orexin', '10.1/b'))
    let result: Awaited<ReturnType<typeof importIntoNewCollection>> | undefined
    const events = await eventsOf(async () => {
      result = await importIntoNewCollection(
        db,
        [paper('CRF and stress', '10.1/d'), paper('Orexin', '10.1/b')],
        new DuplicateFinder([known]),
        'Cited in grant.docx'
      )
    })
    const added = result!.outcome.added[0].id
    const collection = result!.collection.id
    expect(events).toEqual([`item added ${added}`, `collection added ${collection}`, expect.stringMatching(/^item changed /)])
    expect(events[2].slice('item changed '.length).split(',').sort()).toEqual([added, known.id].sort())
    expect((await db.items.get(known.id))?.collectionIds).toEqual([collection])
  })

  it('collections, tags, notes and settings', async () => {
    const { item } = await addRecordToLibrary(db, paper('Vasopressin', '10.1/v'))
    let c = ''
    expect(await eventsOf(async () => (c = (await createCollection(db, 'Stress')).id))).toEqual([`collection added ${c}`])
    expect(await eventsOf(() => renameCollection(db, c, 'Social stress'))).toEqual([`collection changed ${c}`])
    const child = await createCollection(db, 'Rats')
    expect(await eventsOf(() => moveCollection(db, child.id, c))).toEqual([`collection changed ${child.id}`])
    expect(await eventsOf(() => addItemsToCollection(db, child.id, [item.id]))).toEqual([`item changed ${item.id}`])
    expect(await eventsOf(() => addItemsToCollection(db, child.id, [item.id]))).toEqual([]) // already there: nothing changed
    expect(await eventsOf(() => removeItemsFromCollection(db, c, [item.id]))).toEqual([`item changed ${item.id}`])
    await addItemsToCollection(db, child.id, [item.id])
    expect(await eventsOf(() => deleteCollection(db, c))).toEqual([`item changed ${item.id}`, `collection deleted ${c},${child.id}`])

    expect(await eventsOf(() => addTag(db, [item.id], 'to read'))).toEqual([`item changed ${item.id}`])
    expect(await eventsOf(() => setTagColor(db, 'to read', '#c0392b'))).toEqual(['tag changed to read'])
    expect(await eventsOf(() => renameTag(db, 'to read', 'later'))).toEqual([`item changed ${item.id}`, 'tag deleted to read', 'tag changed later'])
    expect(await eventsOf(() => removeTag(db, [item.id], 'later'))).toEqual([`item changed ${item.id}`])
    expect(await eventsOf(() => deleteTag(db, 'later'))).toEqual(['tag deleted later'])

    let note = ''
    expect(await eventsOf(async () => (note = (await saveNote(db, item.id, 'AVP in pair bonding'))!.id))).toEqual([`note saved ${note}`])
    expect(await eventsOf(() => saveNote(db, item.id, 'AVP in pair bonding'))).toEqual([]) // same text
    expect(await eventsOf(() => saveNote(db, item.id, ' '))).toEqual([`note deleted ${note}`])

    expect(await eventsOf(() => writeSetting(db, 'contact', { email: 'a@b.org' }))).toEqual(['settings changed contact'])
    expect(await eventsOf(() => markNotDuplicates(db, 'x', 'y'))).toEqual(['settings changed duplicates.notDuplicates'])
    expect(await eventsOf(() => markNotDuplicates(db, 'y', 'x'))).toEqual([]) // already known

    let s = ''
    expect(await eventsOf(async () => (s = (await saveSearch(db, 'Rats', 'rat')).id))).toEqual([`search added ${s}`])
    expect(await eventsOf(() => renameSavedSearch(db, s, 'Rodents'))).toEqual([`search changed ${s}`])
    expect(await eventsOf(() => deleteSavedSearch(db, s))).toEqual([`search deleted ${s}`])
    const p = await savePubmedSearch(db, 'OT', 'oxytocin')
    expect(await eventsOf(() => forgetNewPmids(db, p.id, ['1']))).toEqual([`search changed ${p.id}`])
  })

  it('attachments, merge, Trash and restore from a backup', async () => {
    const { item: a } = await addRecordToLibrary(db, paper('Oxytocin and fear in rats', '10.1/x'))
    const { item: b } = await addRecordToLibrary(db, paper('Oxytocin and fear in mice', '10.1/y'))
    let att = ''
    expect(await eventsOf(async () => (att = (await attachStoredFile(db, b.id, FILE)).record.id))).toEqual([`attachment added ${att}`])
    expect(await eventsOf(() => attachStoredFile(db, b.id, FILE))).toEqual([]) // the same file again
    const record = (await db.attachments.get(att))!
    expect(await eventsOf(() => saveFullText(db, record, { pages: ['page one'], hasTextLayer: true }))).toEqual([`attachment text ${att}`])
    await saveNote(db, b.id, 'from b')
    const noteB = (await db.notes.toArray())[0].id
    expect(await eventsOf(() => mergeDuplicates(db, a.id, b.id, {}))).toEqual([
      `note saved ${noteB}`,
      `attachment moved ${att}`,
      `item deleted ${b.id}`,
      `item changed ${a.id}`
    ])

    expect(await eventsOf(() => moveToTrash(db, [a.id]), true)).toEqual([`item changed ${a.id}`, `trash moved ${a.id}`])
    expect(await eventsOf(() => moveToTrash(db, [a.id]))).toEqual([]) // already in the Trash
    expect(await eventsOf(() => restoreFromTrash(db, [a.id]), true)).toEqual([`item changed ${a.id}`, `trash restored ${a.id}`])
    await moveToTrash(db, [a.id])
    const removed: string[][] = []
    const api = { 'attachments.remove': async ({ hashes }: { hashes: string[] }) => (removed.push(hashes), { ok: true as const, value: { removed: 1 } }) }
    expect(await eventsOf(() => emptyTrash(db, api))).toEqual([
      `note deleted ${noteB}`,
      `attachment deleted ${att}`,
      `item deleted ${a.id}`,
      `trash emptied ${a.id}`
    ])
    expect(removed).toEqual([[FILE.hash]])

    const backup = await oldFormatBackup(db)
    // named by the restore, as are the search index and light form it saved (restored-forms.ts)
    expect(await eventsOf(() => restoreBackup(db, backup))).toEqual([expect.stringMatching(/^library restored restore-\S+$/)])
  })

  it('filling a placeholder made from a PDF', async () => {
    const { item } = await addRecordToLibrary(db, { csl: { type: 'article-journal', title: 'scan0001' }, flags: [NEEDS_METADATA], sources: ['file'] })
    const filled = paper('Orexin and sleep', '10.1/o')
    expect(await eventsOf(() => fillPlaceholder(db, item.id, filled))).toEqual([`item changed ${item.id}`])
    const { item: other } = await addRecordToLibrary(db, { csl: { type: 'article-journal', title: 'scan0002' }, flags: [NEEDS_METADATA], sources: ['file'] })
    // the paper is already in the library: the placeholder goes (it has no PDF here, so no attachment moves)
    expect(await eventsOf(() => fillPlaceholder(db, other.id, filled))).toEqual([`item changed ${item.id}`, `item deleted ${other.id}`])
  })

  it('changes from another computer (sync): papers, Trash, collections, notes, tags, deletions', async () => {
    const { item } = await addRecordToLibrary(db, paper('Orexin and sleep', '10.1/s'))
    const other = { ...item, id: 'from-elsewhere', doi: '10.1/t', csl: { ...item.csl, title: 'NPY and appetite' } }
    const trashed = { ...item, trashedAt: 1 }
    const collection = { id: 'c1', name: 'Sleep', createdAt: 1 }
    const note = { id: 'n1', itemId: item.id, text: 'read again', createdAt: 1, modifiedAt: 1 }
    const incoming = {
      ...noSyncedChanges(),
      items: [trashed, other],
      collections: [collection],
      notes: [note],
      tags: [{ name: 'sleep', kind: 'manual' as const }]
    }
    expect(await eventsOf(() => applySyncedChanges(db, incoming))).toEqual([
      'item added from-elsewhere',
      `item changed ${item.id}`,
      `trash moved ${item.id}`,
      'collection added c1',
      `note saved n1`,
      'tag changed sleep'
    ])
    expect(await db.items.get('from-elsewhere')).toMatchObject({ csl: { title: 'NPY and appetite' }, doiKey: '10.1/t' })
    const gone = { ...noSyncedChanges(), deletedItems: [item.id], deletedCollections: ['c1'], deletedTags: ['sleep'] }
    expect(await eventsOf(() => applySyncedChanges(db, gone))).toEqual([
      'note deleted n1',
      `item deleted ${item.id}`,
      'collection deleted c1',
      'tag deleted sleep'
    ])
    expect(await db.notes.count()).toBe(0)
  })

  it('a write that fails emits nothing and logs nothing, and nothing of it is stored', async () => {
    const { item } = await addRecordToLibrary(db, paper('Galanin', '10.1/g'))
    const log = (await changesSince(db, 0)).lastSeq
    seen = []
    await expect(saveEdit(db, item.id, { ...formOf(item), year: 'soon' })).rejects.toThrow('four digits')
    await expect(mergeDuplicates(db, item.id, 'gone', {})).rejects.toThrow('no longer in the library')
    // a batch whose second paper cannot be stored: the first, stored inside the same transaction, goes too
    const unstorable = { ...paper('Kisspeptin', '10.1/k'), csl: { type: 'article-journal', title: 'Kisspeptin', note: () => 1 } } as unknown as ReferenceRecord
    await expect(addRecordsToLibrary(db, [paper('Neurotensin', '10.1/n'), unstorable])).rejects.toThrow()
    expect(seen).toEqual([])
    expect((await changesSince(db, log)).entries).toEqual([])
    expect(await db.items.where('doiKey').equals('10.1/n').count()).toBe(0)
  })
})

describe('the change log', () => {
  it('numbers entries in order, survives reopening, and compacts', async () => {
    const name = db.name
    await addRecordToLibrary(db, paper('One', '10.1/1'))
    await addRecordToLibrary(db, paper('Two', '10.1/2'))
    await createCollection(db, 'Three')
    db.close()
    db = openLibrary(name)
    const all = await changesSince(db, 0)
    expect(all.entries.map(e => [e.seq, e.kind, e.change])).toEqual([
      [1, 'item', 'added'],
      [2, 'item', 'added'],
      [3, 'collection', 'added']
    ])
    expect(all.complete).toBe(true)
    expect(all.entries.every(e => e.time > 0)).toBe(true)

    expect(await compactChangeLog(db, 2)).toBe(2)
    expect((await changesSince(db, 2)).complete).toBe(true)
    const behind = await changesSince(db, 1)
    expect(behind.complete).toBe(false) // entry 2 is gone: that reader must start over
    expect(behind.lastSeq).toBe(3)
    await addRecordToLibrary(db, paper('Four', '10.1/4'))
    expect((await changesSince(db, 3)).entries.map(e => e.seq)).toEqual([4]) // numbers are never reused
  })
})
