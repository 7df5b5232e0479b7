// citation-js 0.7 ships no types. This declares only what Neuroref uses;
// add to it when you use more (the shapes follow @citation-js/core 0.7.21).

declare module '@citation-js/core' {
  /** One CSL-JSON record as citation-js holds it. */
  export type CslRecord = Record<string, unknown> & { id?: string; type?: string }

  export interface OutputOptions {
    /** 'text' (default), 'html', or for data formats 'object' / 'string' / 'real' */
    format?: string
    template?: string
    lang?: string
    prepend?: string | ((entry: CslRecord) => string)
    append?: string | ((entry: CslRecord) => string)
    [option: string]: unknown
  }

  export class Cite {
    constructor(data?: unknown, options?: Record<string, unknown>)
    static async(data: unknown, options?: Record<string, unknown>): Promise<Cite>
    data: CslRecord[]
    format(name: string, options: OutputOptions & { format: 'object' | 'real' }): unknown
    format(name: string, options?: OutputOptions): string
    get(options?: Record<string, unknown>): CslRecord[]
    getIds(): string[]
    add(data: unknown, options?: Record<string, unknown>): Cite
    set(data: unknown, options?: Record<string, unknown>): Cite
    reset(): Cite
  }

  /** A named store of templates or locales (`@csl` config). */
  export interface Register<T = string> {
    add(name: string, value: T): void
    get(name: string): T | undefined
    has(name: string): boolean
    list(): string[]
  }

  /** `plugins.config.get('@bibtex')`: the BibTeX plugin's tables and switches. */
  export interface BibtexPluginConfig {
    constants: {
      /** LaTeX accent command → combining character, e.g. `'` → U+0301 */
      diacritics: Record<string, string>
      /** LaTeX text command → character, e.g. `ss` → ß */
      commands: Record<string, string | null>
      /** LaTeX math command → character, e.g. `alpha` → α */
      mathCommands: Record<string, string>
      /** TeX ligature → character, e.g. `--` → en dash */
      ligatures: Record<string, string>
      defaultStrings: Record<string, string>
      /** field → [kind, type] as biblatex defines them, e.g. author → ['list', 'name'] */
      fieldTypes: Record<string, [string, string]>
      [table: string]: unknown
    }
    types: {
      bibtex: { source: Record<string, string>; target: Record<string, string> }
      biblatex: { source: Record<string, string>; target: Record<string, string> }
    }
    parse: { biblatex: boolean; strict: boolean; sentenceCase: string }
    format: { useIdAsLabel: boolean; checkLabel: boolean; asciiOnly: boolean }
  }

  /** The part of citeproc-js's engine a reference list made in pieces uses. */
  export interface CiteprocEngine {
    updateItems(ids: string[], nosort?: boolean): string[]
    makeBibliography(): [{ bibstart: string; bibend: string }, string[]]
    sys: { wrapBibliographyEntry?: (id: string) => [string, string] }
    registry: {
      registry: Record<string, { sortkeys: string[] | false }>
      sorter: { compareKeys(a: { sortkeys: string[]; seq: number }, b: { sortkeys: string[]; seq: number }): number }
    }
  }

  export interface CslPluginConfig {
    templates: Register<string>
    locales: Register<string>
    /** citation-js's warm engine for a style and language (one per pair), emptied and set to `format` */
    engine(data: CslRecord[], template: string, lang: string | undefined, format: string): CiteprocEngine
  }

  export const plugins: {
    add(ref: string, plugin: Record<string, unknown>): void
    remove(ref: string): void
    has(ref: string): boolean
    list(): string[]
    config: {
      get(ref: '@bibtex'): BibtexPluginConfig
      get(ref: '@csl'): CslPluginConfig
      get(ref: string): unknown
      has(ref: string): boolean
      list(): string[]
    }
    input: {
      has(format: string): boolean
      list(): string[]
      chain(data: unknown, options?: Record<string, unknown>): CslRecord[]
      chainAsync(data: unknown, options?: Record<string, unknown>): Promise<CslRecord[]>
      /** `clean`: CSL-JSON as Cite#format hands it to an output (names, dates and fields checked) */
      util: { clean(data: CslRecord[]): CslRecord[] }
    }
    output: {
      has(name: string): boolean
      list(): string[]
      format(name: string, data: CslRecord[], options?: OutputOptions): unknown
    }
  }

