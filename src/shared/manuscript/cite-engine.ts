// Formats a manuscript's citations in document order with citeproc-js (the
// engine inside @citation-js/plugin-csl): one pass over all citations, so
// numeric styles number by first citation and collapse ranges, author-date
// styles disambiguate, and note styles know which citations repeat.
import CSL, { type Citation, type Engine } from 'citeproc'
import { plugins, type CslRecord } from '@citation-js/core'
import { styleOrThrow } from '../export/styles'
import '../export/citeproc-shortcuts'
import { ServiceError } from '../result'
import { htmlToRuns, runsToText, type TextRun } from './rich-text'

export interface CitationToFormat {
  citationID: string
  items: { id: string; locator?: string; label?: string; prefix?: string; suffix?: string; suppressAuthor?: boolean }[]
  /** 0 in the body; the footnote's number for a citation in a note */
  noteIndex: number
}

export interface FormattedCitation {
  runs: TextRun[]
  text: string
  html: string
}

export interface BibliographyLayout {
  hangingIndent: boolean
  /** numbered entries: the number sits in a margin column */
  secondFieldAlign: boolean
  lineSpacing: number
  entrySpacing: number
}

export interface FormattedManuscript {
  /** note styles put citations into footnotes */
  note: boolean
  citations: Map<string, FormattedCitation>
  bibliography: { runs: TextRun[]; text: string }[]
  layout: BibliographyLayout
}

/** The style's rules (a dependent style's parent) and its language, from the registered styles. */
function styleRules(styleId: string): { xml: string; lang: string } {
  const style = styleOrThrow(styleId)
  const xml = plugins.config.get('@csl').templates.get(style.id)
  if (!xml) throw new ServiceError('NOT_FOUND', `The citation style “${style.label}” could not be loaded.`)
  return { xml, lang: style.locale }
}

function retrieveLocale(lang: string): string {
  const { locales } = plugins.config.get('@csl')
  return locales.get(lang) ?? locales.get(lang.replace('_', '-')) ?? locales.get('en-US') ?? ''
}

/** Whether the style puts citations in footnotes (CSL class="note"). */
export function isNoteStyle(styleId: string): boolean {
  return /<style\b[^>]*\bclass="note"/.test(styleRules(styleId).xml)
}

/** The paper data of the manuscript being formatted, read by the cached engines. */
let current = new Map<string, CslRecord>()

function retrieveItem(id: string): CslRecord {
  const record = current.get(String(id))
  if (!record) throw new ServiceError('INTERNAL', `No reference data for the cited item “${id}”.`)
  return record
}

// Building an engine parses the whole style (APA: seconds on a busy machine): keep one per style and language.
// With it, what it last rendered: the same papers cited again (a second run, a re-format in the same
// style) skip citeproc's registration, and a cluster cited twice is rendered once.
interface WarmEngine {
  engine: Engine
  /** the papers registered in first-cited order, as JSON: equal text means citeproc's state still holds */
  registered?: string
  clusters: Map<string, string>
  bibliography?: ReturnType<Engine['makeBibliography']>
}

const engines = new Map<string, WarmEngine>()

function engineFor(styleId: string, xml: string, lang: string): WarmEngine {
  const key = `${styleId}|${lang}`
  let warm = engines.get(key)
  if (!warm) {
    const engine = new CSL.Engine({ retrieveLocale, retrieveItem }, xml, lang, true)
    engine.opt.development_extensions.wrap_url_and_doi = false
    warm = { engine, clusters: new Map() }
    engines.set(key, warm)
  }
  return warm
}

/** Builds a style's engine ahead of the real work (APA's takes seconds), e.g. while the researcher reviews. */
export function warmStyle(styleId: string, lang?: string): void {
  const { xml, lang: styleLang } = styleRules(styleId)
  engineFor(styleId, xml, lang ?? styleLang)
}

/** How citations are run through citeproc: `full` tracks every citation's position; `fast` skips it where the style never asks. */
export type CiteMode = 'auto' | 'full'

/** Citations formatted so far, of all; called often, so callers throttle what they show. */
export type CiteProgress = (done: number, total: number) => void

