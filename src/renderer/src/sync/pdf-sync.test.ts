// PDFs travel once per content hash: attached on one computer, sent to the
// library's files database, fetched on the other when opened (or after each
// round, when it always downloads), byte for byte; a PDF over the size limit
// (a setting) is not sent and the status says so.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startTestCouch, type TestCouch } from '../../../../e2e/support/couch-server'
import { addRecordsToLibrary } from '../library/add-paper'
import { attachStoredFile } from '../library/attachments'
import { emptyTrashRecords, moveToTrash } from '../library/trash'
import type { NeurorefDb } from '../library/schema'
import { engineComputer, until } from './computers.test-support'
import type { SyncEngine } from './engine'
import type { LocalFiles } from './files'
import { statusText } from './status'

let couch: TestCouch
const cleanups: (() => Promise<unknown>)[] = []
beforeAll(async () => {
  couch = await startTestCouch()
  await couch.createUser('ann', 'ann-password')
})
afterAll(() => couch?.close())
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

async function sha256(bytes: Uint8Array): Promise<string> {
  return Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource)), b => b.toString(16).padStart(2, '0')).join('')
}

/** A computer: its library, its engine, and main's attachment store as a map by hash (which refuses to store while `refusal` says why). */
function computer(refusal: () => string | undefined = () => undefined): { db: NeurorefDb; engine: SyncEngine; stored: Map<string, Uint8Array> } {
  const stored = new Map<string, Uint8Array>()
  const files: LocalFiles = {
    async read(hash) {
      const bytes = stored.get(hash)
      if (!bytes) throw new Error('The PDF file is missing from the library folder.')
      return bytes
    },
    async store(bytes) {
      const refused = refusal()
      if (refused) throw new Error(refused)
      stored.set(await sha256(bytes), bytes)
    },
    async missing(hashes) {
      return hashes.filter(hash => !stored.has(hash))
    }
  }
  const { db, engine } = engineComputer(cleanups, { files, recheckFilesAfter: 200 })
  return { db, engine, stored }
}

const account = (database: string) => ({ server: couch.url, database, user: 'ann', password: 'ann-password' })

let libraries = 0
/** The library database and its files database, made by the server's administrator for ann (docs/SYNC.md). */
async function newLibrary(): Promise<string> {
  const database = `neuroref-pdf-${process.pid}-${++libraries}-${Date.now()}`
  await couch.createLibrary(database, ['ann'])
  return database
}

async function paper(db: NeurorefDb, title: string): Promise<string> {
  const [{ item }] = await addRecordsToLibrary(db, [{ csl: { type: 'article-journal', title }, sources: ['manual'] }])
  return item.id
}

async function filesOnServer(database: string): Promise<{ id: string; rev: string; length: number }[]> {
  const listed = (await (await couch.admin(`/${database}-files/_all_docs?include_docs=true`)).json()) as {
    rows: { id: string; value: { rev: string }; doc: { _attachments?: { pdf: { length: number } } } }[]
  }
  // a document made again after a deletion holds its PDF a moment later
  return listed.rows.flatMap(row => (row.doc._attachments ? [{ id: row.id, rev: row.value.rev, length: row.doc._attachments.pdf.length }] : []))
}

