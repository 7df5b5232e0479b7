// A stored PDF damaged on disk at the same size (a flipped byte: a bad sector,
// a sync client's partial write) is noticed when it is read, with a sentence,
// and repaired when the researcher attaches the same PDF again (issue 11 item 5).
import { readFileSync, writeFileSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAttachmentStore, DAMAGED_MESSAGE } from './store'

const PDF = new Uint8Array(readFileSync(path.resolve(import.meta.dirname, '../../../../e2e/fixtures/pdf/articles/hindawi_rrp_2010_157939.pdf')))

let dataDir: string
beforeEach(() => (dataDir = mkdtempSync(path.join(tmpdir(), 'neuroref-integrity-'))))
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

/** Flips one byte in the middle of the stored file; its size stays the same. */
function damage(file: string): void {
  const bytes = readFileSync(file)
  bytes[bytes.length >> 1] ^= 0xff
  writeFileSync(file, bytes)
}

describe('stored PDFs are checked by their hash', () => {
  it('a copy damaged at the same size is refused on read with a sentence, and repaired by attaching it again', async () => {
    const store = createAttachmentStore({ dataDir })
    const { hash } = await store.store(PDF, 'Tully 2010.pdf')
    const file = await store.path(hash)
    damage(file)
    expect(statSync(file).size).toBe(PDF.byteLength)

    await expect(store.read(hash)).rejects.toMatchObject({ code: 'IO', message: DAMAGED_MESSAGE })
    expect(DAMAGED_MESSAGE).toBe('This PDF is damaged on disk: its contents changed after Neuroref stored it. Attach the same PDF again to repair it.')

    const again = await store.store(PDF, 'Tully 2010.pdf')
    expect(again).toMatchObject({ hash, existed: true })
    expect(Buffer.from(await store.read(hash)).equals(Buffer.from(PDF))).toBe(true)
  })

  it('an intact copy is not written again', async () => {
    const store = createAttachmentStore({ dataDir })
    const { hash } = await store.store(PDF, 'a.pdf')
    const before = statSync(await store.path(hash)).mtimeMs
    await new Promise(resolve => setTimeout(resolve, 20))
    expect(await store.store(PDF, 'b.pdf')).toMatchObject({ existed: true })
    expect(statSync(await store.path(hash)).mtimeMs).toBe(before)
  })
})
