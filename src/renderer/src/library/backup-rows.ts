// Every row of a backup is checked against the model before anything is
// written: a row the app cannot load (a paper without its fields, a date that
// is not a number) once replaced the whole library and left the window at
// "opening the library…". Pure (no database), so a Web Worker can run it on a
// file being read line by line.

/** Every table of the library, in the order a restore writes them. */
export const BACKUP_TABLES = ['items', 'collections', 'tags', 'notes', 'attachments', 'settings', 'savedSearches', 'pubmedSearches', 'fullTexts'] as const
export type BackupTable = (typeof BACKUP_TABLES)[number]

export const PRIMARY_KEYS: Record<BackupTable, string> = {
  items: 'id',
  collections: 'id',
  tags: 'name',
  notes: 'id',
  attachments: 'id',
  settings: 'key',
  savedSearches: 'id',
  pubmedSearches: 'id',
  fullTexts: 'attachmentId'
}

type Row = Record<string, unknown>
/** A field's check: what is wrong with the value, or undefined when it is fine. */
type Check = (value: unknown) => string | undefined

const text: Check = v => (typeof v === 'string' ? undefined : 'is not text')
const key: Check = v => (typeof v === 'string' && v.length > 0 ? undefined : 'is not a non-empty text')
const number: Check = v => (typeof v === 'number' && Number.isFinite(v) ? undefined : 'is not a number')
const flag: Check = v => (typeof v === 'boolean' ? undefined : 'is not true or false')
const texts: Check = v => (Array.isArray(v) && v.every(x => typeof x === 'string') ? undefined : 'is not a list of texts')
const list: Check = v => (Array.isArray(v) ? undefined : 'is not a list')
const oneOf =
  (...values: string[]): Check =>
  v =>
    values.includes(v as string) ? undefined : `is not one of ${values.join(', ')}`
const paperFields: Check = v =>
  typeof v !== 'object' || v === null || Array.isArray(v) ? 'is not a set of fields' : typeof (v as Row).type === 'string' ? undefined : 'has no type'
const sha256: Check = v => (typeof v === 'string' && /^[0-9a-f]{64}$/.test(v) ? undefined : 'is not a SHA-256 hash')
const anything: Check = () => undefined

/** Required fields, and optional ones (`?` after the name) checked when present. What the app reads at start. */
const MODEL: Record<BackupTable, Record<string, Check>> = {
  items: {
    id: key,
    csl: paperFields,
    // backups before version 3 carry each paper's title words (an old index); later ones leave them out
    'titleWords?': texts,
    tags: texts,
    collectionIds: texts,
    sources: texts,
    addedAt: number,
    modifiedAt: number,
    'year?': number,
    'trashedAt?': number,
    'rating?': number,
    'readStatus?': oneOf('unread', 'reading', 'read'),
    'doiKey?': text,
    'doi?': text,
    'pmid?': text,
    'pmcid?': text,
    'citationKey?': text,
    'peptideTags?': list,
    'removedPeptideTags?': texts,
    'editedFields?': texts,
    'addedBy?': text,
    'editedBy?': text
  },
  collections: { id: key, name: text, createdAt: number, 'parentId?': key },
  tags: { name: key, kind: oneOf('manual', 'keyword', 'mesh', 'peptide'), 'color?': text },
  notes: { id: key, itemId: key, text: text, createdAt: number, modifiedAt: number },
  attachments: { id: key, itemId: key, hash: sha256, fileName: text, size: number, addedAt: number },
  settings: { key: key, value: anything },
  savedSearches: { id: key, name: text, query: text, createdAt: number },
  pubmedSearches: { id: key, name: text, query: text, createdAt: number, checkFrom: text, newPmids: texts, 'lastCheckedAt?': number, 'lastError?': text },
  fullTexts: { attachmentId: key, itemId: key, pages: texts, hasTextLayer: flag, extractedAt: number }
}

/** What is wrong with one row, in words ("has no addedAt (the date it was added)"), or undefined. */
function rowProblem(table: BackupTable, row: unknown): string | undefined {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return 'is not a record'
  for (const [name, check] of Object.entries(MODEL[table])) {
    const optional = name.endsWith('?')
    const field = optional ? name.slice(0, -1) : name
    const value = (row as Row)[field]
    if (value === undefined) {
      if (optional) continue
      return `has no ${words(field)}`
    }
    const wrong = check(value)
    if (wrong) return `has a ${words(field)} that ${wrong}`
  }
  return undefined
}

/** Field names a researcher would not recognise, in words. */
const FIELD_WORDS: Record<string, string> = {
  csl: 'bibliographic fields (csl)',
  addedAt: 'date added (addedAt)',
  modifiedAt: 'date modified (modifiedAt)',
  titleWords: 'title index (titleWords)',
  collectionIds: 'collection list (collectionIds)',
  itemId: 'paper (itemId)'
}
const words = (field: string): string => FIELD_WORDS[field] ?? field

const describeRow = (table: BackupTable, row: unknown): string => {
  const id = typeof row === 'object' && row !== null ? (row as Row)[PRIMARY_KEYS[table]] : undefined
  return typeof id === 'string' && id ? ` (${PRIMARY_KEYS[table]} “${id.slice(0, 80)}”)` : ''
}

/**
 * Checks rows as they come (all of a table at once, or a file line by line):
 * the first bad row is kept in words, the others counted, and a key seen
 * twice in one table is a bad row too (the write would fail on it).
 */
export class BackupRowCheck {
  private first: string | undefined
  private bad = 0
  private seen: Record<BackupTable, Set<string>> = Object.fromEntries(BACKUP_TABLES.map(t => [t, new Set<string>()])) as Record<BackupTable, Set<string>>
  readonly counts: Record<BackupTable, number> = Object.fromEntries(BACKUP_TABLES.map(t => [t, 0])) as Record<BackupTable, number>

  add(table: BackupTable, row: unknown): void {
    const position = ++this.counts[table]
    let problem = rowProblem(table, row)
    if (!problem) {
      const id = (row as Row)[PRIMARY_KEYS[table]] as string
      if (this.seen[table].has(id)) problem = `has the same ${PRIMARY_KEYS[table]} as an earlier row`
      else this.seen[table].add(id)
    }
    if (!problem) return
    this.bad += 1
    this.first ??= `row ${position.toLocaleString('en')} of ${table}${describeRow(table, row)} ${problem}`
  }

  /** A line of a backup file that is no row at all (not JSON, no table): damaged like a bad row. */
  addBadLine(problem: string): void {
    this.bad += 1
    this.first ??= problem
  }

  addAll(table: BackupTable, rows: readonly unknown[]): void {
    for (const row of rows) this.add(table, row)
  }

  /** The sentence for a damaged backup, or undefined when every row is fine. */
  problem(fileName: string): string | undefined {
    if (!this.first) return undefined
    const others = this.bad - 1
    const more = others === 0 ? 'It is the only damaged row' : `${others.toLocaleString('en')} more ${others === 1 ? 'row is' : 'rows are'} damaged`
    return `${fileName} cannot be restored: ${this.first}. ${more}. Nothing was changed.`
  }
}
