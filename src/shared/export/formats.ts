// Every way a bibliography leaves Neuroref: files for other tools (BibTeX,
// BibLaTeX, RIS, CSL-JSON), formatted references in a CSL style (text, HTML,
// RTF) and citations, by style or by key (LaTeX \cite, Pandoc [@key]).
import { Cite, plugins, type CslRecord } from '@citation-js/core'
import '@citation-js/plugin-csl'
import './citeproc-shortcuts'
import { forListOnly } from './citeproc-list-only'
import { exportBibtex, citationKeys } from './bibtex'
import { exportBiblatex } from './biblatex'
import type { ExportItem } from './bibtex-fields'
import { cslRecords, exportCslJson } from './csl-items'
import { exportRis } from './ris'
import { DEFAULT_STYLE, styleOrThrow } from './styles'
import { withoutUnreadFields } from './unread-fields'
import { groupsOf, mergePieces, packGroups, pieceEntries, piecesAreExact, type PieceEntries } from './citeproc-pieces'
import type { DataFormat, StyledOutput } from './file-types'

export type ExportFormat = DataFormat | 'bibliography'

export interface ExportOptions {
  /** BibTeX/BibLaTeX: accents as LaTeX commands instead of UTF-8 */
  latexAccents?: boolean
  /** bibliography: CSL style id (see styles.ts) */
  style?: string
  /** bibliography: text (default), html or rtf */
  output?: StyledOutput
  /** bibliography: a CSL locale such as en-GB; the style's own by default */
  lang?: string
}

export function exportItems(items: ExportItem[], format: ExportFormat, opts: ExportOptions = {}): string {
  switch (format) {
    case 'bibtex':
      return exportBibtex(items, opts)
    case 'biblatex':
      return exportBiblatex(items, opts)
    case 'ris':
      return exportRis(items)
    case 'csl-json':
      return exportCslJson(items)
    case 'bibliography':
      return bibliographyFile(items, opts)
  }
}

interface StyledOptions {
  style?: string
  output?: StyledOutput
  lang?: string
  /** reference lists: called as citeproc writes each entry (progress) */
  onEntry?: () => void
  /** reference lists: records per citeproc run where pieces give the same text (500; tests use small pieces) */
  pieceSize?: number
}

/** citeproc's options for a style; the language is the style's own unless one is asked for. */
function engineOptions(opts: StyledOptions) {
  const style = styleOrThrow(opts.style ?? DEFAULT_STYLE)
  const { onEntry } = opts
  // citation-js calls `append` once per entry and appends what it returns: nothing, here.
  const perEntry = onEntry ? { append: () => (onEntry(), '') } : {}
  return { template: style.id, lang: opts.lang ?? style.locale, format: opts.output ?? 'text', ...perEntry }
}

function styled(records: CslRecord[], kind: 'bibliography' | 'citation', opts: StyledOptions): string {
  if (records.length === 0) return ''
  const format = (): string => new Cite(records).format(kind, engineOptions(opts))
  return kind === 'bibliography' ? forListOnly(format) : format()
}

/** The reference list in a style, as citeproc writes it (HTML is a fragment). */
export function formatBibliography(items: ExportItem[], opts: StyledOptions = {}): string {
  return styled(cslRecords(items), 'bibliography', opts)
}

/** One in-text citation of all the items together, e.g. "(Ferrer-Pérez et al., 2021)". */
export function formatCitation(items: ExportItem[], opts: StyledOptions = {}): string {
  return styled(cslRecords(items), 'citation', opts)
}

/** A whole file a word processor or browser opens as it is. */
function bibliographyFile(items: ExportItem[], opts: StyledOptions): string {
  return bibliographyOfRecords(cslRecords(items), opts)
}

/** The same file from CSL-JSON (what the bibliography worker is sent). */
export function bibliographyOfRecords(records: CslRecord[], opts: StyledOptions): string {
  return bibliographyFileOf(records, opts, () => inPieces(records, opts))
}

/** A reference list's entries in citeproc's order, with what citeproc writes before and after them. */
export interface MadeList {
  entries: string[]
  bibstart: string
  bibend: string
}

