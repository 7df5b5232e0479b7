// One parsed BibTeX entry → CSL-JSON through citation-js, with its crossref
// parents. citation-js stumbles on a few real files (a LaTeX command it
// cannot read in one field, a parent book without an author, crossref
// cycles); each stumble costs at most a field or the inheritance, not the
// entry.
import type { CslRecord } from '@citation-js/core'
import { entriesToCsl, type RawEntry } from './bibtex-values'

export interface ConvertedEntry {
  csl: CslRecord
  /** fields left out because citation-js could not read them */
  droppedFields: string[]
  /** false when crossref inheritance had to be given up */
  inherited: boolean
}

/** Throws only when the entry cannot be converted even without its unreadable fields and parents. */
export function convertEntry(raw: RawEntry, byKey: Map<string, RawEntry>): ConvertedEntry {
  const parents = parentsOf(raw, byKey)
  try {
    return { csl: toCsl(raw, parents), droppedFields: [], inherited: true }
  } catch {
    // find the fields citation-js cannot read on their own, and try again without them
  }
  const droppedFields = Object.keys(raw.properties).filter(field => !fieldReads(raw, field))
  const readable = withoutFields(raw, droppedFields)
  for (const attempt of [() => toCsl(readable, parents), () => toCsl(inheritPlainly(readable, parents), [])]) {
    try {
      return { csl: attempt(), droppedFields, inherited: true }
    } catch {
      // next, simpler attempt
    }
  }
  return { csl: toCsl(readable, []), droppedFields, inherited: parents.length === 0 }
}

/**
 * BibTeX's own crossref rule, for when citation-js's richer one fails (it
 * breaks on a parent book without an author): the child keeps its fields and
 * takes the parent's others; the parent's title and author become the
 * child's booktitle and bookauthor.
 */
function inheritPlainly(raw: RawEntry, parents: RawEntry[]): RawEntry {
  const properties: Record<string, unknown> = {}
  for (const parent of [...parents].reverse()) {
    const { title, author, crossref: _link, ids: _ids, ...rest } = parent.properties
    Object.assign(properties, rest)
    if (title !== undefined) properties.booktitle = title
    if (author !== undefined) properties.bookauthor = author
  }
  Object.assign(properties, raw.properties)
  delete properties.crossref
  return { ...raw, properties }
}

function toCsl(entry: RawEntry, parents: RawEntry[]): CslRecord {
  const [csl] = entriesToCsl([entry, ...parents])
  if (!csl) throw new Error('no record')
  return csl
}

/**
 * The entries `raw` inherits from through crossref, nearest first. A parent
 * that points back into the chain loses its crossref (citation-js would
 * recurse for ever).
 */
function parentsOf(raw: RawEntry, byKey: Map<string, RawEntry>): RawEntry[] {
  const chain: RawEntry[] = []
  const seen = new Set([raw.label])
  let key = raw.properties.crossref
  while (typeof key === 'string' && byKey.has(key) && !seen.has(key)) {
    const parent = byKey.get(key)!
    seen.add(key)
    key = parent.properties.crossref
    const closesCycle = typeof key === 'string' && seen.has(key)
    chain.push(closesCycle ? withoutFields(parent, ['crossref']) : parent)
  }
  return chain
}

function fieldReads(raw: RawEntry, field: string): boolean {
  if (field === 'crossref') return true
  try {
    toCsl({ ...raw, properties: { [field]: raw.properties[field] } }, [])
    return true
  } catch {
    return false
  }
}

function withoutFields(raw: RawEntry, fields: string[]): RawEntry {
  const properties = { ...raw.properties }
  for (const field of fields) delete properties[field]
  return { ...raw, properties }
}