describe('PDFs between two computers', () => {
  it('sends a PDF on two papers once, and the other computer fetches it byte for byte', async () => {
    const database = await newLibrary()
    const a = computer()
    const b = computer()
    const bytes = new TextEncoder().encode(`%PDF-1.4\n% oxytocin and social fear ${Math.random()}\n%%EOF\n`)
    const hash = await sha256(bytes)
    a.stored.set(hash, bytes)
    const first = await paper(a.db, 'Oxytocin and social fear')
    const second = await paper(a.db, 'Social fear, the preprint')
    for (const itemId of [first, second]) await attachStoredFile(a.db, itemId, { hash, size: bytes.length, fileName: 'fear.pdf', existed: false })

    await a.engine.start(account(database))
    await until(async () => (await filesOnServer(database).catch(() => [])).length === 1, 'the PDF on the server')
    const [onServer] = await filesOnServer(database)
    expect(onServer).toEqual({ id: `file:${hash}`, rev: expect.stringMatching(/^1-/), length: bytes.length })

    await b.engine.start(account(database))
    await until(async () => (await b.db.attachments.count()) === 2, "both papers' attachments on B")
    const onB = await b.db.attachments.where('itemId').equals(second).toArray()
    expect(onB.map(a => [a.hash, a.fileName, a.size])).toEqual([[hash, 'fear.pdf', bytes.length]])
    expect(b.stored.size).toBe(0)

    expect(b.engine.canFetchFiles()).toBe(true)
    await b.engine.fetchFile(hash)
    expect(Array.from(b.stored.get(hash)!)).toEqual(Array.from(bytes))
    await until(() => b.engine.status.state === 'synced', 'B synced')
    expect(await filesOnServer(database)).toEqual([onServer])
  })

  it('does not send a PDF over the size limit, and says so', async () => {
    const database = await newLibrary()
    const a = computer()
    const small = new TextEncoder().encode(`%PDF-1.4\n% small ${Math.random()}\n%%EOF\n`)
    const smallHash = await sha256(small)
    a.stored.set(smallHash, small)
    const itemId = await paper(a.db, 'A very large atlas')
    await attachStoredFile(a.db, itemId, { hash: 'f'.repeat(64), size: 50 * 1024 * 1024 + 1, fileName: 'atlas.pdf', existed: false })
    await attachStoredFile(a.db, itemId, { hash: smallHash, size: small.length, fileName: 'small.pdf', existed: false })

    await a.engine.start(account(database))
    await until(async () => (await filesOnServer(database).catch(() => [])).length === 1, 'the small PDF on the server')
    await until(() => a.engine.status.state === 'synced', 'A synced')
    expect((await filesOnServer(database)).map(file => file.id)).toEqual([`file:${smallHash}`])
    expect(statusText(a.engine.status)).toMatch(/1 PDF is over the 50 MB limit, not sent, and stays on this computer only$/)
  })

  it('with "always download" the other computer fetches every PDF without opening one; with "when opened" it fetches none', async () => {
    const database = await newLibrary()
    const a = computer()
    const always = computer()
    const whenOpened = computer()
    always.engine.setPdfOptions({ download: 'always', limitMB: 50 })
    // what reads a PDF's text (root.ts: the extraction queue) is told of each PDF fetched
    const fetched: string[] = []
    always.engine.onFileFetched(hash => fetched.push(hash))
    const pdfs = await Promise.all(
      ['oxytocin', 'vasopressin'].map(async word => {
        const bytes = new TextEncoder().encode(`%PDF-1.4\n% ${word} ${Math.random()}\n%%EOF\n`)
        const hash = await sha256(bytes)
        a.stored.set(hash, bytes)
        await attachStoredFile(a.db, await paper(a.db, `On ${word}`), { hash, size: bytes.length, fileName: `${word}.pdf`, existed: false })
        return { hash, bytes }
      })
    )
    await a.engine.start(account(database))
    await until(async () => (await filesOnServer(database).catch(() => [])).length === 2, 'both PDFs on the server')

    await always.engine.start(account(database))
    await whenOpened.engine.start(account(database))
    await until(() => always.stored.size === 2, 'both PDFs in the store of the computer that always downloads')
    for (const { hash, bytes } of pdfs) expect(Array.from(always.stored.get(hash)!)).toEqual(Array.from(bytes))
    expect(fetched.sort()).toEqual(pdfs.map(pdf => pdf.hash).sort())

    await until(async () => (await whenOpened.db.attachments.count()) === 2, 'the attachment records on the computer that downloads when opened')
    await until(() => whenOpened.engine.status.state === 'synced', 'synced')
    await whenOpened.engine.settle()
    expect(whenOpened.stored.size).toBe(0)
    await whenOpened.engine.fetchFile(pdfs[0].hash)
    expect([...whenOpened.stored.keys()]).toEqual([pdfs[0].hash])
  })

  it('says in the status which PDFs could not be fetched, and fetches them next round', async () => {
    const database = await newLibrary()
    const a = computer()
    const bytes = new TextEncoder().encode(`%PDF-1.4\n% oxytocin ${Math.random()}\n%%EOF\n`)
    const hash = await sha256(bytes)
    a.stored.set(hash, bytes)
    await attachStoredFile(a.db, await paper(a.db, 'Oxytocin'), { hash, size: bytes.length, fileName: 'oxytocin.pdf', existed: false })
    await a.engine.start(account(database))
    await until(async () => (await filesOnServer(database).catch(() => [])).length === 1, 'the PDF on the server')

    // B's store refuses the PDF (a full disk) until it has room again
    let full = true
    const b = computer(() => (full ? 'No space left on the disk.' : undefined))
    b.engine.setPdfOptions({ download: 'always', limitMB: 50 })
    await b.engine.start(account(database))
    await until(() => statusText(b.engine.status).includes('1 PDF could not be fetched'), 'the failure in the status')
    expect(statusText(b.engine.status)).toMatch(/1 PDF could not be fetched: No space left on the disk$/)
    full = false
    await b.engine.settle()
    await until(() => b.stored.has(hash), 'the PDF fetched on the next round')
    await until(() => !statusText(b.engine.status).includes('could not be fetched'), 'the failure gone from the status')
  })

  it('sends and always downloads PDFs up to the size limit chosen, and the larger ones once the limit is raised', async () => {
    const database = await newLibrary()
    const a = computer()
    const b = computer()
    a.engine.setPdfOptions({ download: 'opened', limitMB: 1 })
    b.engine.setPdfOptions({ download: 'always', limitMB: 1 })
    const small = new TextEncoder().encode(`%PDF-1.4\n% small ${Math.random()}\n%%EOF\n`)
    const large = new Uint8Array(1.2 * 1024 * 1024).fill(0x20)
    large.set(new TextEncoder().encode(`%PDF-1.4\n% an atlas ${Math.random()}\n`))
    const itemId = await paper(a.db, 'A brain atlas')
    const hashes: string[] = []
    for (const [bytes, fileName] of [
      [small, 'small.pdf'],
      [large, 'atlas.pdf']
    ] as const) {
      const hash = await sha256(bytes)
      a.stored.set(hash, bytes)
      hashes.push(hash)
      await attachStoredFile(a.db, itemId, { hash, size: bytes.length, fileName, existed: false })
    }

    await a.engine.start(account(database))
    await until(() => statusText(a.engine.status).includes('limit'), 'the limit in the status')
    expect(statusText(a.engine.status)).toMatch(/1 PDF is over the 1 MB limit, not sent, and stays on this computer only$/)
    expect((await filesOnServer(database)).map(file => file.id)).toEqual([`file:${hashes[0]}`])
    await b.engine.start(account(database))
    await until(() => b.stored.size === 1, 'the small PDF on B')

    a.engine.setPdfOptions({ download: 'opened', limitMB: 2 })
    await until(async () => (await filesOnServer(database)).length === 2, 'the atlas sent once the limit is 2 MB')
    expect(statusText(a.engine.status)).not.toMatch(/limit/)
    await b.engine.settle()
    expect([...b.stored.keys()]).toEqual([hashes[0]])
    b.engine.setPdfOptions({ download: 'always', limitMB: 2 })
    await until(() => b.stored.size === 2, 'the atlas on B once its limit is 2 MB')
    expect(Array.from(b.stored.get(hashes[1])!)).toEqual(Array.from(large))
  })

  it('fetches a PDF only its record brought before Download PDF, Show file or Open in system viewer reads it, and says why it cannot', async () => {
    const database = await newLibrary()
    const a = computer()
    const b = computer()
    for (const { engine } of [a, b]) engine.setPdfOptions({ download: 'opened', limitMB: 1 })
    const bytes = new TextEncoder().encode(`%PDF-1.4\n% oxytocin ${Math.random()}\n%%EOF\n`)
    const large = new Uint8Array(1.2 * 1024 * 1024).fill(0x20)
    large.set(new TextEncoder().encode(`%PDF-1.4\n% an atlas ${Math.random()}\n`))
    const [hash, largeHash] = [await sha256(bytes), await sha256(large)]
    a.stored.set(hash, bytes)
    a.stored.set(largeHash, large)
    const itemId = await paper(a.db, 'Oxytocin and an atlas')
    await attachStoredFile(a.db, itemId, { hash, size: bytes.length, fileName: 'oxytocin.pdf', existed: false })
    await attachStoredFile(a.db, itemId, { hash: largeHash, size: large.length, fileName: 'atlas.pdf', existed: false })
    await a.engine.start(account(database))
    await until(async () => (await filesOnServer(database).catch(() => [])).length === 1, 'the small PDF on the server')
    await b.engine.start(account(database))
    await until(async () => (await b.db.attachments.count()) === 2, 'both records on B')
    await until(() => b.engine.canFetchFiles(), 'the files database open on B')

    await b.engine.fetchIfElsewhere({ hash, size: bytes.length })
    expect(Array.from(b.stored.get(hash)!)).toEqual(Array.from(bytes))
    // the limit kept the atlas on A: said with the limit
    await expect(b.engine.fetchIfElsewhere({ hash: largeHash, size: large.length })).rejects.toThrow(
      'This PDF (1.2 MB) is over the 1 MB limit per PDF (Settings → Sync), so it is not sent to the sync server: it stays on the computer it was attached on.'
    )
    // bytes damaged on the server are not stored
    const other = new TextEncoder().encode(`%PDF-1.4\n% vasopressin ${Math.random()}\n%%EOF\n`)
    const otherHash = await sha256(other)
    const put = await couch.admin(`/${database}-files/file:${otherHash}/pdf`, {
      method: 'PUT',
      headers: { 'content-type': 'application/pdf' },
      body: new TextEncoder().encode('%PDF-1.4\n% not these bytes\n')
    })
    expect(put.ok).toBe(true)
    await expect(b.engine.fetchIfElsewhere({ hash: otherHash, size: other.length })).rejects.toThrow('The PDF from the sync server arrived damaged: try again.')
    expect(b.stored.has(otherHash)).toBe(false)
    // with the server down: a PDF already here needs nothing from it, one only there is said to be out of reach
    await couch.takeDown()
    try {
      await b.engine.fetchIfElsewhere({ hash, size: bytes.length })
      await expect(b.engine.fetchIfElsewhere({ hash: otherHash, size: other.length })).rejects.toThrow(
        'Server unreachable: this PDF is on the sync server only, and cannot be fetched now. Try again when the server can be reached.'
      )
    } finally {
      await couch.bringUp()
    }
    // sync off: nothing to fetch from (main says the file is missing)
    await b.engine.stop()
    await b.engine.fetchIfElsewhere({ hash: otherHash, size: other.length })
  })

  it('deletes a PDF from the server once no paper there names it, not while another paper or computer does, and sends it again when attached again', async () => {
    const database = await newLibrary()
    const a = computer()
    const b = computer()
    const bytes = new TextEncoder().encode(`%PDF-1.4\n% oxytocin ${Math.random()}\n%%EOF\n`)
    const hash = await sha256(bytes)
    const pdf = { hash, size: bytes.length, fileName: 'oxytocin.pdf', existed: false }
    a.stored.set(hash, bytes)
    const [first, second] = [await paper(a.db, 'Oxytocin'), await paper(a.db, 'Oxytocin, the preprint')]
    for (const itemId of [first, second]) await attachStoredFile(a.db, itemId, pdf)
    await a.engine.start(account(database))
    await until(async () => (await filesOnServer(database).catch(() => [])).length === 1, 'the PDF on the server')
    await b.engine.start(account(database))
    await until(async () => (await b.db.attachments.count()) === 2, 'both records on B')
    const emptyTrash = async (db: NeurorefDb, itemId: string) => {
      await moveToTrash(db, [itemId])
      await emptyTrashRecords(db)
    }
    const namedOnServer = async () => (await (await couch.admin(`/${database}/_all_docs?startkey="attachment:"&endkey="attachment:\ufff0"`)).json()).rows.length

    // the preprint still holds it
    await emptyTrash(a.db, first)
    await until(async () => (await namedOnServer()) === 1, "A's deletion on the server")
    await a.engine.settle()
    expect(await filesOnServer(database)).toHaveLength(1)

    // B's own paper holds it while A's last one goes
    b.stored.set(hash, bytes)
    await attachStoredFile(b.db, await paper(b.db, 'Oxytocin, read on B'), pdf)
    await until(async () => (await a.db.attachments.count()) === 2, "B's PDF on A")
    await emptyTrash(a.db, second)
    await until(async () => (await b.db.attachments.count()) === 1, "A's deletion on B")
    await a.engine.settle()
    await b.engine.settle()
    expect(await filesOnServer(database)).toHaveLength(1)

    // B's goes too: no paper on the server names it
    await emptyTrash(b.db, (await b.db.attachments.toArray())[0].itemId)
    await until(async () => (await filesOnServer(database)).length === 0, 'the PDF deleted from the server')
    expect(await namedOnServer()).toBe(0)

    // attached again on A, which sent it before: sent again
    await attachStoredFile(a.db, await paper(a.db, 'Oxytocin, once more'), pdf)
    await until(async () => (await filesOnServer(database)).length === 1, 'the PDF on the server again')
    await b.engine.settle()
    b.stored.clear()
    await b.engine.fetchFile(hash)
    expect(Array.from(b.stored.get(hash)!)).toEqual(Array.from(bytes))
  })

  it('says on the other computer that a PDF not yet sent is not on the server', async () => {
    const database = await newLibrary()
    const b = computer()
    await b.engine.start(account(database))
    // the files database opens beside the papers, after start
    await until(() => b.engine.canFetchFiles(), 'the files database open')
    await expect(b.engine.fetchFile('e'.repeat(64))).rejects.toThrow('This PDF is not on the sync server yet')
  })
})
