// Raw BibTeX entries → CSL-JSON, as citation-js's "@biblatex/entries+list"
// parser does it, minus most of its time. That parser reads every value
// with a LaTeX tokenizer, one token per word and per space: 80 % of a
// 10,000-entry file's import went there, mostly into abstracts. A value
// with nothing LaTeX in it (no braces, $, \ or ~) reads the same without
// the tokenizer: runs of white space become one space and ---, --, `` and ''
// become dashes and quotes. So does running text whose only LaTeX is
// braces ("The {NPY} system": most files protect capitals so), stretch by
// stretch between them. Those are done here; every other value goes to
// citation-js's own value reader, and every entry but a common journal
// article (bibtex-articles.ts) to its own BibLaTeX → CSL mapping, so accents,
// commands, math, names and crossref stay citation-js's.
import { plugins, util, type BibtexPluginConfig, type CslRecord } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import { parse as readLatexValue } from '@citation-js/plugin-bibtex/lib/input/value.js'
import { parse as mapBiblatexEntries } from '@citation-js/plugin-bibtex/lib/mapping/index.js'
import { articleCsl } from './bibtex-articles'
import { readPlainNames } from './bibtex-names'

/** An entry as citation-js's BibTeX grammar gives it: fields still in LaTeX. */
export interface RawEntry {
  type: string
  label: string
  properties: Record<string, unknown>
  /** biber's "+an" annotations, when the file had any */
  annotations?: Record<string, unknown>
}

const CONFIG: BibtexPluginConfig = plugins.config.get('@bibtex')
const { fieldTypes, ligatures } = CONFIG.constants
/** citation-js's update of older CSL (event → event-title, a book with a version → software) */
const upgradeCsl = util.upgradeCsl as (records: Record<string, unknown>[]) => CslRecord[]
// citation-js's own ligature pattern, less the "~" that a plain value cannot hold
const LIGATURES = /---?|''|``/g
const LATEX = /[{}$\\~]/
const BEYOND_BRACES = /[$\\~]/
const BRACES = /[{}]/g
const LIGATURE = /--|''|``/
const SPACES = /\s+/g
// white space that reads as something else: two spaces in a row, or any white space (\s) but a plain space
const UNSPACED = / {2}|[\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/
// a list field's separator ("and"), as citation-js's list reader finds it
const LIST_AND = /\sand\s/
const TO_CSL = { forceType: '@biblatex/entries+list', generateGraph: false }

/** The entries' CSL records (the first is `entries[0]`'s; the others are its crossref parents, so it can inherit). */
export function entriesToCsl(entries: RawEntry[]): CslRecord[] {
  // what the fast reading below does not cover: biber annotations, and settings this app never makes
  if (CONFIG.parse.strict || entries.some(entry => entry.annotations)) return plugins.input.chain(entries, TO_CSL)
  const read = entries.map(readValues)
  const article = read.length === 1 ? articleCsl(read[0]) : undefined
  // what chain() does with CSL records it is handed, less its deep copy of them (these were just made)
  return article ? [article] : upgradeCsl(mapBiblatexEntries(read))
}

/** citation-js's parseEntryValues, with plain values read without its tokenizer. */
function readValues(entry: RawEntry): RawEntry {
  const values: Record<string, unknown> = {}
  if ('language' in entry.properties) values.language = readValue(String(entry.properties.language), 'language', [])
  for (const [field, value] of Object.entries(entry.properties)) {
    if (value === '') continue
    values[field] = readValue(String(value), field, values.language)
  }
  return { ...entry, properties: values }
}

/** One field's value as citation-js's value reader gives it (text, a list, or names). */
export function readValue(text: string, field: string, language: unknown): unknown {
  const types = fieldTypes[field] ?? []
  if (!LATEX.test(text)) return plainReading(text, types) ?? readLatexValue(text, field, language)
  if (!BEYOND_BRACES.test(text) && readAsWords(types)) return withoutBraces(text) ?? readLatexValue(text, field, language)
  return readLatexValue(text, field, language)
}

/** A value read as running text: not names, a list, a URL or verbatim, nor a title set to sentence case (whose braces keep case). */
function readAsWords([kind, type]: [string, string] | []): boolean {
  if (type === 'name' || kind === 'list' || kind === 'separated') return false
  if (type === 'title') return CONFIG.parse.sentenceCase === 'never'
  return !(kind === 'field' && (type === 'verbatim' || type === 'uri'))
}

/**
 * Running text whose only LaTeX is braces ("The {NPY} system", as most files protect capitals): citation-js reads
 * each braced group as the text in it, and its white space and ligatures never run across a brace, so each stretch
 * between braces reads as plain text. Undefined when the braces do not pair up (citation-js says why).
 */
function withoutBraces(text: string): string | undefined {
  let depth = 0
  for (const [brace] of text.matchAll(BRACES)) if ((depth += brace === '{' ? 1 : -1) < 0) return undefined
  return depth === 0 ? text.split(BRACES).map(words).join('') : undefined
}

/**
 * What citation-js's value reader gives for a value without LaTeX, or
 * undefined where its reading depends on more (names, "and" lists, titles
 * set to sentence case).
 */
function plainReading(text: string, [kind, type]: [string, string] | []): unknown {
  if (type === 'name') return kind === 'list' && !text.includes('=') ? readPlainNames(text) : undefined
  if (type === 'title') return CONFIG.parse.sentenceCase === 'never' ? words(text) : undefined
  if (kind === 'list') return LIST_AND.test(text) ? undefined : words(text)
  if (kind === 'separated') return separated(text)
  if (kind === 'field' && type === 'verbatim') return text
  if (kind === 'field' && type === 'uri') return uri(text)
  return words(text)
}

function words(text: string): string {
  // testing first spares a copy of every value that is already single-spaced and has no ligature
  const spaced = UNSPACED.test(text) ? text.replace(SPACES, ' ') : text
  return LIGATURE.test(spaced) ? spaced.replace(LIGATURES, ligature => ligatures[ligature]) : spaced
}

/** "a, b,c" → ["a", "b", "c"]; a comma at the end starts no empty item. */
function separated(text: string): string[] {
  const items = text.split(',').map(item => words(item).trim())
  if (items.length > 1 && !items[items.length - 1]) items.pop()
  return items
}

/** citation-js's reading of a URL: encoded unless it already was. */
function uri(text: string): string {
  try {
    return decodeURI(text) === text ? encodeURI(text) : text
  } catch {
    return encodeURI(text)
  }
}
