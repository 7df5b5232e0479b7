// Every way a bibliography leaves Neuroref: files for other tools (BibTeX,
// BibLaTeX, RIS, CSL-JSON), formatted references in a CSL style (text, HTML,
// RTF) and citations, by style or by key (LaTeX \cite, Pandoc [@key]).
import { Cite, plugins, type CslRecord } from '@citation-js/core'
import '@citation-js/plugin-csl'
import { exportBibtex, citationKeys } from './bibtex'
import { exportBiblatex } from './biblatex'
import type { ExportItem } from './bibtex-fields'
import { cslRecords, exportCslJson } from './csl-items'
import { exportRis } from './ris'
import { DEFAULT_STYLE, styleOrThrow } from './styles'

export type DataFormat = 'bibtex' | 'biblatex' | 'ris' | 'csl-json'
export type StyledOutput = 'text' | 'html' | 'rtf'
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

/** What a saved file is called and how the browser should treat it. */
export const FILE_TYPES: Record<DataFormat | StyledOutput, { label: string; extension: string; mimeType: string }> = {
  bibtex: { label: 'BibTeX', extension: 'bib', mimeType: 'application/x-bibtex' },
  biblatex: { label: 'BibLaTeX', extension: 'bib', mimeType: 'application/x-bibtex' },
  ris: { label: 'RIS', extension: 'ris', mimeType: 'application/x-research-info-systems' },
  'csl-json': { label: 'CSL-JSON', extension: 'json', mimeType: 'application/vnd.citationstyles.csl+json' },
  text: { label: 'plain text', extension: 'txt', mimeType: 'text/plain' },
  html: { label: 'HTML', extension: 'html', mimeType: 'text/html' },
  rtf: { label: 'RTF', extension: 'rtf', mimeType: 'application/rtf' }
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
  return new Cite(records).format(kind, engineOptions(opts))
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
  switch (opts.output ?? 'text') {
    case 'html': {
      const body = styled(records, 'bibliography', opts)
      return `<!DOCTYPE html>\n<html>\n<head><meta charset="utf-8"><title>Bibliography</title></head>\n<body>\n${body}\n</body>\n</html>\n`
    }
    case 'rtf':
      return records.length ? rtfDocument(records, opts) : ''
    default:
      return styled(records, 'bibliography', opts)
  }
}

/**
 * citeproc's RTF runs the entries together in a bare "{\rtf …}" group; Word
 * and LibreOffice want the RTF version, a character set and one paragraph
 * per entry.
 */
function rtfDocument(records: CslRecord[], opts: StyledOptions): string {
  const entries = plugins.output.format('bibliography', records, {
    ...engineOptions(opts),
    format: 'rtf',
    asEntryArray: true
  }) as [string, string][]
  const paragraphs = entries.map(([, entry]) => `${entry.trim()}\\par`)
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
