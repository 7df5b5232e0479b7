// Two libraries sharing one data folder (the desktop app and the web edition
// with one NEUROREF_DATA_DIR, or two browsers) never delete each other's
// PDFs (issue 11 item 3), and the orphan sweep removes only files no library
// holds (item 5). Real store, real folder; two "processes" are two instances.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLibraryFiles, RECONCILE_GRACE_MS } from './library-files'
import { createAttachmentReferences, libraryIdOf } from './references'
import { createAttachmentStore } from './store'

const FIXTURES = path.resolve(import.meta.dirname, '../../../../e2e/fixtures/pdf/articles')
const HINDAWI = new Uint8Array(readFileSync(path.join(FIXTURES, 'hindawi_rrp_2010_157939.pdf')))
const CAMBRIDGE = new Uint8Array(readFileSync(path.join(FIXTURES, 'cambridge_intpsychogeriatr_2014_S1041610213001804.pdf')))

let dataDir: string
beforeEach(() => (dataDir = mkdtempSync(path.join(tmpdir(), 'neuroref-libraries-'))))
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

/** One running Neuroref (a process) on the shared data folder. */
function process(clock = { now: 1_000_000 }) {
  const store = createAttachmentStore({ dataDir })
  return { store, files: createLibraryFiles(store, createAttachmentReferences(path.join(dataDir, 'attachments'), store.hashes), () => clock.now) }
}

describe('libraries sharing a data folder', () => {
  it('emptying the Trash in one library keeps a file the other still holds; it goes when both let go', async () => {
    const desktop = process()
    const web = process()
    const { hash } = await desktop.files.forLibrary('desktop-library').store(HINDAWI, 'a.pdf')
    await web.files.forLibrary('web-library').store(HINDAWI, 'a.pdf')

    expect(await web.files.release('web-library', [hash])).toBe(0)
    expect(Buffer.from(await desktop.store.read(hash)).equals(Buffer.from(HINDAWI))).toBe(true)
    expect(await desktop.files.release('desktop-library', [hash])).toBe(1)
    await expect(desktop.store.read(hash)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('claims made at the same moment by two processes are all kept', async () => {
    const a = process()
    const b = process()
    const stored = await Promise.all([
      a.files.forLibrary('one').store(HINDAWI, 'a.pdf'),
      b.files.forLibrary('two').store(CAMBRIDGE, 'b.pdf'),
      a.files.forLibrary('one').store(CAMBRIDGE, 'b.pdf'),
      b.files.forLibrary('two').store(HINDAWI, 'a.pdf')
    ])
    const list = JSON.parse(readFileSync(path.join(dataDir, 'attachments', 'references.json'), 'utf8'))
    expect(Object.keys(list.libraries.one).sort()).toEqual([stored[0].hash, stored[1].hash].sort())
    expect(Object.keys(list.libraries.two).sort()).toEqual([stored[0].hash, stored[1].hash].sort())
    expect(existsSync(path.join(dataDir, 'attachments', '.references.lock'))).toBe(false)
  })

  it('files stored before the list existed are never deleted (no library is known to hold them)', async () => {
    const before = createAttachmentStore({ dataDir })
    const { hash } = await before.store(HINDAWI, 'old.pdf')
    const now = process()
    await now.files.forLibrary('one').store(HINDAWI, 'old.pdf')
    expect(await now.files.release('one', [hash])).toBe(0)
    expect(await now.files.reconcile('one', [])).toBe(0)
    expect((await now.store.read(hash)).byteLength).toBe(HINDAWI.byteLength)
  })

  it('a library id is a short word; none means the default library', () => {
    expect(libraryIdOf(undefined)).toBe('default')
    expect(libraryIdOf('0b8e5a56-2f7c-4f0e-9d7a-1c2b3d4e5f60')).toBe('0b8e5a56-2f7c-4f0e-9d7a-1c2b3d4e5f60')
    expect(() => libraryIdOf('../x')).toThrow('That is not a library id.')
  })
})

describe('the orphan sweep (reconcile)', () => {
  it('deletes a file its library no longer lists (after the grace period), keeps what another library holds, and clears stale temp files', async () => {
    const clock = { now: 1_000_000 }
    const one = process(clock)
    const a = await one.files.forLibrary('one').store(HINDAWI, 'a.pdf')
    const b = await one.files.forLibrary('one').store(CAMBRIDGE, 'b.pdf')
    await one.files.forLibrary('two').store(CAMBRIDGE, 'b.pdf')
    const shard = path.join(dataDir, 'attachments', 'ab')
    mkdirSync(shard, { recursive: true })
    const staleTemp = path.join(shard, `.${'ab'.repeat(32)}.pdf.0123456789ab.tmp`)
    writeFileSync(staleTemp, 'half a file')
    const { utimesSync } = await import('node:fs')
    utimesSync(staleTemp, new Date(0), new Date(0))

    // Within the grace period an unlisted claim stays: the library may not have saved its record yet.
    expect(await one.files.reconcile('one', [])).toBe(0)
    clock.now += RECONCILE_GRACE_MS + 1
    expect(await one.files.reconcile('one', [])).toBe(1)
    await expect(one.store.read(a.hash)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect((await one.store.read(b.hash)).byteLength).toBe(CAMBRIDGE.byteLength) // library "two" holds it
    expect(existsSync(staleTemp)).toBe(false)
  })
})
