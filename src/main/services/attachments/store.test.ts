// The attachment store on a real temp folder with the real PDFs of
// e2e/fixtures/pdf/ (see its SOURCES.md).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ServiceError } from '@shared/result'
import { createAttachmentStore, displayName } from './store'

const PDF_DIR = path.resolve(import.meta.dirname, '../../../../e2e/fixtures/pdf')
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(PDF_DIR, name)))
const HINDAWI = fixture('articles/hindawi_rrp_2010_157939.pdf')
const CAMBRIDGE = fixture('articles/cambridge_intpsychogeriatr_2014_S1041610213001804.pdf')
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

let dataDir: string
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'neuroref-attachments-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

/** Every file under the data folder, relative, with forward slashes. */
function filesOnDisk(): string[] {
  const found: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name)
      if (statSync(full).isDirectory()) walk(full)
      else found.push(path.relative(dataDir, full).split(path.sep).join('/'))
    }
  }
  walk(dataDir)
  return found.sort()
}

async function errorOf(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(ServiceError)
  return error as ServiceError
}

describe('storing a PDF', () => {
  it('keeps a real article under its SHA-256, in a folder named by the first two digits', async () => {
    const store = createAttachmentStore({ dataDir })
    const stored = await store.store(HINDAWI, 'Tully 2010 - rehabilitation.pdf')
    const hash = sha256(HINDAWI)
    expect(stored).toEqual({ hash, size: 493_322, fileName: 'Tully 2010 - rehabilitation.pdf', existed: false })
    expect(filesOnDisk()).toEqual([`attachments/${hash.slice(0, 2)}/${hash}.pdf`])
    expect(readFileSync(path.join(dataDir, 'attachments', hash.slice(0, 2), `${hash}.pdf`)).equals(Buffer.from(HINDAWI))).toBe(true)
  })

  it('stores the same bytes once, whatever names they arrive under', async () => {
    const store = createAttachmentStore({ dataDir })
    const first = await store.store(CAMBRIDGE, 'paper.pdf')
    const again = await store.store(CAMBRIDGE.slice(), 'copy of paper.pdf')
    expect(first.existed).toBe(false)
    expect(again).toEqual({ hash: first.hash, size: first.size, fileName: 'copy of paper.pdf', existed: true })
    expect(filesOnDisk()).toHaveLength(1)
  })

  it('leaves no temp file behind after a write', async () => {
    const store = createAttachmentStore({ dataDir })
    await Promise.all([store.store(HINDAWI, 'a.pdf'), store.store(CAMBRIDGE, 'b.pdf'), store.store(HINDAWI, 'c.pdf')])
    expect(filesOnDisk().every(f => f.endsWith('.pdf') && !f.includes('.tmp'))).toBe(true)
    expect(filesOnDisk()).toHaveLength(2)
  })

  it('accepts a PDF whose header follows some junk bytes (within the first 1024)', async () => {
    const store = createAttachmentStore({ dataDir })
    const junk = new Uint8Array(Buffer.concat([Buffer.alloc(500, 0x20), Buffer.from(HINDAWI)]))
    await expect(store.store(junk, 'mailer-mangled.pdf')).resolves.toMatchObject({ existed: false, size: 493_822 })
  })

  it('refuses a file that is not a PDF, saying so with its name', async () => {
    const store = createAttachmentStore({ dataDir })
    const html = new TextEncoder().encode('<!DOCTYPE html><html><body>Access denied</body></html>')
    const error = await errorOf(store.store(html, 'download.pdf'))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toBe('download.pdf is not a PDF file.')
    expect((await errorOf(store.store(new Uint8Array(0), 'empty.pdf'))).message).toBe('empty.pdf is not a PDF file.')
    const lateHeader = new Uint8Array(Buffer.concat([Buffer.alloc(1024, 0x20), Buffer.from(HINDAWI)]))
    expect((await errorOf(store.store(lateHeader, 'late.pdf'))).code).toBe('INVALID_INPUT')
    expect(filesOnDisk()).toEqual([])
  })

  it('refuses a file over the size limit', async () => {
    const small = createAttachmentStore({ dataDir, maxBytes: 300 * 1024 })
    const error = await errorOf(small.store(HINDAWI, 'big scan.pdf'))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toBe('big scan.pdf is larger than the 300 KB limit.')
    await expect(small.store(CAMBRIDGE, 'fits.pdf')).resolves.toMatchObject({ size: 194_431 })

    const standard = createAttachmentStore({ dataDir, maxBytes: 200 * 1024 * 1024 })
    const huge = new Uint8Array(200 * 1024 * 1024 + 1)
    huge.set(HINDAWI.subarray(0, 1024))
    expect((await errorOf(standard.store(huge, 'huge.pdf'))).message).toBe('huge.pdf is larger than the 200 MB limit.')
  })

  it('never lets the original name become a path', async () => {
    const store = createAttachmentStore({ dataDir })
    const names = ['../../../etc/passwd', '..\\..\\Windows\\evil.pdf', '/tmp/abs.pdf', '..', 'a\u0000b<c>:d|e?.pdf']
    const stored = await Promise.all(names.map(name => store.store(HINDAWI, name)))
    expect(stored.map(s => s.fileName)).toEqual(['passwd.pdf', 'evil.pdf', 'abs.pdf', 'document.pdf', 'a b c d e.pdf'])
    expect(filesOnDisk()).toEqual([`attachments/${stored[0].hash.slice(0, 2)}/${stored[0].hash}.pdf`])
    expect(existsSync(path.join(dataDir, '..', 'etc'))).toBe(false)
  })

  it('makes display names safe and short', () => {
    expect(displayName('.hidden.pdf')).toBe('hidden.pdf')
    expect(displayName('Oxytocin  and\tstress')).toBe('Oxytocin and stress.pdf')
    const long = displayName(`${'x'.repeat(300)}.PDF`)
    expect(long.length).toBeLessThanOrEqual(150)
    expect(long).toMatch(/\.pdf$/i)
  })
})

