// A long reference list made by citeproc in pieces that cannot affect each
// other, then put in citeproc's own order: the same text as one run over the
// whole list, and each piece can be kept (a changed paper re-makes only its
// piece) or made elsewhere.
//
// Why the pieces cannot affect each other. In one citeproc-js run, one entry
// depends on another only through
//  - the order (sort keys, computed per entry before any disambiguation; ties
//    broken by the position in the input): here each piece keeps the input
//    order and the pieces are merged with citeproc's own comparison of the
//    same keys and positions;
//  - disambiguation: entries whose in-text citations read alike (same names
//    and year) get year suffixes, more names or given names; and with a
//    "primary-name" rule, papers whose first-named people share a family name
//    get initials (citeproc's name register, keyed by that family name with
//    its periods stripped). Both need the first person of a cited name
//    variable to share a family name, or for a paper without names, a title
//    that reads like one; papers that share any word of those are put in the
//    same piece (a coarse key: more papers per piece than needed, never fewer);
//  - numbering (citation-number), "———" for a repeated author
//    (subsequent-author-substitute), second-field-align and name rules over
//    all names (all-names): styles that use them are made in one run.
import { plugins, util, type CslRecord } from '@citation-js/core'
import '@citation-js/plugin-csl'
import './citeproc-shortcuts'
import { forListOnly } from './citeproc-list-only'

/** Whether citeproc's entries in this style (its CSL, parent included) depend on other entries only as described above. */
export function piecesAreExact(styleXml: string): boolean {
  if (/citation-number|subsequent-author-substitute|second-field-align/.test(styleXml)) return false
  const rule = /givenname-disambiguation-rule="([^"]*)"/.exec(styleXml)?.[1]
  return !rule || rule === 'by-cite' || rule.startsWith('primary-name')
}

/** Lower-case letters and digits of each word, accents dropped: "Ferrer-Pérez" → ferrer, perez. */
function words(text: unknown): string[] {
  if (typeof text !== 'string') return []
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  )
}

type Person = { family?: unknown; given?: unknown; literal?: unknown; 'non-dropping-particle'?: unknown }

/** A CSL name variable's first person (citation-js's own fields, such as `_graph`, hold other objects). */
const isPerson = (value: unknown): value is Person =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && ('family' in value || 'given' in value || 'literal' in value)

/** What a paper's in-text citation could start with: the first person of each name variable, or for a paper without names its title. */
function keysOf(record: CslRecord): string[] {
  const keys: string[] = []
  for (const value of Object.values(record)) {
    if (!Array.isArray(value) || !isPerson(value[0])) continue
    const first = value[0]
    // A name without a family name (an institution) is registered under an empty family: all of them go together.
    if (typeof first.family !== 'string' || !first.family.trim()) keys.push('#no-family')
    for (const word of [...words(first.family), ...words(first['non-dropping-particle'])]) keys.push(`w:${word}`)
  }
  if (keys.length) return keys
  const titled = [...words(record.title), ...words(record['title-short']), ...words(record.shortTitle)].map(word => `w:${word}`)
  return titled.length ? titled : ['#nothing']
}

/**
 * Papers that could change each other's entries, as groups of positions in
 * `records` (papers sharing a key are in one group; each group ascending,
 * groups in order of their first paper).
 */
export function groupsOf(records: CslRecord[]): number[][] {
  const parent = records.map((_, i) => i)
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]]
    return i
  }
  const firstWithKey = new Map<string, number>()
  records.forEach((record, i) => {
    for (const key of keysOf(record)) {
      const other = firstWithKey.get(key)
      if (other === undefined) firstWithKey.set(key, i)
      else parent[root(i)] = root(other)
    }
  })
  const groups = new Map<number, number[]>()
  records.forEach((_, i) => {
    const group = groups.get(root(i))
    if (group) group.push(i)
    else groups.set(root(i), [i])
  })
  return [...groups.values()]
}

/**
 * Groups packed into `count` pieces of about the same size (any union of
 * groups is a piece too), each piece in input order.
 */
export function packGroups(groups: number[][], count: number): number[][] {
  const pieces: number[][] = Array.from({ length: Math.max(1, count) }, () => [])
  for (const group of [...groups].sort((a, b) => b.length - a.length)) {
    const smallest = pieces.reduce((least, piece) => (piece.length < least.length ? piece : least))
    smallest.push(...group)
  }
  return pieces.filter(piece => piece.length).map(piece => piece.sort((a, b) => a - b))
}

/** The records in pieces of about `size` records that cannot affect each other, each piece in input order. */
export function piecesOf(records: CslRecord[], size: number): CslRecord[][] {
  return packGroups(groupsOf(records), Math.round(records.length / size)).map(piece => piece.map(i => records[i]))
}

/** citeproc's entries of a piece or a group (all of a group's entries depend only on its own papers). */
export interface PieceEntries {
  /** citeproc's entries, each with its paper's id and sort keys */
  entries: { id: string; entry: string; sortkeys: string[] }[]
  bibstart: string
  bibend: string
}

const downgrade = util.downgradeCsl as (records: CslRecord[]) => CslRecord[]

/**
 * One piece through citeproc, as citation-js's bibliography output runs it
 * (same data, same engine, same entry attributes), keeping each entry's sort
 * keys. `onEntry` is called as each entry is written.
 */
export function pieceEntries(piece: CslRecord[], template: string, lang: string | undefined, format: string, onEntry?: () => void): PieceEntries {
  const data = downgrade(piece)
  const engine = plugins.config.get('@csl').engine(data, template, lang, format)
  const sorted = forListOnly(() => engine.updateItems(data.map(record => String(record.id))))
  const sortkeys = sorted.map(id => engine.registry.registry[id]?.sortkeys || [])
  if (onEntry) engine.sys.wrapBibliographyEntry = () => ['', (onEntry(), '')]
  const [{ bibstart, bibend }, body] = engine.makeBibliography()
  const entries = body.map((entry, i) => ({ id: sorted[i], entry: withEntryId(entry, sorted[i]), sortkeys: sortkeys[i] }))
  return { entries, bibstart, bibend }
}

/** As citation-js marks an HTML entry with its paper's id (RTF and text have no tag to mark). */
const withEntryId = (entry: string, id: string): string => entry.replace(/^\s*<[a-z]+/i, `$& data-csl-entry-id="${id}"`)

/**
 * The pieces' entries in the order one citeproc run gives: by citeproc's
 * comparison of the sort keys, ties by position in the input (`order`: id →
 * position).
 */
export function mergePieces(pieces: PieceEntries[], template: string, lang: string | undefined, format: string, order: Map<string, number>): string[] {
  // The style's comparison (its sort directions and the language's collation), from the warm engine.
  const { sorter } = plugins.config.get('@csl').engine([], template, lang, format).registry
  const all = pieces.flatMap(piece => piece.entries.map(e => ({ ...e, seq: (order.get(e.id) ?? 0) + 1 })))
  all.sort((a, b) => sorter.compareKeys(a, b))
  return all.map(e => e.entry)
}
