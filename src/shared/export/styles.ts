/// <reference types="vite/client" />
// The citation styles Neuroref can format with: the bundled CSL files in
// resources/csl (CC BY-SA 3.0, see SOURCES.md there), imported as text so
// no network is needed, plus the .csl files the researcher adds.
import { plugins } from '@citation-js/core'
import '@citation-js/plugin-csl'
import { ServiceError } from '../result'
import { readStyleInfo, styleSlug, type CslStyleInfo } from './csl-style-info'
import type { StyleFiles } from '../styles/catalogue'
import apa from '../../../resources/csl/apa.csl?raw'
import ama from '../../../resources/csl/american-medical-association.csl?raw'
import cell from '../../../resources/csl/cell.csl?raw'
import chicago from '../../../resources/csl/chicago-author-date.csl?raw'
import elsevierHarvard from '../../../resources/csl/elsevier-harvard.csl?raw'
import ieee from '../../../resources/csl/ieee.csl?raw'
import nature from '../../../resources/csl/nature.csl?raw'
import npp from '../../../resources/csl/neuropsychopharmacology.csl?raw'
import nlm from '../../../resources/csl/nlm-citation-sequence.csl?raw'
import jneurosci from '../../../resources/csl/the-journal-of-neuroscience.csl?raw'
import vancouverAma from '../../../resources/csl/vancouver-ama.csl?raw'
import vancouverNlm from '../../../resources/csl/vancouver-nlm.csl?raw'
import localeEnGb from '../../../resources/csl/locales-en-GB.xml?raw'
import localeEnUs from '../../../resources/csl/locales-en-US.xml?raw'

export interface CitationStyle {
  /** the name citation-js knows it by, and the one settings remember */
  id: string
  /** what the style picker shows */
  label: string
  /** language the style asks for; en-US when it names none */
  locale: string
  /** whether the style (or its parent) names its language: otherwise the system's is a better default */
  namesLocale: boolean
  custom: boolean
}

/** Bundled styles in picker order; parents come before the dependent styles that use them. */
const BUNDLED: { id: string; label: string; xml: string }[] = [
  { id: 'apa', label: 'APA 7th edition', xml: apa },
  { id: 'nlm-citation-sequence', label: 'NLM (citation-sequence)', xml: nlm },
  { id: 'american-medical-association', label: 'AMA 11th edition', xml: ama },
  { id: 'vancouver-nlm', label: 'Vancouver (NLM)', xml: vancouverNlm },
  { id: 'vancouver-ama', label: 'Vancouver (AMA)', xml: vancouverAma },
  { id: 'nature', label: 'Nature', xml: nature },
  { id: 'cell', label: 'Cell', xml: cell },
  { id: 'the-journal-of-neuroscience', label: 'The Journal of Neuroscience', xml: jneurosci },
  { id: 'neuropsychopharmacology', label: 'Neuropsychopharmacology', xml: npp },
  { id: 'chicago-author-date', label: 'Chicago (author-date)', xml: chicago },
  { id: 'elsevier-harvard', label: 'Elsevier Harvard', xml: elsevierHarvard },
  { id: 'ieee', label: 'IEEE', xml: ieee }
]

export const DEFAULT_STYLE = 'apa'
const LOCALES: Record<string, string> = { 'en-US': localeEnUs, 'en-GB': localeEnGb }

interface Registered extends CitationStyle {
  cslId: string
  /** from the CSL repository shipped with the app, read when first used (not bundled in the code) */
  shipped: boolean
  /** the XML as given, to tell a repeat registration from a clash */
  source: string
}

const registered = new Map<string, Registered>()

function register(id: string, xml: string, label: string | undefined, custom: boolean, shipped = false): Registered {
  const info: CslStyleInfo = readStyleInfo(xml)
  const old = registered.get(id)
  if (old) {
    if (old.source === xml) return old
    // citation-js caches one engine per style id: a new text under an old id would be ignored
    throw new ServiceError('INVALID_INPUT', `A different citation style is already called “${id}”.`)
  }
  let rules = xml
  let locale = info.defaultLocale
  if (info.parentId) {
    // a dependent style only renames its parent: format with the parent's rules
    const parent = [...registered.values()].find(style => style.cslId === info.parentId)
    if (!parent) {
      throw new ServiceError(
        'INVALID_INPUT',
        `“${info.title}” is a dependent style that uses the rules of ${styleSlug(info.parentId)}, which Neuroref does not have. Add that style first.`
      )
    }
    rules = plugins.config.get('@csl').templates.get(parent.id) ?? ''
    locale = locale ?? parent.locale
  }
  plugins.config.get('@csl').templates.add(id, rules)
  const style: Registered = {
    id,
    label: label ?? info.title,
    locale: locale ?? 'en-US',
    namesLocale: !!locale,
    custom,
    shipped,
    cslId: info.cslId,
    source: xml
  }
  registered.set(id, style)
  return style
}

let ready = false
function ensureBundled(): void {
  if (ready) return
  ready = true
  const { locales } = plugins.config.get('@csl')
  for (const [lang, xml] of Object.entries(LOCALES)) locales.add(lang, xml)
  for (const style of BUNDLED) register(style.id, style.xml, style.label, false)
}

function publicStyle({ id, label, locale, namesLocale, custom }: Registered): CitationStyle {
  return { id, label, locale, namesLocale, custom }
}

