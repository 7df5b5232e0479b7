// What Neuroref knows about every style of the CSL repository without reading
// its XML: the catalogue built at build time from the shipped archive
// (resources/csl/, src/main/services/styles/build-pack.ts).

/** How a style cites in the text (CSL's citation-format). */
export type CitationFormat = 'numeric' | 'author-date' | 'author' | 'note' | 'label'

export interface StyleEntry {
  /** the file name without .csl, e.g. "apa", "psychoneuroendocrinology" */
  id: string
  title: string
  shortTitle?: string
  /** ISSN, eISSN and ISSN-L, as written (1234-567X) */
  issn?: string[]
  /** CSL's fields: medicine, psychology, biology … */
  fields: string[]
  format?: CitationFormat
  /** a dependent style (a journal's name on another style's rules): the id of that independent style */
  parent?: string
  /** the parent's title, so the chooser can say whose rules a journal follows */
  parentTitle?: string
  /** the language the style asks for (default-locale) */
  locale?: string
}

/** A search answer: the best `styles` of `total` that matched. */
export interface StyleSearchResult {
  total: number
  styles: StyleEntry[]
}

/** A CSL locale the app ships: its code (en-GB) and its name in English. */
export interface StyleLocale {
  lang: string
  name: string
}

/** A style ready to format with: its XML, its parent's for a dependent style, and the locale files it needs. */
export interface StyleFiles {
  style: StyleEntry
  xml: string
  parent?: { style: StyleEntry; xml: string }
  /** CSL locale XML by code: the style's language and the one asked for, when shipped */
  locales: Record<string, string>
}
