// Zotero's document preferences: the style and language a document is cited
// in, kept inside the document so that whoever opens it next (Zotero's
// plugin, or Neuroref re-formatting it) uses the same. Zotero writes them as
// <data data-version="3" …><session/><style id locale …/><prefs/></data>
// (older Zotero 5 betas: the same as JSON, "dataVersion": 4) split into
// document properties ZOTERO_PREF_1 … ZOTERO_PREF_n of at most 255
// characters each. Mendeley Desktop kept only the style's id, in
// "Mendeley Citation Style_1".
import type { Element } from '@xmldom/xmldom'
import { parseXmlStrict } from '../xml'
import { newCitationId } from './field-codes'

export interface DocumentPrefs {
  /** the CSL style's own id, e.g. http://www.zotero.org/styles/apa */
  styleId: string
  locale?: string
  hasBibliography: boolean
  /** Zotero's other preferences (fieldType, noteType, automaticJournalAbbreviations …) as written */
  prefs: Record<string, string>
  origin: 'zotero' | 'mendeley'
}

/** The document properties the preferences are kept in: Zotero's name, the LibreOffice plugin's old one, Mendeley's. */
export const PREF_PROPERTY = 'ZOTERO_PREF'
const OLD_PREF_PROPERTY = 'CSL_PREF'
export const MENDELEY_STYLE_PROPERTY = 'Mendeley Citation Style_1'
const CHUNK = 255

/** "ZOTERO_PREF_3" → 3 (of that name); undefined for any other property. */
export function prefChunkNumber(name: string, base = PREF_PROPERTY): number | undefined {
  const match = /^(.+)_([1-9]\d*)$/.exec(name)
  return match && match[1] === base ? Number(match[2]) : undefined
}

/** The text in properties base_1, base_2 … joined, as Zotero reads them (stopping at the first missing one). */
function joined(properties: Map<string, string>, base: string): string {
  let text = ''
  for (let i = 1; properties.has(`${base}_${i}`); i++) text += properties.get(`${base}_${i}`)
  return text
}

/** The preferences a document's properties carry, or undefined when it has none (or they cannot be read). */
export function readDocumentPrefs(properties: Map<string, string>): DocumentPrefs | undefined {
  for (const base of [PREF_PROPERTY, OLD_PREF_PROPERTY]) {
    const prefs = parseDocumentData(joined(properties, base))
    if (prefs) return prefs
  }
  const mendeley = properties.get(MENDELEY_STYLE_PROPERTY)?.trim()
  if (mendeley) return { styleId: mendeley, hasBibliography: true, prefs: {}, origin: 'mendeley' }
  return undefined
}

function parseDocumentData(text: string): DocumentPrefs | undefined {
  const data = text.trim()
  if (data.startsWith('{')) {
    try {
      const json = JSON.parse(data) as { style?: { styleID?: string; locale?: string; hasBibliography?: boolean }; prefs?: Record<string, unknown> }
      if (!json.style?.styleID) return undefined
      const prefs = Object.fromEntries(Object.entries(json.prefs ?? {}).map(([name, value]) => [name, String(value)]))
      return {
        styleId: json.style.styleID,
        locale: json.style.locale || undefined,
        hasBibliography: json.style.hasBibliography !== false,
        prefs,
        origin: 'zotero'
      }
    } catch {
      return undefined
    }
  }
  if (!data.startsWith('<')) return undefined
  const root = parseXmlStrict(data)
  if (!root || root.localName !== 'data') return undefined
  const first = (name: string) => root.getElementsByTagName(name)[0] as Element | undefined
  const style = first('style')
  const styleId = style?.getAttribute('id')
  if (!style || !styleId) return undefined
  const prefs: Record<string, string> = {}
  const list = first('prefs')?.getElementsByTagName('pref')
  for (let i = 0; list && i < list.length; i++) {
    const name = list[i].getAttribute('name')
    if (name) prefs[name] = list[i].getAttribute('value') ?? ''
  }
  return { styleId, locale: style.getAttribute('locale') || undefined, hasBibliography: style.getAttribute('hasBibliography') !== '0', prefs, origin: 'zotero' }
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The text Zotero writes (data version 3); a new session id each time: the new file is another document. */
export function documentData(prefs: DocumentPrefs): string {
  const entries = Object.entries(prefs.prefs).filter(([, value]) => value && value !== '0' && value !== 'false')
  const prefList = entries.map(([name, value]) => `<pref name="${escape(name)}" value="${escape(value)}"/>`).join('')
  return (
    `<data data-version="3" zotero-version="Neuroref"><session id="${newCitationId()}"/>` +
    `<style id="${escape(prefs.styleId)}" ${prefs.locale ? `locale="${escape(prefs.locale)}" ` : ''}` +
    `hasBibliography="${prefs.hasBibliography ? 1 : 0}" bibliographyStyleHasBeenSet="0"/>` +
    `${prefList ? `<prefs>${prefList}</prefs>` : '<prefs/>'}</data>`
  )
}

/** The properties ZOTERO_PREF_1 … holding the text, 255 characters each, as Zotero's plugins split it. */
export function prefProperties(prefs: DocumentPrefs): [string, string][] {
  const text = documentData(prefs)
  const out: [string, string][] = []
  for (let i = 0; i * CHUNK < text.length; i++) out.push([`${PREF_PROPERTY}_${i + 1}`, text.slice(i * CHUNK, (i + 1) * CHUNK)])
  return out
}

/**
 * The preferences to write after formatting: the style and language used,
 * the document's own other preferences kept, the field type the writer
 * uses (Word fields, LibreOffice reference marks) and footnotes for a note style.
 */
export function prefsAfterFormatting(
  before: DocumentPrefs | undefined,
  style: { cslId: string; locale: string; hasBibliography: boolean; note: boolean },
  kind: 'docx' | 'odt'
): DocumentPrefs {
  const prefs: Record<string, string> = { ...(before?.origin === 'zotero' ? before.prefs : {}) }
  prefs.fieldType = kind === 'docx' ? 'Field' : 'ReferenceMark'
  prefs.noteType = style.note ? '1' : '0'
  return { styleId: style.cslId, locale: style.locale, hasBibliography: style.hasBibliography, prefs, origin: 'zotero' }
}
