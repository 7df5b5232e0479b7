// Finds a paper's own DOI in what a PDF says about itself: its metadata and
// the text of its first pages (extracted elsewhere; this file is pure).
//
// Where we look, in order:
//  1. metadata fields meant for the DOI (prism:doi, doi, dc:identifier, …),
//     then free-text fields publishers fill with a citation line (Subject,
//     dc:description, Title, Keywords): BMC writes "… 2010 4:1. doi:10.1186/…".
//  2. page 1: its first DOI that is not inside a reference list. The front
//     page prints the paper's own DOI near the top, before any cited work.
//  3. later pages, only where a page presents the paper's own DOI:
//     - introduced by a "Cite this article as" line (BMC prints it after
//       the references on the last page), or
//     - in the running header/footer lines of a page, outside the reference
//       list, or repeated in the header/footer of two or more pages.
//     A DOI in the body of a later page (a data set, a cited work) or in the
//     reference list is someone else's, so it never wins.
// When the only DOIs are those of cited works, the answer is "none": a wrong
// DOI would import another paper's record, which is worse than asking.
import { DOI_PREFIX_PATTERN, normaliseDoi } from '../identifiers'

export interface PdfTextForDoi {
  metadata?: Record<string, string | undefined>
  /** Text of the first pages, in order, page 1 first. */
  pages: string[]
}

export interface FoundDoi {
  /** Lower-case DOI, as normaliseDoi gives it. */
  doi?: string
  /** Where it was found: 'metadata (prism:doi)', 'page 1', 'page 4, beside "Cite this article"', 'page 2, running header or footer'. */
  where?: string
}

// Metadata keys that hold the DOI itself (lower-case); Wiley's
// pdfx:wps-journaldoi is the journal's DOI, so keys are listed, not guessed.
const DOI_KEYS = ['prism:doi', 'doi', 'pdfx:doi', 'crossmark:doi', 'pdfx:wps-articledoi', 'dc:identifier', 'prism:url']
// Free-text metadata that sometimes carries a citation line with the DOI.
const TEXT_KEYS = ['subject', 'dc:description', 'title', 'dc:title', 'keywords', 'pdf:keywords', 'dc:subject']

// A heading that opens the reference list, alone on its line ("References",
// "7. REFERENCES", ACM's small-caps "R EFERENCES", "Literature Cited" …).
// Not a bare "Literature": BMC's title wraps to leave "literature" alone on a line.
const REFERENCES_HEADING_RE =
  /^[ \t]*(?:\d{1,2}\.?[ \t]+)?(?:r[ \t]?eferences?(?:[ \t]+(?:and[ \t]+notes|cited))?|bibliography|literature[ \t]+cited|works[ \t]+cited|reference[ \t]+list)[ \t]*:?[ \t]*$/gim
const CITE_THIS_RE = /cite this (?:article|paper) as|please cite this|to cite this (?:article|paper)|how to cite/gi
// How far (characters) a "Cite this article" line may sit from the DOI it introduces.
const CITE_REACH = 250
// Lines at the top and bottom of a page that hold running headers and footers.
const HEADER_FOOTER_LINES = 3

// A DOI candidate in extracted text. It may directly follow letters ("DOI10.1"
// when the extractor dropped the space) but not a digit or dot ("110.1234/").
const DOI_START = `(?<![0-9.])${DOI_PREFIX_PATTERN}/`
const DOI_CANDIDATE_RE = new RegExp(`${DOI_START}[^\\s"<>]+`, 'g')
const CUT_AFTER_PREFIX_RE = new RegExp(`(${DOI_START})[ \\t]*\\n[ \\t]*(?=[0-9A-Za-z(])`, 'g')
const CUT_AFTER_PUNCTUATION_RE = new RegExp(`(${DOI_START}[^\\s"<>]*[._/-])[ \\t]*\\n[ \\t]*(?=[0-9a-z])`, 'g')
const CUT_BEFORE_DOT_RE = new RegExp(`(${DOI_START}[^\\s"<>]+)[ \\t]*\\n[ \\t]*(?=\\.[0-9a-z])`, 'g')

interface Hit {
  doi: string
  page: number
  /** Offset in the page's cleaned text. */
  start: number
  inReferences: boolean
  inHeaderFooter: boolean
  besideCiteLine: boolean
}

/** The paper's own DOI, or `{}` when the PDF does not say it (see the rules above). */
export function findDoiInPdfText(input: PdfTextForDoi): FoundDoi {
  return fromMetadata(input.metadata ?? {}) ?? fromPages(input.pages) ?? {}
}

