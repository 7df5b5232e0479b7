// Editing a paper by hand. Changed fields are remembered in `editedFields`
// so a later import of the same paper never overwrites them (shared/merge.ts),
// and the previous version is returned so the edit can be undone.
import type { CslName, Item } from '@shared/model'
import { nameLabel, yearLabel } from '@shared/display'
import { normaliseDoi } from '@shared/identifiers'
import { ServiceError } from '@shared/result'
import type { NeurorefDb } from './schema'
import { withIndexFields } from './index-fields'
import { loadPeptideTagger } from './peptide-tagger'
import { inChunks } from './slices'
import { changeItems, itemsWithIds, storedItems, write } from './write'
import type { Replaced } from './replaced'

/** The fields of the Edit form, as the researcher types them. Authors: one "Family, Given" per line. */
export interface ItemForm {
  title: string
  authors: string
  year: string
  journal: string
  volume: string
  issue: string
  pages: string
  doi: string
  abstract: string
}

function abstractText(item: Item): string {
  const parts = item.abstractSections ?? []
  if (parts.length > 1 || parts.some(p => p.label)) return parts.map(p => (p.label ? `${p.label}: ${p.text}` : p.text)).join('\n\n')
  return item.csl.abstract ?? ''
}

/** The item as the Edit form shows it. */
export function formOf(item: Item): ItemForm {
  return {
    title: item.csl.title ?? '',
    authors: (item.csl.author ?? []).map(nameLabel).join('\n'),
    year: yearLabel(item),
    journal: item.csl['container-title'] ?? '',
    volume: item.csl.volume ?? '',
    issue: item.csl.issue ?? '',
    pages: item.csl.page ?? '',
    doi: item.doi ?? item.csl.DOI ?? '',
    abstract: abstractText(item)
  }
}

/** "Family, Given" lines to CSL names; an unchanged line keeps the name's particles and suffix. */
function parseAuthors(text: string, before: CslName[]): CslName[] {
  const known = new Map(before.map(name => [nameLabel(name), name]))
  return text
    .split('\n')
    .map(line => line.trim())
    .filter(Boolean)
    .map(line => {
      const same = known.get(line)
      if (same) return same
      const comma = line.indexOf(',')
      if (comma < 0) return { literal: line }
      const family = line.slice(0, comma).trim()
      const given = line.slice(comma + 1).trim()
      return given ? { family, given } : { family }
    })
}

function setOrDrop(csl: Item['csl'], field: string, value: string): void {
  if (value.trim()) csl[field] = value.trim()
  else delete csl[field]
}

/**
 * The item with the form applied, and the model fields that changed. Only
 * fields whose text differs from `formOf(item)` are touched.
 */
function applyForm(item: Item, form: ItemForm): { item: Item; changed: string[] } {
  const before = formOf(item)
  const csl = { ...item.csl }
  const next: Item = { ...item, csl }
  const changed: string[] = []
  const differs = (field: keyof ItemForm): boolean => form[field].trim() !== before[field].trim()

  const setText = (field: keyof ItemForm, cslField: 'title' | 'container-title' | 'volume' | 'issue' | 'page'): void => {
    if (!differs(field)) return
    setOrDrop(csl, cslField, form[field])
    changed.push(cslField)
  }
  setText('title', 'title')
  if (differs('authors')) {
    const authors = parseAuthors(form.authors, item.csl.author ?? [])
    if (authors.length) csl.author = authors
    else delete csl.author
    delete next.authorDetails // their indexes point into the old list
    changed.push('author', 'authorDetails')
  }
  if (differs('year')) {
    const text = form.year.trim()
    if (text && !/^\d{4}$/.test(text)) throw new ServiceError('INVALID_INPUT', 'The year must be four digits, such as 2021.')
    if (text) csl.issued = { 'date-parts': [[Number(text)]] }
    else delete csl.issued
    changed.push('issued')
  }
  setText('journal', 'container-title')
  setText('volume', 'volume')
  setText('issue', 'issue')
  setText('pages', 'page')
  if (differs('doi')) {
    const text = form.doi.trim()
    const doi = text ? normaliseDoi(text) : undefined
    if (text && !doi) throw new ServiceError('INVALID_INPUT', `“${text}” is not a DOI. A DOI looks like 10.1371/journal.pone.0033693.`)
    if (doi) {
      csl.DOI = doi
      next.doi = doi.toLowerCase()
    } else {
      delete csl.DOI
      delete next.doi
    }
    changed.push('DOI', 'doi')
  }
  if (differs('abstract')) {
    setOrDrop(csl, 'abstract', form.abstract)
    next.abstractSections = [] // the typed text replaces the structured parts
    changed.push('abstract', 'abstractSections')
  }
  return { item: next, changed }
}

/**
 * Saves a hand edit in one transaction. Returns the version before and after
 * (for Undo), or `null` when nothing changed.
 */
export async function saveEdit(db: NeurorefDb, id: string, form: ItemForm): Promise<{ before: Item; after: Item; changed: string[] } | null> {
  await loadPeptideTagger()
  return write(db, [db.items], async changes => {
    const before = await db.items.get(id)
    if (!before) throw new ServiceError('NOT_FOUND', 'This paper is no longer in the library.')
    const { item, changed } = applyForm(before, form)
    if (changed.length === 0) return null
    const after = withIndexFields({ ...item, editedFields: [...new Set([...(before.editedFields ?? []), ...changed])], modifiedAt: Date.now() })
    await db.items.put(after)
    changes.record({ kind: 'item', change: 'changed', ids: [id], items: [after] })
    return { before, after, changed }
  })
}

/**
 * Writes earlier versions of items back (Undo), all in one transaction.
 * Papers deleted since (Trash emptied) stay deleted. Returns how many came back.
 */
export async function restoreVersions(db: NeurorefDb, versions: Item[]): Promise<number> {
  return write(db, [db.items], async changes => {
    // a chunk at a time, as the change it undoes (a whole library's tagging)
    const present = new Set(
      (
        await storedItems(
          db,
          versions.map(v => v.id)
        )
      ).map(item => item.id)
    )
    const restorable = versions.filter(v => present.has(v.id))
    await inChunks(restorable, chunk => db.items.bulkPut(chunk))
    changes.record({ kind: 'item', change: 'changed', ids: restorable.map(v => v.id), items: restorable })
    return restorable.length
  })
}

/** Writes back what changes replaced (Undo), in one write; papers deleted since stay deleted. Returns how many came back. */
export async function putBack(db: NeurorefDb, replaced: readonly Replaced[]): Promise<number> {
  const fieldsOf = new Map(replaced.map(({ id, fields }) => [id, fields]))
  return write(db, [db.items], async changes => {
    const items = await changeItems(db, changes, itemsWithIds(db, [...fieldsOf.keys()]), item => {
      const row = item as unknown as Record<string, unknown>
      for (const [key, value] of Object.entries(fieldsOf.get(item.id)!)) {
        if (value === undefined) delete row[key]
        else row[key] = value
      }
    })
    return items.length
  })
}