/** Every style the picker offers: bundled first, then the researcher's own (not the repository's styles read so far). */
export function listStyles(): CitationStyle[] {
  ensureBundled()
  return [...registered.values()].filter(style => !style.shipped).map(publicStyle)
}

export function findStyle(id: string): CitationStyle | undefined {
  ensureBundled()
  const style = registered.get(id)
  return style && publicStyle(style)
}

/** The style to format with; an unknown id is an error, never a silent switch to APA. */
export function styleOrThrow(id: string): CitationStyle {
  const style = findStyle(id)
  if (!style) throw new ServiceError('NOT_FOUND', `The citation style “${id}” is not available. Choose another style.`)
  return style
}

/**
 * The styles this thread has beyond the bundled ones, as given (the
 * researcher's own and the repository's read so far), parents first, and the
 * languages it learned: a worker registers them again.
 */
export function addedStyleSources(): { styles: { id: string; xml: string }[]; locales: Record<string, string> } {
  ensureBundled()
  const styles = [...registered.values()].filter(style => style.custom || style.shipped).map(style => ({ id: style.id, xml: style.source }))
  const csl = plugins.config.get('@csl')
  const locales: Record<string, string> = {}
  for (const lang of learnedLocales) locales[lang] = csl.locales.get(lang) ?? ''
  return { styles, locales }
}

const learnedLocales = new Set<string>()

/** Adds a CSL locale file (a language to format in); one already known is kept. */
export function learnLocale(lang: string, xml: string): void {
  ensureBundled()
  const { locales } = plugins.config.get('@csl')
  if (locales.has(lang)) return
  locales.add(lang, xml)
  learnedLocales.add(lang)
}

export function hasLocale(lang: string): boolean {
  ensureBundled()
  return plugins.config.get('@csl').locales.has(lang)
}

/**
 * Makes a style of the CSL repository (styles.get) usable: its parent first
 * for a journal's dependent style, then the style, and its languages.
 */
export function learnShippedStyle(files: StyleFiles): CitationStyle {
  ensureBundled()
  for (const [lang, xml] of Object.entries(files.locales)) learnLocale(lang, xml)
  const { style, parent } = files
  if (parent && !registered.has(parent.style.id)) register(parent.style.id, parent.xml, parent.style.title, false, true)
  const known = registered.get(style.id)
  return publicStyle(known ?? register(style.id, files.xml, style.title, false, true))
}

/** The style's own CSL id (http://www.zotero.org/styles/apa): what Zotero writes into a document. */
export function styleCslId(id: string): string {
  ensureBundled()
  return registered.get(id)?.cslId ?? `http://www.zotero.org/styles/${id}`
}

/** The style a document's CSL id names, if Neuroref has it (by its id, or by the same short name). */
export function styleForCslId(cslId: string): CitationStyle | undefined {
  ensureBundled()
  const bare = (id: string) => id.replace(/^https?:\/\//, '').replace(/\/+$/, '')
  const same = [...registered.values()].find(style => bare(style.cslId) === bare(cslId))
  return same ? publicStyle(same) : findStyle(styleSlug(cslId))
}

/** What a worker needs to format in a style this thread knows (bundled, added or shipped): its rules and languages. */
export interface StyleSource extends CitationStyle {
  /** the style's own CSL id (a dependent style's, not its parent's) */
  cslId: string
  /** the rules to format with (a dependent style's parent's) */
  rules: string
  /** CSL locale files by language, for the style's language and the one asked for */
  locales: Record<string, string>
}

export function styleSource(id: string, lang?: string): StyleSource {
  const style = styleOrThrow(id)
  const csl = plugins.config.get('@csl')
  const locales: Record<string, string> = {}
  for (const name of new Set([style.locale, lang ?? style.locale])) {
    const xml = csl.locales.get(name)
    if (xml) locales[name] = xml
  }
  return { ...style, cslId: styleCslId(id), rules: csl.templates.get(id) ?? '', locales }
}

/** Makes a style from another thread (styleSource) usable here; one already known is kept as it is. */
export function learnStyle(source: StyleSource): CitationStyle {
  ensureBundled()
  const csl = plugins.config.get('@csl')
  for (const [name, xml] of Object.entries(source.locales)) if (!csl.locales.has(name)) csl.locales.add(name, xml)
  const known = registered.get(source.id)
  if (known) return publicStyle(known)
  const style = register(source.id, source.rules, source.label, source.custom)
  style.locale = source.locale
  style.cslId = source.cslId
  return publicStyle(style)
}

/**
 * Adds a .csl file the researcher chose. Refuses anything that is not a CSL
 * style, and dependent styles whose parent Neuroref does not have.
 */
export function registerStyle(id: string, xml: string): CitationStyle {
  ensureBundled()
  return publicStyle(register(id, xml, undefined, true))
}

/** A stable id for a user's style: its CSL name plus a fingerprint of the text. */
export function customStyleId(xml: string): string {
  const { cslId } = readStyleInfo(xml)
  let hash = 0x811c9dc5
  for (let i = 0; i < xml.length; i++) hash = Math.imul(hash ^ xml.charCodeAt(i), 0x01000193) >>> 0
  return `custom-${styleSlug(cslId)}-${hash.toString(36)}`
}
