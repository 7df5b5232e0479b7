// Format a manuscript: open it, review what does not resolve, and write a new
// copy whose citations are live fields in the chosen style. The same path
// re-formats a document that already has fields (Neuroref's, Zotero's or
// Mendeley's): their embedded paper data is formatted again.
import type { CslRecord } from '@citation-js/core'
import type { ExportItem } from '../export/bibtex-fields'
import { styleCslId, styleOrThrow } from '../export/styles'
import { ServiceError } from '../result'
import { formatCitations, isNoteStyle, type CitationToFormat } from './cite-engine'
import { openDocument } from './container'
import { readDocx } from './docx'
import { readOdt } from './odt'
import { newCitationId, type CslCitation } from './field-codes'
import type { ManuscriptFile } from './model'
import { resolveCitations, type Choices, type Problem, type Resolution } from './resolve'
import { prefsAfterFormatting } from './document-prefs'

export type { ManuscriptFile } from './model'
export type { Problem, Choices } from './resolve'

export function openManuscript(bytes: Uint8Array, name: string): ManuscriptFile {
  const pkg = openDocument(bytes, name)
  return pkg.kind === 'docx' ? readDocx(pkg) : readOdt(pkg)
}

export interface ManuscriptReview {
  citations: number
  /** distinct papers cited that resolved */
  papers: number
  problems: Problem[]
}

export function reviewManuscript(file: ManuscriptFile, library: ExportItem[], choices: Choices = {}): ManuscriptReview {
  const resolution = resolveCitations(file.citations, library, choices)
  return { citations: file.citations.length, papers: resolution.records.size, problems: resolution.problems }
}

export interface FormatOptions {
  choices?: Choices
  /** CSL locale; the style's own by default */
  lang?: string
  /** heading above a bibliography the document gives no place */
  heading?: string
  /** where the work is: each citation formatted, then writing the copy */
  onProgress?: (progress: FormatProgress) => void
}

export type FormatProgress = { stage: 'citations'; done: number; total: number } | { stage: 'writing' }

export interface FormattedDocument {
  bytes: Uint8Array
  fileName: string
  mimeType: string
  citations: number
  papers: number
}

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text'
}

/** "Draft.docx" in APA → "Draft (APA 7th edition).docx" */
function formattedFileName(name: string, styleLabel: string): string {
  const dot = name.lastIndexOf('.')
  const base = (dot > 0 ? name.slice(0, dot) : name).replace(/ \([^()]*\)$/, '')
  const ext = dot > 0 ? name.slice(dot) : ''
  return `${base} (${styleLabel.replace(/[\\/:*?"<>|]+/g, ' ').trim()})${ext}`
}

function toFormat(file: ManuscriptFile, resolution: Resolution, note: boolean): CitationToFormat[] {
  return file.citations.map(citation => ({
    citationID: citation.id,
    noteIndex: note ? citation.noteIndexInNoteStyle : citation.noteIndex,
    items: (resolution.citations.get(citation.id) ?? []).map(item => ({
      id: item.recordId,
      locator: item.locator,
      label: item.label,
      prefix: item.prefix,
      suffix: item.suffix,
      suppressAuthor: item.suppressAuthor
    }))
  }))
}

function codesFor(file: ManuscriptFile, resolution: Resolution, formatted: ReturnType<typeof formatCitations>, note: boolean): Map<string, CslCitation> {
  const codes = new Map<string, CslCitation>()
  for (const citation of file.citations) {
    const shown = formatted.citations.get(citation.id)
    if (!shown) continue
    const citationItems = (resolution.citations.get(citation.id) ?? []).map(item => {
      const itemData = resolution.records.get(item.recordId) as CslRecord
      const out: CslCitation['citationItems'][number] = { id: item.recordId, uris: [], itemData }
      if (item.locator) {
        out.locator = item.locator
        out.label = item.label ?? 'page'
      }
      if (item.prefix) out.prefix = item.prefix
      if (item.suffix) out.suffix = item.suffix
      if (item.suppressAuthor) out['suppress-author'] = true
      return out
    })
    codes.set(citation.id, {
      citationID: citation.embedded?.citationID || newCitationId(),
      properties: { formattedCitation: shown.html, plainCitation: shown.text, noteIndex: note ? citation.noteIndexInNoteStyle : citation.noteIndex },
      citationItems
    })
  }
  return codes
}

/**
 * The formatted copy. Refuses (nothing written) while any citation does not
 * resolve: the review must settle each first.
 */
export function formatManuscript(file: ManuscriptFile, library: ExportItem[], styleId: string, opts: FormatOptions = {}): FormattedDocument {
  const style = styleOrThrow(styleId)
  const resolution = resolveCitations(file.citations, library, opts.choices)
  if (resolution.problems.length) {
    const [first] = resolution.problems
    const more = resolution.problems.length > 1 ? ` (and ${resolution.problems.length - 1} more)` : ''
    throw new ServiceError('INVALID_INPUT', `Nothing was written: ${first.message} In: “${first.sentence}”${more}`)
  }
  if (file.citations.length === 0) {
    throw new ServiceError('INVALID_INPUT', `“${file.name}” has no citations to format: type [@key], [PMID:…] or {Author, year} where a citation goes.`)
  }
  const records = [...resolution.records.values()]
  // a note style puts body citations into new footnotes, which changes the note numbers
  const progress = opts.onProgress
  const formatted = formatCitations(
    style.id,
    records,
    toFormat(file, resolution, isNoteStyle(style.id)),
    opts.lang,
    'auto',
    progress && ((done, total) => progress({ stage: 'citations', done, total }))
  )
  progress?.({ stage: 'writing' })
  const codes = codesFor(file, resolution, formatted, formatted.note)
  const prefs = prefsAfterFormatting(
    file.prefs,
    { cslId: styleCslId(style.id), locale: opts.lang ?? style.locale, hasBibliography: formatted.bibliography.length > 0, note: formatted.note },
    file.kind
  )
  const bytes = file.write({ formatted, codes, heading: opts.heading ?? 'References', prefs })
  return { bytes, fileName: formattedFileName(file.name, style.label), mimeType: MIME[file.kind], citations: file.citations.length, papers: records.length }
}
