// The codes that make citations live: the public CSL citation JSON
// (csl-citation.json) inside the field instructions Zotero's and Mendeley's
// word-processor plugins write — "ADDIN ZOTERO_ITEM CSL_CITATION {…}" and
// "ADDIN ZOTERO_BIBL {…} CSL_BIBLIOGRAPHY" in Word, reference marks and a
// section named "ZOTERO_ITEM CSL_CITATION {…} RND…" / "ZOTERO_BIBL {…}
// CSL_BIBLIOGRAPHY RND…" in LibreOffice, "ADDIN CSL_CITATION {…}" from Mendeley.
import type { CslRecord } from '@citation-js/core'

const CSL_CITATION_SCHEMA = 'https://github.com/citation-style-language/schema/raw/master/csl-citation.json'

export interface CslCitationItem {
  id: string | number
  uris?: string[]
  itemData: CslRecord
  locator?: string
  label?: string
  prefix?: string
  suffix?: string
  'suppress-author'?: boolean
}

export interface CslCitation {
  citationID: string
  properties: { formattedCitation?: string; plainCitation?: string; noteIndex: number }
  citationItems: CslCitationItem[]
  schema?: string
}

/** One citation's code in what Zotero writes (and Mendeley also reads). */
export function citationJson(citation: CslCitation): string {
  return JSON.stringify({ ...citation, schema: CSL_CITATION_SCHEMA })
}

const BIBLIOGRAPHY_JSON = '{"uncited":[],"omitted":[],"custom":[]}'

export function wordCitationInstruction(citation: CslCitation): string {
  return ` ADDIN ZOTERO_ITEM CSL_CITATION ${citationJson(citation)} `
}

export const WORD_BIBLIOGRAPHY_INSTRUCTION = ` ADDIN ZOTERO_BIBL ${BIBLIOGRAPHY_JSON} CSL_BIBLIOGRAPHY `

/** A LibreOffice reference mark's name: Zotero ends it with " RND" and ten random characters. */
export function odtCitationName(citation: CslCitation, random: string): string {
  return `ZOTERO_ITEM CSL_CITATION ${citationJson(citation)} RND${random}`
}

export function odtBibliographyName(random: string): string {
  return `ZOTERO_BIBL ${BIBLIOGRAPHY_JSON} CSL_BIBLIOGRAPHY RND${random}`
}

export type FieldCode = { kind: 'citation'; citation: CslCitation; origin: 'zotero' | 'mendeley' } | { kind: 'bibliography'; origin: 'zotero' | 'mendeley' }

/**
 * What a field instruction or reference-mark name holds, or undefined for
 * fields that are not citations (page numbers, cross-references …) or whose
 * JSON is broken (the field is then left as it is).
 */
export function readFieldCode(code: string): FieldCode | undefined {
  const text = code.trim()
  if (/^(?:ADDIN\s+)?ZOTERO_BIBL\b/.test(text)) return { kind: 'bibliography', origin: 'zotero' }
  if (/^ADDIN\s+Mendeley\s+Bibliography\s+CSL_BIBLIOGRAPHY/i.test(text)) return { kind: 'bibliography', origin: 'mendeley' }
  const match = /^(?:ADDIN\s+)?(ZOTERO_ITEM\s+)?CSL_CITATION\s+/.exec(text)
  if (!match) return undefined
  let json = text.slice(match[0].length)
  const rnd = json.lastIndexOf(' RND')
  if (rnd !== -1 && /^ RND\w+$/.test(json.slice(rnd))) json = json.slice(0, rnd)
  try {
    const citation = JSON.parse(json.trim()) as CslCitation
    if (!citation || !Array.isArray(citation.citationItems)) return undefined
    citation.properties ??= { noteIndex: 0 }
    return { kind: 'citation', citation, origin: match[1] ? 'zotero' : 'mendeley' }
  } catch {
    return undefined
  }
}

/** Ten random letters and digits, as Zotero's LibreOffice plugin appends to a name. */
export function randomSuffix(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  const bytes = new Uint8Array(10)
  crypto.getRandomValues(bytes)
  return [...bytes].map(byte => alphabet[byte % alphabet.length]).join('')
}

/** A short random id, like the citationIDs Zotero writes. */
export function newCitationId(): string {
  return randomSuffix().slice(0, 8)
}
