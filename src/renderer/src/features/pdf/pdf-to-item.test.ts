// PDF → item with main's real handlers (attachment store in a temp folder,
// pdf.js, the HTTP client) against the replay server answering from the
// recorded responses of e2e/fixtures/. None of the article PDFs' DOIs has a
// recorded Crossref work (crossref/SOURCES.md), so a found DOI cannot be
// looked up here: the item falls back to "Needs metadata", and pasting a DOI
// the replay knows fills it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { loadPubmedCorpus, ncbiRoutes } from '../../../../../e2e/replay/ncbi-corpus'
import { crossrefWorkRoutes, replayEnvironment } from '../../../../../e2e/replay/recorded'
import { startReplayServer, type ReplayServer } from '../../../../../e2e/replay/server'
import { CHANNELS, type NeurorefApi } from '@shared/contract'
import { createNcbiAwareHttpClient } from '../../../../main/app'
import { readConfig } from '../../../../main/config'
import { createHandlers } from '../../../../main/channels'
import { invokeChannel } from '../../../../main/invoke'
import { addRecordToLibrary } from '../../library/add-paper'
import { openLibrary, type NeurorefDb } from '../../library/schema'
import { attachmentsOf } from '../../library/attachments'
import { fillFromIdentifier, needsMetadata } from './needs-metadata'
import { addPdfAsItem } from './pdf-to-item'

const FIXTURES = path.resolve(import.meta.dirname, '../../../../../e2e/fixtures')
const pdf = (name: string) => ({ name: path.basename(name), bytes: new Uint8Array(readFileSync(path.join(FIXTURES, 'pdf', name))) })
const KNOWN_DOI = '10.1371/journal.pone.0033693'

let replay: ReplayServer
let dataDir: string
let db: NeurorefDb
let api: NeurorefApi

beforeAll(async () => {
  replay = await startReplayServer([...crossrefWorkRoutes(), ...ncbiRoutes(loadPubmedCorpus())])
})
afterAll(() => replay.close())
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'neuroref-pdf-item-'))
  const config = readConfig({ ...replayEnvironment(replay.url), NEUROREF_DATA_DIR: dataDir })
  const handlers = createHandlers({
    config,
    http: createNcbiAwareHttpClient(config, { retries: 0 }),
    platform: { edition: 'web', saveFile: async () => null, openExternal: async () => undefined },
    version: 'test'
  })
  api = Object.fromEntries(CHANNELS.map(c => [c, (arg: unknown) => invokeChannel(handlers, c, arg)])) as unknown as NeurorefApi
  db = openLibrary(`pdf-item-${Math.random()}`)
})
afterEach(async () => {
  await db.delete()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('PDF → item', () => {
  it('finds the DOI, reports the failed lookup, and makes a Needs metadata item titled from page 1', async () => {
    const calls: string[] = []
    const counted = Object.fromEntries(CHANNELS.map(c => [c, (arg: unknown) => (calls.push(c), api[c](arg as never))])) as unknown as NeurorefApi
    const outcome = await addPdfAsItem(pdf('articles/cambridge_intpsychogeriatr_2014_S1041610213001804.pdf'), { api: counted, db })
    // two calls to main: store and read the PDF in one parse, then look the DOI up
    expect(calls).toEqual(['attachments.store', 'lookup.identifiers'])
    expect(outcome.status).toBe('needs-metadata')
    if (outcome.status !== 'needs-metadata') return
    expect(outcome.reason).toMatch(/^The DOI 10\.1017\/s1041610213001804 was found in the PDF but could not be looked up/)
    // Its Title metadata is an internal id (ipg1300180a); the largest text on page 1 is the real title.
    expect(outcome.title).toBe('Stressful life events are not associated with the development of dementia')
    const item = (await db.items.get(outcome.itemId))!
    expect(needsMetadata(item)).toBe(true)
    expect(item.doi).toBe('10.1017/s1041610213001804')
    const [attachment] = await attachmentsOf(db, item.id)
    expect(attachment.fileName).toBe('cambridge_intpsychogeriatr_2014_S1041610213001804.pdf')
    // the pages read to find the DOI are the paper's full text: every page, kept at once
    const text = await db.fullTexts.get(attachment.id)
    expect(text?.pages.length).toBeGreaterThan(5)
    expect(text?.pages.join(' ')).toMatch(/Stressful life events/)
  })

  it('fills a Needs metadata item from a pasted DOI and drops the flag, keeping the PDF', async () => {
    const outcome = await addPdfAsItem(pdf('articles/hindawi_rrp_2010_157939.pdf'), { api, db })
    if (outcome.status !== 'needs-metadata') throw new Error(outcome.status)
    const filled = await fillFromIdentifier(outcome.itemId, `https://doi.org/${KNOWN_DOI}`, { api, db })
    expect(filled).toMatchObject({ ok: true, itemId: outcome.itemId, merged: false })
    const item = (await db.items.get(outcome.itemId))!
    expect(needsMetadata(item)).toBe(false)
    expect(item.doi).toBe(KNOWN_DOI)
    expect(item.csl.title).not.toMatch(/Heart Failure/)
    expect(await attachmentsOf(db, item.id)).toHaveLength(1)
  })

  it('moves the PDF to the paper already in the library instead of keeping two items', async () => {
    const { item: existing } = await addRecordToLibrary(db, { csl: { type: 'article-journal', title: 'Known paper' }, doi: KNOWN_DOI, sources: ['crossref'] })
    const outcome = await addPdfAsItem(pdf('articles/hindawi_rrp_2010_157939.pdf'), { api, db })
    if (outcome.status !== 'needs-metadata') throw new Error(outcome.status)
    expect(await fillFromIdentifier(outcome.itemId, KNOWN_DOI, { api, db })).toMatchObject({ ok: true, itemId: existing.id, merged: true })
    expect(await db.items.get(outcome.itemId)).toBeUndefined()
    expect(await attachmentsOf(db, existing.id)).toHaveLength(1)
  })

  it('refuses a file that is not a PDF and a damaged PDF, storing and adding nothing', async () => {
    const notPdf = await addPdfAsItem({ name: 'notes.pdf', bytes: new TextEncoder().encode('<html>Download</html>') }, { api, db })
    expect(notPdf).toEqual({ fileName: 'notes.pdf', status: 'failed', reason: 'notes.pdf is not a PDF file.' })
    // A download cut off after 300 KB: pdf.js cannot read it (the files in broken/ all open, repaired).
    const cut = pdf('articles/hindawi_rrp_2010_157939.pdf')
    const damaged = await addPdfAsItem({ name: 'cut.pdf', bytes: cut.bytes.slice(0, 300_000) }, { api, db })
    expect(damaged).toEqual({ fileName: 'cut.pdf', status: 'failed', reason: 'This PDF is damaged and cannot be read: Invalid PDF structure.' })
    expect(await db.items.count()).toBe(0)
  })

  it('makes an item for a password-protected PDF, titled from its file name', async () => {
    const outcome = await addPdfAsItem(pdf('broken/pdfjs_issue6010_1_encrypted_password_abc.pdf'), { api, db })
    expect(outcome).toMatchObject({
      status: 'needs-metadata',
      title: 'pdfjs_issue6010_1_encrypted_password_abc',
      reason: 'This PDF is protected by a password.',
      textError: { code: 'PASSWORD_REQUIRED' }
    })
    if (outcome.status === 'failed') return
    expect(await db.fullTexts.get(outcome.attachment.id)).toBeUndefined()
  })
})
