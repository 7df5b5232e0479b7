// The attachment channels as the renderer calls them (through invokeChannel,
// errors as data), on a real temp data folder with the real PDFs of
// e2e/fixtures/pdf/ (see SOURCES.md there).
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Handlers } from '@shared/contract'
import { invokeChannel } from '../invoke'
import type { Platform } from '../platform'
import { createPdfTextReader, type PdfTextReader } from '../services/pdf/text-reader'
import { buildTextWorker } from '../services/pdf/text-worker.test-support'
import { attachmentsChannels, fromBase64 } from './attachments'
import { testChannelDeps } from './deps.test-support'

const PDF_DIR = path.resolve(import.meta.dirname, '../../../e2e/fixtures/pdf')
const fixture = (name: string) => readFileSync(path.join(PDF_DIR, name))
const HINDAWI = fixture('articles/hindawi_rrp_2010_157939.pdf')
const HINDAWI_SHA = createHash('sha256').update(HINDAWI).digest('hex')

let pdfText: PdfTextReader
beforeAll(async () => (pdfText = createPdfTextReader({ workerFile: await buildTextWorker() })), 60_000)
afterAll(() => pdfText.close())

let dataDir: string
let shown: string[]
let opened: string[]

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'neuroref-channels-'))
  shown = []
  opened = []
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

