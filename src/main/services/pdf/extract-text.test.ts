// pdf.js text extraction on the real PDFs of e2e/fixtures/pdf/ (see its
// SOURCES.md), and the DOI that findDoiInPdfText finds in what comes out.
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { findDoiInPdfText } from '@shared/pdf/find-doi'
import { ServiceError } from '@shared/result'
import { extractPdfText, PASSWORD_NEEDED_MESSAGE, PASSWORD_WRONG_MESSAGE, PdfPasswordError } from './extract-text'

const PDF_DIR = path.resolve(import.meta.dirname, '../../../../e2e/fixtures/pdf')
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(PDF_DIR, name)))

async function errorOf(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(ServiceError)
  return error as ServiceError
}

// The DOI of each article as SOURCES.md lists it, with the page count and
// where the DOI turns up: from the metadata+pages, and from the pages alone.
const ARTICLES = [
  ['hindawi_rrp_2010_157939.pdf', '10.1155/2010/157939', 6, 'page 1', 'page 1'],
  ['cambridge_intpsychogeriatr_2014_S1041610213001804.pdf', '10.1017/S1041610213001804', 8, 'page 1', 'page 1'],
  ['portland_clinsci_2014_CS20130403.pdf', '10.1042/CS20130403', 13, 'page 1', 'page 1'],
  ['acm_icse2024_10.1145_3597503.3639130.pdf', '10.1145/3597503.3639130', 13, 'metadata (prism:doi)', 'page 1'],
  ['wiley_spe_2022_10.1002_spe.3169.pdf', '10.1002/spe.3169', 21, 'metadata (prism:doi)', 'page 1'],
  ['peerj_cs_2019_10.7717_peerj-cs.213.pdf', '10.7717/peerj-cs.213', 25, 'page 1', 'page 1'],
  // Its DOI is not on page 1: it is in the Subject metadata and on page 4 beside "Cite this article as".
  ['bmc_jtraumamanag_2010_doi_not_on_page1.pdf', '10.1186/1752-2897-4-1', 4, 'metadata (Subject)', 'page 4, beside "Cite this article"']
] as const

describe('real articles', () => {
  it('lists every article of the fixture folder', () => {
    expect(readdirSync(path.join(PDF_DIR, 'articles')).sort()).toEqual(ARTICLES.map(([file]) => file).sort())
  })

  it.each(ARTICLES)('%s: finds %s', async (file, doi, pageCount, where, whereInPages) => {
    const text = await extractPdfText(fixture(`articles/${file}`))
    expect(text.pageCount).toBe(pageCount)
    expect(text.pages).toHaveLength(Math.min(5, pageCount))
    expect(text.hasTextLayer).toBe(true)
    expect(findDoiInPdfText(text)).toEqual({ doi: doi.toLowerCase(), where })
    expect(findDoiInPdfText({ pages: text.pages })).toEqual({ doi: doi.toLowerCase(), where: whereInPages })
  })

  it('keeps the text and metadata a researcher would recognise', async () => {
    const text = await extractPdfText(fixture('articles/bmc_jtraumamanag_2010_doi_not_on_page1.pdf'), { maxPages: 1 })
    expect(text.pages[0]).toContain('Complications related to deep venous thrombosis\nprophylaxis in trauma')
    expect(text.metadata.Title).toBe('Complications related to deep venous thrombosis prophylaxis in trauma: a systematic review of the literature')
    expect(text.metadata['dc:creator']).toBe('Indraneel Datta; Chad G Ball; Lucas Rudmik; S Morad Hameed; John B Kortbeek')
    const cambridge = await extractPdfText(fixture('articles/cambridge_intpsychogeriatr_2014_S1041610213001804.pdf'), { maxPages: 1 })
    expect(cambridge.metadata.Title).toBe('ipg1300180a') // useless, and find-doi does not mistake it for anything
  })

  it('finds no DOI for the BMC article when only its first pages are read and its metadata is lost', async () => {
    const text = await extractPdfText(fixture('articles/bmc_jtraumamanag_2010_doi_not_on_page1.pdf'), { maxPages: 3 })
    expect(text.pages).toHaveLength(3)
    expect(findDoiInPdfText({ pages: text.pages })).toEqual({})
  })

  it('reads two PDFs at once and leaves the caller’s bytes intact', async () => {
    const hindawi = fixture('articles/hindawi_rrp_2010_157939.pdf')
    const [a, b] = await Promise.all([
      extractPdfText(hindawi, { maxPages: 1 }),
      extractPdfText(fixture('articles/portland_clinsci_2014_CS20130403.pdf'), { maxPages: 1 })
    ])
    expect([findDoiInPdfText(a).doi, findDoiInPdfText(b).doi]).toEqual(['10.1155/2010/157939', '10.1042/cs20130403'])
    expect(hindawi.byteLength).toBe(493_322)
    expect(Buffer.from(hindawi).equals(readFileSync(path.join(PDF_DIR, 'articles/hindawi_rrp_2010_157939.pdf')))).toBe(true)
  })

  it('measures how fast text comes out of every page of every article', async () => {
    await extractPdfText(fixture(`articles/${ARTICLES[0][0]}`), { maxPages: 1 }) // pdf.js loaded before the clock starts
    let pages = 0
    const started = performance.now()
    for (const [file] of ARTICLES) pages += (await extractPdfText(fixture(`articles/${file}`), { maxPages: Infinity })).pages.length
    const seconds = (performance.now() - started) / 1000
    console.log(`PDF text extraction: ${pages} pages of ${ARTICLES.length} articles in ${seconds.toFixed(2)} s = ${(pages / seconds).toFixed(0)} pages/s`)
    expect(pages).toBe(90)
  }, 60_000)
})