describe('reading, locating and removing a stored PDF', () => {
  it('gives back the exact bytes and the file location', async () => {
    const store = createAttachmentStore({ dataDir })
    const { hash } = await store.store(CAMBRIDGE, 'paper.pdf')
    expect(Buffer.from(await store.read(hash)).equals(Buffer.from(CAMBRIDGE))).toBe(true)
    expect(await store.path(hash)).toBe(path.join(dataDir, 'attachments', hash.slice(0, 2), `${hash}.pdf`))
  })

  it('refuses anything that is not a 64-digit lower-case hash', async () => {
    const store = createAttachmentStore({ dataDir })
    const { hash } = await store.store(CAMBRIDGE, 'paper.pdf')
    const bad = ['', '../../secret', hash.toUpperCase(), `${hash}/../x`, hash.slice(1), `${hash.slice(0, 63)}g`, `../${hash.slice(3)}`]
    for (const candidate of bad) {
      for (const call of [store.read(candidate), store.path(candidate), store.remove(candidate)]) {
        const error = await errorOf(call)
        expect(error.code).toBe('INVALID_INPUT')
      }
    }
    expect(filesOnDisk()).toHaveLength(1)
  })

  it('says NOT_FOUND for a well-formed hash that is not stored', async () => {
    const store = createAttachmentStore({ dataDir })
    const absent = sha256(new TextEncoder().encode('never stored'))
    // one call at a time: a second refusal made before the first is awaited would go unhandled
    for (const call of [() => store.read(absent), () => store.path(absent)]) {
      const error = await errorOf(call())
      expect(error.code).toBe('NOT_FOUND')
      expect(error.message).toBe('The PDF file is missing from the library folder.')
    }
  })

  it('removes a file, and removing it again is harmless', async () => {
    const store = createAttachmentStore({ dataDir })
    const { hash } = await store.store(HINDAWI, 'paper.pdf')
    expect(await store.remove(hash)).toBe(true)
    expect(await store.remove(hash)).toBe(false)
    expect((await errorOf(store.read(hash))).code).toBe('NOT_FOUND')
    // Stored again after removal: written afresh.
    expect((await store.store(HINDAWI, 'paper.pdf')).existed).toBe(false)
  })
})

describe('sweeping files no item refers to', () => {
  it('deletes only unreferenced PDFs and crash leftovers, and counts the PDFs', async () => {
    const store = createAttachmentStore({ dataDir })
    const kept = await store.store(HINDAWI, 'kept.pdf')
    const orphan = await store.store(CAMBRIDGE, 'orphan.pdf')
    const shard = path.join(dataDir, 'attachments', kept.hash.slice(0, 2))
    const staleTemp = path.join(shard, `.${kept.hash}.abcdef.tmp`)
    const freshTemp = path.join(shard, `.${orphan.hash}.123456.tmp`)
    const foreign = path.join(shard, 'notes.txt')
    writeFileSync(staleTemp, 'half a pdf')
    writeFileSync(freshTemp, 'being written now')
    writeFileSync(foreign, 'not ours')
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000)
    utimesSync(staleTemp, twoHoursAgo, twoHoursAgo)

    expect(await store.sweep(new Set([kept.hash]))).toBe(1)
    expect((await errorOf(store.read(orphan.hash))).code).toBe('NOT_FOUND')
    expect(Buffer.from(await store.read(kept.hash)).equals(Buffer.from(HINDAWI))).toBe(true)
    expect(existsSync(staleTemp)).toBe(false)
    expect(existsSync(freshTemp)).toBe(true)
    expect(existsSync(foreign)).toBe(true)
    expect(await store.sweep(new Set([kept.hash]))).toBe(0)
  })

  it('finds nothing to sweep in a data folder with no attachments yet', async () => {
    expect(await createAttachmentStore({ dataDir }).sweep(new Set())).toBe(0)
  })
})
