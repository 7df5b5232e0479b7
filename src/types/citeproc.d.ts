// citeproc-js ships no types. This declares only what Neuroref uses (the
// shapes follow citeproc 2.4, the engine inside @citation-js/plugin-csl).
declare module 'citeproc' {
  export interface CitationItem {
    id: string
    locator?: string
    label?: string
    prefix?: string
    suffix?: string
    'suppress-author'?: boolean
  }
  export interface Citation {
    citationID: string
    citationItems: CitationItem[]
    properties: { noteIndex: number }
  }
  export interface BibliographyParams {
    maxoffset: number
    entryspacing: number
    linespacing: number
    hangingindent: boolean | number
    'second-field-align': false | 'flush' | 'margin'
    entry_ids: string[][]
  }
  export class Engine {
    constructor(
      sys: { retrieveLocale(lang: string): string; retrieveItem(id: string): Record<string, unknown> },
      style: string,
      lang?: string,
      forceLang?: boolean
    )
    opt: { xclass: 'in-text' | 'note'; development_extensions: Record<string, boolean> }
    rebuildProcessorState(citations: Citation[], mode?: 'html' | 'text' | 'rtf', uncited?: string[]): [string, number, string][]
    makeBibliography(): false | [BibliographyParams, string[]]
    setOutputFormat(mode: string): void
    updateItems(ids: string[]): void
    makeCitationCluster(items: CitationItem[]): string
  }
  /** citeproc's case mapping, called with the engine as `this` (its tmp.lang_array holds the languages in use) */
  export type CaseMapping = (this: { tmp: { lang_array?: string[] } }, text: string) => string
  /** a piece of text citeproc writes, with its formatting */
  export interface TextBlob {
    blobs: unknown
  }
  /** finds markup (<i>, quotes…) in the strings an engine writes; one per engine */
  export interface FlipFlopper {
    processTags(blob: TextBlob): void
  }
  /** a name as citeproc's particle parser reads and writes it */
  export interface NameParts {
    family?: unknown
    given?: unknown
    suffix?: unknown
    'dropping-particle'?: unknown
    'comma-suffix'?: unknown
    'non-dropping-particle'?: unknown
    'comma-dropping-particle'?: unknown
  }
  /** citeproc's initials of a given name ("Maria José" → "M. J."), with the engine's state */
  export type InitializeWith = (
    this: unknown,
    state: { opt: Record<string, unknown>; tmp: { lang_array?: string[] } },
    name: unknown,
    terminator?: unknown,
    normalizeOnly?: unknown
  ) => string
  /** compares two sort keys (negative, 0, positive) */
  export type SortCompare = (a: string, b: string) => number
  /** makes an engine's comparison of sort keys, with the engine as `this`, for its sort locale */
  export type SortCompareMaker = (this: { tmp: { lang_array?: string[] } }, defaultLocale?: string) => SortCompare
  const CSL: {
    Engine: typeof Engine
    getSortCompare: SortCompareMaker
    /** a comparison to use instead of the locale's, when set */
    stringCompare?: SortCompare
    toLocaleLowerCase: CaseMapping
    toLocaleUpperCase: CaseMapping
    PROCESSOR_VERSION: string
    Util: { FlipFlopper: new (state: { getTerm(term: string): string | undefined }) => FlipFlopper; Names: { initializeWith: InitializeWith } }
    parseParticles: (name: NameParts) => void
  }
  export default CSL
}