/** The file around a list; `madeInPieces` gives the list made in pieces, or undefined where it is made in one citeproc run. */
export function bibliographyFileOf(records: CslRecord[], opts: StyledOptions, madeInPieces: () => MadeList | undefined): string {
  const list = (): string => {
    if (!records.length) return ''
    const pieces = madeInPieces()
    return pieces ? pieces.bibstart + pieces.entries.join('') + pieces.bibend : styled(records, 'bibliography', opts)
  }
  switch (opts.output ?? 'text') {
    case 'html':
      return `<!DOCTYPE html>\n<html>\n<head><meta charset="utf-8"><title>Bibliography</title></head>\n<body>\n${list()}\n</body>\n</html>\n`
    case 'rtf':
      return records.length ? rtfDocument(records, opts, madeInPieces()) : ''
    default:
      return list()
  }
}

/** Records per citeproc run when a list is made in pieces: small enough to keep and redo, large enough that a run's setup does not count. */
export const PIECE_SIZE = 500

/** citeproc's style, language and output for a list made in pieces. */
export interface PieceStyle {
  template: string
  lang: string | undefined
  format: string
}

/** A long list to be made in pieces: the records as citeproc gets them, in groups of papers that cannot affect other groups' entries. */
export interface ListPlan {
  data: CslRecord[]
  groups: number[][]
  style: PieceStyle
}

/**
 * A long list's plan for pieces (citeproc-pieces.ts), or undefined for a
 * short list or a style whose entries depend on each other in other ways
 * (numbered styles), which are made in one run.
 */
export function planInPieces(records: CslRecord[], opts: StyledOptions): ListPlan | undefined {
  const { template, lang, format } = engineOptions(opts)
  const xml = plugins.config.get('@csl').templates.get(template)
  if (records.length <= (opts.pieceSize ?? PIECE_SIZE) || !xml || !piecesAreExact(xml)) return undefined
  // As Cite#format hands the records to citeproc (uncleaned names and dates make citeproc many times slower).
  const data = plugins.input.util.clean(new Cite(withoutUnreadFields(records, template)).data)
  return { data, groups: groupsOf(data), style: { template, lang, format } }
}

/** Pieces through citeproc on this thread, one after another. */
export function makePieces(pieces: CslRecord[][], style: PieceStyle, onEntry?: () => void): PieceEntries[] {
  return pieces.map(piece => pieceEntries(piece, style.template, style.lang, style.format, onEntry))
}

/** The entries made for a plan's groups, in the order one citeproc run over the whole list gives. */
export function listInOrder(plan: ListPlan, made: PieceEntries[]): MadeList {
  const { template, lang, format } = plan.style
  const order = new Map(plan.data.map((record, i) => [String(record.id), i]))
  return { entries: mergePieces(made, template, lang, format, order), bibstart: made[0].bibstart, bibend: made[0].bibend }
}

/** A long list made in pieces on this thread, in citeproc's order (undefined: made in one run). */
function inPieces(records: CslRecord[], opts: StyledOptions): MadeList | undefined {
  const plan = planInPieces(records, opts)
  if (!plan) return undefined
  const pieces = packGroups(plan.groups, Math.round(plan.data.length / (opts.pieceSize ?? PIECE_SIZE)))
  return listInOrder(
    plan,
    makePieces(
      pieces.map(piece => piece.map(i => plan.data[i])),
      plan.style,
      opts.onEntry
    )
  )
}

/**
 * citeproc's RTF runs the entries together in a bare "{\rtf …}" group; Word
 * and LibreOffice want the RTF version, a character set and one paragraph
 * per entry.
 */
function rtfDocument(records: CslRecord[], opts: StyledOptions, madeInPieces: MadeList | undefined): string {
  const rtf = { ...opts, output: 'rtf' as const }
  const entries =
    madeInPieces?.entries ??
    (plugins.output.format('bibliography', records, { ...engineOptions(rtf), asEntryArray: true }) as [string, string][]).map(([, entry]) => entry)
  const paragraphs = entries.map(entry => `${entry.trim()}\\par`)
  return `{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n${paragraphs.join('\n')}\n}\n`
}

/** LaTeX: \cite{key1,key2} (or biblatex's \parencite{…}) — the keys are those the BibTeX export writes. */
export function latexCite(items: ExportItem[], command: 'cite' | 'parencite' = 'cite'): string {
  return items.length ? `\\${command}{${citationKeys(items).join(',')}}` : ''
}

/** Pandoc / R Markdown / Quarto: [@key1; @key2]. */
export function pandocCite(items: ExportItem[]): string {
  return items.length
    ? `[${citationKeys(items)
        .map(key => `@${key}`)
        .join('; ')}]`
    : ''
}