  export const util: Record<string, unknown> & {
    /** Rules of one format's mapping compiled into the two conversions (`convertToTarget`: the format → CSL) */
    Translator: new (rules: unknown[]) => {
      convertToTarget(input: Record<string, unknown>): CslRecord
      convertToSource(input: CslRecord): Record<string, unknown>
    }
    /** Records of older CSL made current (event → event-title), as every input chain ends: one record, or a list */
    upgradeCsl<T extends CslRecord | CslRecord[]>(data: T): T
  }
  export const logger: { setLogLevel(level: string): void }
  export const version: string
}

// Plugins register themselves with @citation-js/core when imported.
declare module '@citation-js/plugin-bibtex'
// Pieces of the BibTeX plugin that src/shared/import/bibtex-values.ts and bibtex-names.ts call
// one by one (the web build reads them from lib-mjs: electron.vite.config.ts).
declare module '@citation-js/plugin-bibtex/lib/input/value.js' {
  /** One field's LaTeX value as text (or names, or a list), the way the plugin reads it for `field`. */
  export function parse(text: string, field: string, languages?: unknown): unknown
}
declare module '@citation-js/plugin-bibtex/lib/input/name.js' {
  /** true for "Upper", false for "lower", null for a word without letters that have a case */
  export function getStringCase(text: string): boolean | null
  /** A name's comma-separated pieces of words → { family, given, prefix, suffix } */
  export function orderNamePieces(pieces: { value: string; upperCase: boolean | null; hyphenated?: true }[][]): Record<string, string>
}
declare module '@citation-js/plugin-bibtex/lib/mapping/index.js' {
  /** BibLaTeX entries whose values were read → CSL-JSON, crossref parents included. */
  export function parse(entries: { type: string; label: string; properties: Record<string, unknown> }[]): Record<string, unknown>[]
}
declare module '@citation-js/plugin-bibtex/lib/mapping/shared.js' {
  interface ToTarget {
    toTarget(...values: unknown[]): unknown
  }
  /** The value converters of the plugin's BibLaTeX → CSL rules (names, titles, dates, pages, keywords) */
  export const Converters: Record<'NAMES_ORCID' | 'TITLE' | 'DATE' | 'YEAR_MONTH' | 'PAGES' | 'KEYWORDS' | 'PICK', ToTarget>
}
declare module '@citation-js/plugin-ris'
declare module '@citation-js/plugin-csl'
declare module '@citation-js/plugin-doi'
// Pieces of the RIS plugin that src/shared/import/ris-csl.ts uses to pick each type's rules once (the web build reads
// them from lib-mjs: electron.vite.config.ts).
declare module '@citation-js/plugin-ris/lib/spec/index.js' {
  export interface RisConverter {
    keepAll?: boolean
    toTarget(...values: unknown[]): unknown
    toSource(...values: unknown[]): unknown
  }
  /** One rule of a spec: RIS tag(s) → CSL field(s), when the record's tags meet `when.source` */
  export interface RisRule {
    source?: string | string[]
    target?: string | string[]
    convert?: RisConverter
    when?: { source?: Record<string, unknown>; target?: unknown }
  }
  export const SPECS: { new: RisRule[]; old: RisRule[]; mixed: RisRule[] }
}
declare module '@citation-js/plugin-ris/lib/converters.js' {
  import type { RisConverter } from '@citation-js/plugin-ris/lib/spec/index.js'
  const CONVERTERS: Record<string, RisConverter>
  export default CONVERTERS
}