/**
 * Each citation's HTML. citeproc's processCitationCluster re-reads all earlier
 * citations for each new one (300 citations: seconds). A style that never
 * asks for a citation's position (first, subsequent, ibid) does not need
 * that: registering every paper once in order of first citation numbers and
 * disambiguates them, and each cluster is then formatted on its own.
 */
function citationTexts(warm: WarmEngine, input: Citation[], xml: string, mode: CiteMode, onProgress?: CiteProgress): [string, string][] {
  const { engine } = warm
  const positional = engine.opt.xclass === 'note' || /\bposition=|et-al-subsequent/.test(xml)
  if (mode === 'full' || positional) {
    forget(warm)
    const all = engine.rebuildProcessorState(input, 'html').map(([id, , html]): [string, string] => [id, html])
    onProgress?.(input.length, input.length)
    return all
  }
  const firstCited = [...new Set(input.flatMap(citation => citation.citationItems.map(item => item.id)))]
  const registered = JSON.stringify(firstCited.map(id => current.get(id)))
  if (warm.registered !== registered) {
    // forget the items of an earlier manuscript: the same id may mean another paper now
    forget(warm)
    engine.updateItems(firstCited)
    warm.registered = registered
  }
  engine.setOutputFormat('html')
  return input.map((citation, index) => {
    const key = JSON.stringify(citation.citationItems)
    let html = warm.clusters.get(key)
    if (html === undefined) {
      html = engine.makeCitationCluster(citation.citationItems)
      warm.clusters.set(key, html)
    }
    onProgress?.(index + 1, input.length)
    return [citation.citationID, html]
  })
}

/** Unregisters every paper (rebuildProcessorState registers them in its own way; the next quick run starts afresh). */
function forget(warm: WarmEngine): void {
  warm.engine.updateItems([])
  warm.registered = undefined
  warm.clusters.clear()
  warm.bibliography = undefined
}

export function formatCitations(
  styleId: string,
  records: CslRecord[],
  citations: CitationToFormat[],
  lang?: string,
  mode: CiteMode = 'auto',
  onProgress?: CiteProgress
): FormattedManuscript {
  const { xml, lang: styleLang } = styleRules(styleId)
  const warm = engineFor(styleId, xml, lang ?? styleLang)
  const { engine } = warm
  current = new Map(records.map(record => [String(record.id), record]))
  const note = engine.opt.xclass === 'note'
  const input = citations.map(citation => ({
    citationID: citation.citationID,
    properties: { noteIndex: citation.noteIndex },
    citationItems: citation.items.map(item => {
      const out: { id: string; locator?: string; label?: string; prefix?: string; suffix?: string; 'suppress-author'?: boolean } = { id: item.id }
      if (item.locator) {
        out.locator = item.locator
        out.label = item.label ?? 'page'
      }
      if (item.prefix) out.prefix = `${item.prefix} `
      if (item.suffix) out.suffix = /^[,;.]/.test(item.suffix) ? item.suffix : ` ${item.suffix}`
      if (item.suppressAuthor) out['suppress-author'] = true
      return out
    })
  }))
  const formatted = new Map<string, FormattedCitation>()
  for (const [citationID, html] of citationTexts(warm, input, xml, mode, onProgress)) {
    const runs = htmlToRuns(html)
    formatted.set(citationID, { runs, text: runsToText(runs), html })
  }
  // the same registered papers give the same list
  const made = warm.registered !== undefined ? (warm.bibliography ??= engine.makeBibliography()) : engine.makeBibliography()
  const bibliography = made ? made[1].map(entry => htmlToRuns(entry)).map(runs => ({ runs, text: runsToText(runs) })) : []
  const params = made ? made[0] : undefined
  return {
    note,
    citations: formatted,
    bibliography,
    layout: {
      hangingIndent: Boolean(params?.hangingindent),
      secondFieldAlign: Boolean(params?.['second-field-align']),
      lineSpacing: params?.linespacing ?? 1,
      entrySpacing: params?.entryspacing ?? 0
    }
  }
}