function handlers(edition: Platform['edition'] = 'desktop'): Handlers {
  const platform: Partial<Platform> = {
    edition,
    showItemInFolder: async file => void shown.push(file),
    openPath: async file => void opened.push(file)
  }
  const env = { NEUROREF_DATA_DIR: dataDir, NEUROREF_UNPAYWALL_URL: 'http://127.0.0.1:9/', NEUROREF_PMC_URL: 'http://127.0.0.1:9/' }
  return attachmentsChannels(testChannelDeps(env, platform, { pdfText })) as Handlers
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- channel results are read loosely in this test
const call = (h: Handlers, channel: string, arg: unknown) => invokeChannel(h, channel, arg) as Promise<{ ok: boolean; value?: any; error?: any }>
const storedFiles = () => (existsSync(path.join(dataDir, 'attachments')) ? readdirSync(path.join(dataDir, 'attachments'), { recursive: true }) : [])

describe('attachment channels', () => {
  it('stores a PDF sent as base64 once, and reads the same bytes back', async () => {
    const h = handlers()
    const first = await call(h, 'attachments.store', { name: '../../etc/Tully 2010.pdf', data: HINDAWI.toString('base64') })
    expect(first).toEqual({ ok: true, value: { hash: HINDAWI_SHA, size: HINDAWI.byteLength, fileName: 'Tully 2010.pdf', existed: false } })
    const again = await call(h, 'attachments.store', { name: 'copy.pdf', data: HINDAWI.toString('base64') })
    expect(again.value.existed).toBe(true)
    const read = await call(h, 'attachments.read', { hash: HINDAWI_SHA })
    expect(Buffer.from(read.value.data, 'base64').equals(HINDAWI)).toBe(true)
  })

  it('refuses anything that is not a PDF, and stores nothing', async () => {
    const h = handlers()
    const html = Buffer.from('<!DOCTYPE html><html><body>Not a paper</body></html>')
    expect(await call(h, 'attachments.store', { name: 'paper.pdf', data: html.toString('base64') })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'paper.pdf is not a PDF file.' }
    })
    expect(await call(h, 'attachments.store', { name: 'x.pdf', data: 'not base64!' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(storedFiles()).toEqual([])
  })

  it('says which of the hashes sent are not in the data folder', async () => {
    const h = handlers()
    await call(h, 'attachments.store', { name: 'Tully 2010.pdf', data: HINDAWI.toString('base64') })
    expect(await call(h, 'attachments.missing', { hashes: [HINDAWI_SHA, 'b'.repeat(64)] })).toEqual({ ok: true, value: { missing: ['b'.repeat(64)] } })
    expect(await call(h, 'attachments.missing', { hashes: 'all' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('serves only stored hashes, never a path', async () => {
    const h = handlers()
    expect(await call(h, 'attachments.read', { hash: '../../secret' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await call(h, 'attachments.read', { hash: 'b'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('extracts the text of every page, and asks for the password of an encrypted PDF', async () => {
    const h = handlers()
    await call(h, 'attachments.store', { name: 'a.pdf', data: HINDAWI.toString('base64') })
    const text = await call(h, 'attachments.extractText', { hash: HINDAWI_SHA })
    expect(text.value.pageCount).toBe(6)
    expect(text.value.pages).toHaveLength(6)
    expect(text.value.hasTextLayer).toBe(true)
    expect(text.value.pages[0]).toContain('doi:10.1155/2010/157939')

    const locked = fixture('broken/pdfjs_issue6010_1_encrypted_password_abc.pdf')
    const { value: stored } = await call(h, 'attachments.store', { name: 'locked.pdf', data: locked.toString('base64') })
    expect(await call(h, 'attachments.extractText', { hash: stored.hash })).toMatchObject({ ok: false, error: { code: 'PASSWORD_REQUIRED' } })
    expect((await call(h, 'attachments.extractText', { hash: stored.hash, password: 'abc' })).ok).toBe(true)
  })

  it('stores a dropped PDF and reads every page in the same call; a locked one is kept with the reason, a damaged one refused and not kept', async () => {
    const h = handlers()
    const { value } = await call(h, 'attachments.store', { name: 'Tully 2010.pdf', data: HINDAWI.toString('base64'), withText: true })
    expect(value).toMatchObject({ hash: HINDAWI_SHA, fileName: 'Tully 2010.pdf', existed: false })
    expect(value.text.pageCount).toBe(6)
    expect(value.text.pages).toHaveLength(6)
    expect(value.text.pages[0]).toContain('doi:10.1155/2010/157939')
    expect(value.text.largestText).toBeTruthy()

    const locked = fixture('broken/pdfjs_issue6010_1_encrypted_password_abc.pdf')
    const lockedStored = await call(h, 'attachments.store', { name: 'locked.pdf', data: locked.toString('base64'), withText: true })
    expect(lockedStored).toMatchObject({ ok: true, value: { existed: false, textError: { code: 'PASSWORD_REQUIRED' } } })
    expect(lockedStored.value.text).toBeUndefined()
    expect(storedFiles().filter(f => String(f).endsWith('.pdf'))).toHaveLength(2)

    // a download cut off after 300 KB
    const cut = HINDAWI.subarray(0, 300_000)
    const damaged = await call(h, 'attachments.store', { name: 'cut.pdf', data: cut.toString('base64'), withText: true })
    expect(damaged).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'This PDF is damaged and cannot be read: Invalid PDF structure.' } })
    expect(storedFiles().filter(f => String(f).endsWith('.pdf'))).toHaveLength(2)
  })

  it('marks a scan without OCR as having no text layer', async () => {
    const h = handlers()
    const scan = fixture('scanned/jabref_scanned-image-only.pdf')
    const { value: stored } = await call(h, 'attachments.store', { name: 'scan.pdf', data: scan.toString('base64') })
    expect((await call(h, 'attachments.extractText', { hash: stored.hash })).value.hasTextLayer).toBe(false)
  })

  it('removes files on request, and only the ones named', async () => {
    const h = handlers()
    await call(h, 'attachments.store', { name: 'a.pdf', data: HINDAWI.toString('base64') })
    expect(await call(h, 'attachments.remove', { hashes: [HINDAWI_SHA, 'c'.repeat(64)] })).toEqual({ ok: true, value: { removed: 1 } })
    expect(await call(h, 'attachments.read', { hash: HINDAWI_SHA })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('shows and opens the stored file on the desktop; the web edition says it cannot', async () => {
    const desktop = handlers('desktop')
    await call(desktop, 'attachments.store', { name: 'a.pdf', data: HINDAWI.toString('base64') })
    expect((await call(desktop, 'attachments.show', { hash: HINDAWI_SHA })).ok).toBe(true)
    expect((await call(desktop, 'attachments.open', { hash: HINDAWI_SHA })).ok).toBe(true)
    expect(shown).toEqual([path.join(dataDir, 'attachments', HINDAWI_SHA.slice(0, 2), `${HINDAWI_SHA}.pdf`)])
    expect(opened).toEqual(shown)

    const web = handlers('web')
    expect(await call(web, 'attachments.show', { hash: HINDAWI_SHA })).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED', message: expect.stringMatching(/download/) }
    })
    expect(await call(web, 'attachments.open', { hash: HINDAWI_SHA })).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } })
  })

  it('checks base64 before decoding it', () => {
    expect(Buffer.from(fromBase64(Buffer.from('%PDF-1.4').toString('base64'))).toString()).toBe('%PDF-1.4')
    expect(() => fromBase64('')).toThrow(/empty/)
    expect(() => fromBase64('abc')).toThrow(/base64/)
  })
})