function fromMetadata(metadata: Record<string, string | undefined>): FoundDoi | undefined {
  const byKey = new Map<string, [string, string]>()
  for (const [key, value] of Object.entries(metadata)) {
    if (value) byKey.set(key.toLowerCase(), [key, value])
  }
  for (const wanted of [...DOI_KEYS, ...TEXT_KEYS]) {
    const entry = byKey.get(wanted)
    const doi = entry && normaliseDoi(cleanText(entry[1]))
    if (doi) return { doi, where: `metadata (${entry[0]})` }
  }
  return undefined
}

function fromPages(pages: string[]): FoundDoi | undefined {
  const hits = collectHits(pages)
  const headerFooterPages = new Map<string, Set<number>>()
  for (const hit of hits) {
    if (hit.inHeaderFooter) headerFooterPages.set(hit.doi, (headerFooterPages.get(hit.doi) ?? new Set()).add(hit.page))
  }
  for (const hit of hits) {
    const where = `page ${hit.page}`
    if (hit.page === 1 && !hit.inReferences) return { doi: hit.doi, where }
    if (hit.besideCiteLine) return { doi: hit.doi, where: `${where}, beside "Cite this article"` }
    const repeated = (headerFooterPages.get(hit.doi)?.size ?? 0) >= 2
    if (hit.inHeaderFooter && (!hit.inReferences || repeated)) return { doi: hit.doi, where: `${where}, running header or footer` }
  }
  return undefined
}

/** Every DOI in the pages, in reading order, with what surrounds it. */
function collectHits(pages: string[]): Hit[] {
  const hits: Hit[] = []
  let referencesStarted = false // a reference list runs on over the following pages
  pages.forEach((rawText, index) => {
    const text = joinBrokenDois(cleanText(rawText))
    const referencesFrom = referencesStarted ? 0 : referencesHeadingAt(text)
    referencesStarted ||= referencesFrom < text.length
    const [headerEnd, footerStart] = headerFooterBounds(text)
    const onPage: Hit[] = []
    for (const match of text.matchAll(DOI_CANDIDATE_RE)) {
      const doi = normaliseDoi(match[0])
      if (!doi) continue
      const start = match.index
      const end = start + match[0].length
      onPage.push({
        doi,
        start,
        page: index + 1,
        inReferences: start >= referencesFrom,
        inHeaderFooter: end <= headerEnd || start >= footerStart,
        besideCiteLine: false
      })
    }
    markNearestToCiteLines(text, onPage)
    hits.push(...onPage)
  })
  return hits
}

/**
 * The DOI a "Cite this article as" line introduces: the first one after it
 * within reach (most publishers), else the nearest one just before it (BMC
 * prints "doi:…" on the line above).
 */
function markNearestToCiteLines(text: string, hits: Hit[]): void {
  for (const marker of text.matchAll(CITE_THIS_RE)) {
    const after = hits.find(hit => hit.start > marker.index && hit.start - marker.index <= CITE_REACH)
    const before = hits.filter(hit => hit.start < marker.index && marker.index - hit.start <= CITE_REACH).at(-1)
    const introduced = after ?? before
    if (introduced) introduced.besideCiteLine = true
  }
}

/** Where the reference list starts on this page (text length when it does not). */
function referencesHeadingAt(text: string): number {
  REFERENCES_HEADING_RE.lastIndex = 0
  return REFERENCES_HEADING_RE.exec(text)?.index ?? text.length
}

/** End of the first lines and start of the last lines of a page (character offsets). */
function headerFooterBounds(text: string): [number, number] {
  const lineStarts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1)
  const lines = lineStarts.length
  if (lines <= 2 * HEADER_FOOTER_LINES) return [text.length, 0] // a page this short is all header
  return [lineStarts[HEADER_FOOTER_LINES], lineStarts[lines - HEADER_FOOTER_LINES]]
}

/**
 * Undoes what typesetting and text extraction do to DOIs: typographic hyphens
 * (U+2010, U+2011), soft hyphens and zero-width spaces, no-break spaces.
 */
function cleanText(text: string): string {
  return text
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/\r\n?/g, '\n')
}

/**
 * Joins a DOI that a line break cut in two. Only where the cut is plain:
 * the prefix ends the line ("10.1002/" + "spe.3169"), the line ends in
 * "." "-" "_" "/" inside the suffix and the next line goes on with a digit
 * or lower-case letter ("j.neuron." + "2020.01.001"), or the next line
 * begins with ".digits". A capital after "." starts a sentence, so a DOI
 * ending a sentence is never glued to the next one.
 */
function joinBrokenDois(text: string): string {
  return text.replace(CUT_AFTER_PREFIX_RE, '$1').replace(CUT_AFTER_PUNCTUATION_RE, '$1').replace(CUT_BEFORE_DOT_RE, '$1')
}
