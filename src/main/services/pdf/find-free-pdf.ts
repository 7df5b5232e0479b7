// "Find available PDF": a free, legal copy of a paper. Unpaywall knows the
// open-access PDF of a DOI (best_oa_location.url_for_pdf); PubMed Central
// serves the PDF of every PMC article. The download goes through main's HTTP
// client and is stored only when it really is a PDF.
import type { FoundPdf } from '@shared/contract'
import { ServiceError } from '@shared/result'
import type { BinaryHttpClient } from '../http-types'
import type { AttachmentStore } from '../attachments/store'
import { safeFileName } from '@shared/file-name'

export interface FindFreePdfDeps {
  http: BinaryHttpClient
  store: AttachmentStore
  /** e.g. https://api.unpaywall.org/v2/ (ends in '/') */
  unpaywallUrl: string
  /** e.g. https://www.ncbi.nlm.nih.gov/pmc/articles/ (ends in '/') */
  pmcPdfUrl: string
  /** Unpaywall asks every caller for a contact address */
  email?: string
  signal?: AbortSignal
}

export interface PaperIds {
  doi?: string
  pmcid?: string
}

/** The part of Unpaywall's DOI object we read (https://unpaywall.org/data-format). */
interface UnpaywallWork {
  is_oa?: boolean
  best_oa_location?: { url_for_pdf?: string | null; url?: string | null } | null
}

export const LANDING_PAGE_MESSAGE = 'The publisher returned a web page instead of the PDF.'
const PDF_MAGIC = '%PDF-'

/** Tries Unpaywall (by DOI), then PubMed Central (by PMCID); the first real PDF is stored and returned. */
export async function findFreePdf(ids: PaperIds, deps: FindFreePdfDeps): Promise<FoundPdf> {
  if (!ids.doi && !ids.pmcid) throw new ServiceError('INVALID_INPUT', 'A DOI or a PMCID is needed to look for a free PDF.')
  const failures: ServiceError[] = []
  if (ids.doi) {
    try {
      const url = await unpaywallPdfUrl(ids.doi, deps)
      return await download(url, 'Unpaywall', fileNameFor(ids.doi), deps)
    } catch (error) {
      failures.push(asServiceError(error))
    }
  }
  if (ids.pmcid) {
    const pmcid = ids.pmcid.toUpperCase()
    try {
      return await download(`${deps.pmcPdfUrl}${encodeURIComponent(pmcid)}/pdf/`, 'PubMed Central', `${pmcid}.pdf`, deps)
    } catch (error) {
      failures.push(asServiceError(error))
    }
  }
  // The most telling failure: a landing page or a network problem says more than "no copy known".
  throw failures.find(f => f.message === LANDING_PAGE_MESSAGE) ?? failures.find(f => f.code !== 'NOT_FOUND') ?? failures[0]
}

async function unpaywallPdfUrl(doi: string, deps: FindFreePdfDeps): Promise<string> {
  if (!deps.email) {
    throw new ServiceError('INVALID_INPUT', 'Unpaywall needs a contact email: add yours in Settings to look for free PDFs by DOI.')
  }
  let work: UnpaywallWork
  try {
    const query = new URLSearchParams({ email: deps.email })
    work = await deps.http.getJson<UnpaywallWork>({ url: `${deps.unpaywallUrl}${encodeURIComponent(doi)}?${query}`, signal: deps.signal })
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'NOT_FOUND') {
      throw new ServiceError('NOT_FOUND', `Unpaywall does not know the DOI ${doi}.`)
    }
    throw error
  }
  const url = work?.best_oa_location?.url_for_pdf
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) {
    throw new ServiceError('NOT_FOUND', `Unpaywall knows no free PDF of ${doi}.`)
  }
  return url
}

async function download(url: string, source: string, fileName: string, deps: FindFreePdfDeps): Promise<FoundPdf> {
  const got = await deps.http.getBytes({ url, signal: deps.signal, timeoutMs: 60_000, headers: { Accept: 'application/pdf' } })
  if (!startsWithPdf(got.bytes)) {
    const html = /html/i.test(got.contentType) || /^\s*<(!doctype|html|head|body)/i.test(latin1(got.bytes.subarray(0, 512)))
    if (html) throw new ServiceError('BAD_RESPONSE', LANDING_PAGE_MESSAGE)
    throw new ServiceError('BAD_RESPONSE', `${source} sent a file that is not a PDF.`)
  }
  const stored = await deps.store.store(got.bytes, fileName)
  return { ...stored, source, url: got.url }
}

/** A download must begin with "%PDF-" (a leading byte-order mark or whitespace is allowed). */
function startsWithPdf(bytes: Uint8Array): boolean {
  return latin1(bytes.subarray(0, 1024))
    .replace(/^[\ufeff\s]+/, '')
    .startsWith(PDF_MAGIC)
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
}

/** 10.1155/2010/157939 → 10.1155_2010_157939.pdf (a DOI's slashes are not folders). */
function fileNameFor(doi: string): string {
  return safeFileName(doi.replace(/[\\/]+/g, '_'), { extension: '.pdf', fallback: 'document.pdf' })
}

function asServiceError(error: unknown): ServiceError {
  return error instanceof ServiceError ? error : new ServiceError('INTERNAL', String(error))
}