// What pdf.js makes of each damaged or odd file: it repairs most of them, so
// the researcher gets the text there is; the rest give a sentence, never a
// crash or a hang.
const BROKEN: Record<string, { text: string } | { error: string }> = {
  'jabref_encrypted_660B.pdf': { error: PASSWORD_NEEDED_MESSAGE },
  'pdfjs_issue6010_1_encrypted_password_abc.pdf': { error: PASSWORD_NEEDED_MESSAGE },
  'pdfjs_saslprep-r6_encrypted_password.pdf': { error: PASSWORD_NEEDED_MESSAGE },
  'pdfjs_GHOSTSCRIPT-698804-1-fuzzed.pdf': { text: '' },
  'pdfjs_bug1980958_bad_object_number.pdf': { text: '' },
  'pdfjs_empty_page.pdf': { text: '' },
  'pdfjs_empty_protected_owner_only.pdf': { text: '' }, // an owner password only restricts printing; it opens
  'pdfjs_helloworld-bad_wrong_startxref.pdf': { text: 'Hello, world!' },
  'pdfjs_issue15590_no_pages_js_openaction.pdf': { text: '' },
  'pdfjs_issue9105_truncated_header_no_trailer.pdf': { text: 'Adobe tweet' },
  'pdfjs_poppler-85140_claims_213M_pages.pdf': { text: '' },
  'pdfjs_xref_command_missing.pdf': { text: 'Reduced test-case' }
}

describe('broken, encrypted and empty files', () => {
  it('lists every file of the fixture folder', () => {
    expect(readdirSync(path.join(PDF_DIR, 'broken')).sort()).toEqual(Object.keys(BROKEN).sort())
  })

  it.each(Object.entries(BROKEN))('%s', async (file, expected) => {
    const started = performance.now()
    const outcome = await extractPdfText(fixture(`broken/${file}`)).then(
      text => ({ text: text.pages.join('').trim(), pageCount: text.pageCount, hasTextLayer: text.hasTextLayer }),
      (error: unknown) => error
    )
    expect(performance.now() - started).toBeLessThan(5_000)
    if ('error' in expected) {
      expect(outcome).toBeInstanceOf(PdfPasswordError)
      expect(outcome).toMatchObject({ code: 'PASSWORD_REQUIRED', message: expected.error, needsPassword: true, passwordWasWrong: false })
    } else {
      // A single page, whatever the page tree claims (poppler-85140 says 213,804,087).
      expect(outcome).toEqual({ text: expected.text, pageCount: 1, hasTextLayer: expected.text !== '' })
    }
  })

  it('opens an encrypted PDF with its password, and says so when the password is wrong', async () => {
    const bytes = fixture('broken/pdfjs_issue6010_1_encrypted_password_abc.pdf')
    expect((await extractPdfText(bytes, { password: 'abc' })).pages).toEqual(['Issue 6010'])
    const wrong = await errorOf(extractPdfText(bytes, { password: 'abd' }))
    expect(wrong).toMatchObject({ code: 'PASSWORD_REQUIRED', message: PASSWORD_WRONG_MESSAGE, needsPassword: true, passwordWasWrong: true })
    expect(wrong.message.startsWith(PASSWORD_NEEDED_MESSAGE)).toBe(true)
  })

  it('says a cut-off download is damaged', async () => {
    const cut = fixture('articles/hindawi_rrp_2010_157939.pdf').slice(0, 300_000)
    const error = await errorOf(extractPdfText(cut))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toBe('This PDF is damaged and cannot be read: Invalid PDF structure.')
  })

  it('says a web page saved as .pdf is not a PDF, and an empty file is empty', async () => {
    const html = new TextEncoder().encode('<!DOCTYPE html><html><body>Sign in to read this article</body></html>')
    expect(await errorOf(extractPdfText(html))).toMatchObject({ code: 'INVALID_INPUT', message: 'This file is not a PDF.' })
    expect(await errorOf(extractPdfText(new Uint8Array(0)))).toMatchObject({ code: 'INVALID_INPUT', message: 'This PDF is empty (0 bytes).' })
  })

  it('gives up with TIMEOUT when reading takes too long, and reads the next PDF normally', async () => {
    const error = await errorOf(extractPdfText(fixture('articles/wiley_spe_2022_10.1002_spe.3169.pdf'), { timeoutMs: 1 }))
    expect(error).toMatchObject({ code: 'TIMEOUT', message: 'Reading this PDF took longer than 1 ms; it may be damaged.' })
    expect((await extractPdfText(fixture('articles/hindawi_rrp_2010_157939.pdf'), { maxPages: 1 })).pages).toHaveLength(1)
  })
})

describe('a scan without OCR', () => {
  it('has no text layer', async () => {
    const text = await extractPdfText(fixture('scanned/jabref_scanned-image-only.pdf'))
    expect(text).toMatchObject({ pageCount: 1, hasTextLayer: false, pages: [''] })
    expect(findDoiInPdfText(text)).toEqual({})
  })
})
