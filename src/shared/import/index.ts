// Reading another reference manager's file: bytes and a file name in, the
// records it holds (and what could not be read) out. Pure TypeScript, so the
// renderer can import a dropped file without a round trip to main.
import { ServiceError } from '../result'
import { parseBibtex } from './bibtex'
import { cslItemsOf, parseCslJson } from './csl-json'
import { decodeBibliography, type DecodedText } from './decode'
import { looksLikeEndnoteXml, parseEndnoteXml } from './endnote-xml'
import type { ImportFormat, ImportResult, ImportedRecord, ParsedFile, RecordSink } from './imported-record'
import { parseMedline } from './nbib'
import { looksLikeMedline } from './nbib-records'
import { looksLikeRis, parseRis } from './ris'

export type { ImportFormat, ImportResult, ImportedRecord, RecordSink } from './imported-record'

/** BibTeX, RIS and MEDLINE hand their records to a sink as they convert them; the other readers return them all, then they are handed over. */
const PARSERS: Record<ImportFormat, (text: string, sink?: RecordSink) => ParsedFile> = {
  bibtex: parseBibtex,
  ris: parseRis,
  nbib: parseMedline,
  'csl-json': parseCslJson,
  'endnote-xml': parseEndnoteXml
}

const EXTENSIONS: Record<string, ImportFormat> = {
  bib: 'bibtex',
  bibtex: 'bibtex',
  biblatex: 'bibtex',
  ris: 'ris',
  nbib: 'nbib',
  medline: 'nbib',
  json: 'csl-json',
  csl: 'csl-json',
  xml: 'endnote-xml'
}

// How much of a file the binary check reads: enough to reach a PDF's first stream.
const BINARY_SAMPLE = 65536

/** With `opts.sink`, the records go there as they are read, and the result's records are empty. */
export function readBibliographyFile(bytes: Uint8Array, fileName: string, opts: { encoding?: string; sink?: RecordSink } = {}): ImportResult {
  const notABibliography = new ServiceError(
    'INVALID_INPUT',
    `${fileName} is not a bibliography file Neuroref can read (BibTeX, RIS, MEDLINE/.nbib, CSL-JSON or EndNote XML).`
  )
  const decoded = decode(bytes, opts.encoding)
  if (!decoded.text.trim() || looksBinary(decoded.text)) throw notABibliography

  const sniffed = formatOfContent(decoded.text)
  const format = sniffed ?? EXTENSIONS[extensionOf(fileName)]
  if (!format) throw notABibliography
  let handedOver = 0
  const given = opts.sink
  const sink = given && {
    total: (count: number) => given.total(count),
    record(record: ImportedRecord) {
      handedOver++
      given.record(record)
    }
  }
  const parsed = PARSERS[format](decoded.text, sink)
  // Nothing recognised at all: the file only had the right name.
  if (!parsed.records.length && !handedOver && (!sniffed || !parsed.problems.length)) throw notABibliography
  if (sink && parsed.records.length) {
    sink.total(parsed.records.length)
    for (const record of parsed.records) sink.record(record)
    parsed.records = []
  }
  const problems = [...decoded.problems, ...parsed.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
  return { format, encoding: decoded.encoding, records: parsed.records, problems }
}

/** The format the text itself shows, most distinctive first. */
function formatOfContent(text: string): ImportFormat | null {
  if (looksLikeEndnoteXml(text)) return 'endnote-xml'
  if (cslItemsOf(text)) return 'csl-json'
  if (looksLikeMedline(text)) return 'nbib'
  if (looksLikeRis(text)) return 'ris'
  // [ \t]* rather than \s*: \s* at every line start re-scanned all the blank lines below it (1 MB of them: minutes)
  if (/^[ \t]*@\s*[A-Za-z]+\s*[{(]/m.test(text)) return 'bibtex'
  return null
}

function decode(bytes: Uint8Array, encoding: string | undefined): DecodedText {
  try {
    return decodeBibliography(bytes, encoding)
  } catch (error) {
    throw new ServiceError('INVALID_INPUT', error instanceof Error ? error.message : String(error))
  }
}

/** PDFs, images and other binary files: control characters that no text file has. */
function looksBinary(text: string): boolean {
  if (text.startsWith('%PDF-')) return true
  const sample = text.slice(0, BINARY_SAMPLE)
  const controls = sample.match(/[\x00-\x08\x0e-\x1a\x1c-\x1f\ufffd]/g)?.length ?? 0
  return controls > sample.length * 0.01
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase()
}
