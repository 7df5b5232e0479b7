// Library items → a .bib file a manuscript can cite from. Pure: runs in the
// renderer and in Node. Entry fields come from bibtex-fields; this file
// picks the keys and writes the entries.
import { bibtexEntry, BARE_FIELDS, type BibtexEntry, type ExportItem } from './bibtex-fields'
import { cleanCitationKey, makeCitationKey, uniqueCitationKey } from './citation-key'

export type { ExportItem } from './bibtex-fields'

export interface BibtexOptions {
  /** write accents and Greek as LaTeX commands (é → {\'e}) instead of UTF-8 */
  latexAccents?: boolean
}

/**
 * Every item gets its own key: its stored `citationKey` when it has one,
 * otherwise a new key; a key already used in this file gets a suffix so
 * BibTeX never sees a repeated entry.
 */
export function citationKeys(items: Pick<ExportItem, 'citationKey' | 'csl'>[]): string[] {
  const keys: (string | undefined)[] = items.map(item => cleanCitationKey(item.citationKey ?? '') || undefined)
  const taken = new Set<string>()
  // stored keys first, so a new key never takes one a later item already has
  keys.forEach((key, index) => {
    if (!key) return
    const unique = taken.has(key.toLowerCase()) ? uniqueCitationKey(key, taken) : key
    keys[index] = unique
    taken.add(unique.toLowerCase())
  })
  return keys.map((key, index) => {
    if (key) return key
    const made = makeCitationKey(items[index], taken)
    taken.add(made.toLowerCase())
    return made
  })
}

function formatEntry(entry: BibtexEntry, key: string): string {
  const fields = entry.fields.map(([field, value]) => `  ${field} = ${BARE_FIELDS.has(field) ? value : `{${value}}`}`)
  return `@${entry.type}{${key},\n${fields.join(',\n')}\n}`
}

export function exportBibtex(items: ExportItem[], opts: BibtexOptions = {}): string {
  if (items.length === 0) return ''
  const keys = citationKeys(items)
  const entries = items.map((item, index) => formatEntry(bibtexEntry(item, opts.latexAccents ?? false), keys[index]))
  return `${entries.join('\n\n')}\n`
}
