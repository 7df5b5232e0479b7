// The search index saved in IndexedDB, so opening a library does not tokenise
// every abstract again. It is written in parts, each in its own transaction
// (a 100k index is ~150 MB), under a new generation number; only then does
// one small transaction move the commit marker (the `meta` row) to that
// generation, and the old generation's parts go. A crash before the marker
// moves leaves the previous generation in force (plus parts nobody points
// to, removed at the next write). The marker records the change-log `seq`
// the index is current to, the size of every part and a fingerprint of the
// tokeniser: a marker that disagrees with what is stored means "rebuild".
import type { IndexSnapshot } from '@shared/search/index'
import { SEARCH_FIELDS } from '@shared/search/fields'
import { tokenize } from '@shared/search/tokens'
import { withWordStarts } from '@shared/search/postings'
import { withRunCodes } from '@shared/search/word-runs'
import type { NeurorefDb } from './schema'

/**
 * Bump when the saved layout changes; the fingerprint below catches changes to how text becomes words.
 * 2: entries and phrase runs as varint bytes, runs in word codes (docs/SEARCH-INDEX.md).
 * 3: runs for every field of words (title, authors, journal, MeSH…), not only abstracts and notes.
 */
const INDEX_FORMAT = 3
const INDEX_FINGERPRINT = [
  INDEX_FORMAT,
  SEARCH_FIELDS.join(','),
  tokenize('Ünïcode μ-Opioid H<sub>2</sub>O &amp; ß; self-administration, 5-HT1A «ratón» Łódź').join(' ')
].join('|')

const META = 'meta'
/** Pages of phrase runs (4 MB each) stored together in one part: 8 MB, so a part read at open keeps the light form's reads waiting little (any count reads back). */
const PAGES_PER_PART = 2

export interface IndexMeta {
  id: typeof META
  /** INDEX_FINGERPRINT when written */
  fingerprint: string
  generation: number
  /** every change-log entry up to this one is in the index */
  seq: number
  /** built by this restore from the rows it wrote (change-log.ts, `CurrentTo`) */
  restore?: string
  /** byte size of each part, in order: a part missing or of another size means the index is damaged */
  sizes: number[]
  items: number
  savedAt: number
}

/**
 * The entries and the runs' pages, ~75 MB at 100,000 papers, are stored as Blobs: in Chromium, 48 MB of 8 MB Blobs read
 * back (got, then their bytes read) in 0.9-1.0 s against 2.0-3.0 s as typed arrays (a page, at load 12-15). An index
 * saved before holds typed arrays, read as they are.
 */
type Stored = Uint8Array | Blob

/**
 * The head holds where each word begins and the runs' table of codes too, made as the index is saved: the worker that
 * hands a loaded index to the window at open made them from the words there (0.5 s of its 0.9 s of work before the
 * handback in a traced reopen at 100,000 papers, load 8). A head saved before without them still loads (made then).
 */
type Part =
  | {
      kind: 'head'
      ids: string
      years: Uint16Array
      words: string
      offsets: Uint32Array
      starts: Int32Array
      lengths: Uint32Array
      runWords: Uint32Array
      wordStarts?: Uint32Array
      runCodes?: Uint32Array
    }
  | { kind: 'entries'; entries: Stored }
  | { kind: 'runs'; pages: Stored[] }

const sizeOfStored = (bytes: Stored): number => (bytes instanceof Blob ? bytes.size : bytes.byteLength)

/** Bytes to store as a Blob (a page's bytes are never shared memory). */
const blobOf = (bytes: Uint8Array): Blob => new Blob([bytes as Uint8Array<ArrayBuffer>])

/** The bytes stored (a Blob read now). */
const bytesOf = async (stored: Stored): Promise<Uint8Array> => (stored instanceof Blob ? new Uint8Array(await stored.arrayBuffer()) : stored)

export interface IndexPart {
  id: string
  generation: number
  part: Part
}

export type SavedIndexRow = IndexMeta | IndexPart

const partId = (generation: number, n: number) => `part:${generation}:${n}`

function sizeOf(part: Part): number {
  switch (part.kind) {
    case 'head':
      return (
        part.ids.length +
        part.words.length +
        part.years.byteLength +
        part.offsets.byteLength +
        part.starts.byteLength +
        part.lengths.byteLength +
        part.runWords.byteLength +
        (part.wordStarts?.byteLength ?? 0) +
        (part.runCodes?.byteLength ?? 0)
      )
    case 'entries':
      return sizeOfStored(part.entries)
    case 'runs':
      return part.pages.reduce((sum, page) => sum + sizeOfStored(page), 0)
  }
}

function partsOf(snapshot: IndexSnapshot): Part[] {
  const { ids, years } = snapshot
  const postings = withWordStarts(snapshot.postings)
  const runs = withRunCodes(snapshot.runs)
  const { words, offsets } = postings
  const parts: Part[] = [
    {
      kind: 'head',
      ids,
      years,
      words,
      offsets,
      starts: runs.starts,
      lengths: runs.lengths,
      runWords: runs.words,
      wordStarts: postings.starts,
      runCodes: runs.codes
    },
    { kind: 'entries', entries: blobOf(postings.entries) }
  ]
  for (let i = 0; i < runs.pages.length; i += PAGES_PER_PART) parts.push({ kind: 'runs', pages: runs.pages.slice(i, i + PAGES_PER_PART).map(blobOf) })
  return parts
}

export type SavedIndex =
  | { state: 'ok'; meta: IndexMeta; snapshot: IndexSnapshot }
  | { state: 'missing' }
  /** a marker that does not match its parts, or another tokeniser: rebuild */
  | { state: 'damaged'; reason: string }

/** how many times a marker moved while its parts were read is read again before the index is called damaged */
const MARKER_MOVES = 3

/**
 * The committed index, checked part by part against its marker. Each part is read in a transaction of its own: read
 * in one (≈ 100 MB at 100,000 papers), it held IndexedDB while the light form's parts waited behind it at open (the
 * window and the rows worker idle for seconds in a traced reopen at load 19). A part's key is written once, so a part
 * read is the one the marker named; a save that moved the marker meanwhile removes it, and the new marker is read.
 */
export async function readSavedIndex(db: NeurorefDb): Promise<SavedIndex> {
  for (let moves = 0; ; moves++) {
    const marked = await readSavedMarker(db)
    if (marked.state !== 'ok') return marked
    const { meta } = marked
    const read = await readParts(db, meta)
    if (read.state !== 'gone') return read
    const now = (await db.searchIndex.get(META)) as IndexMeta | undefined
    if (now?.generation === meta.generation || moves >= MARKER_MOVES) return { state: 'damaged', reason: read.reason }
  }
}

/**
 * The committed marker alone, of this version or not; its parts are not read, so not checked (a job that keeps the
 * window's index after a filing-only change need not read them: index-job.ts, `keptIndexCurrent`).
 */
export async function readSavedMarker(db: NeurorefDb): Promise<{ state: 'ok'; meta: IndexMeta } | Exclude<SavedIndex, { state: 'ok' }>> {
  const meta = (await db.searchIndex.get(META)) as IndexMeta | undefined
  if (!meta) return { state: 'missing' }
  if (meta.fingerprint !== INDEX_FINGERPRINT) return { state: 'damaged', reason: 'it was saved by another version of the search' }
  return { state: 'ok', meta }
}

/** A part's stored bytes (entries, or the runs' pages), or none. */
const storedIn = (part: Part): Stored[] => (part.kind === 'entries' ? [part.entries] : part.kind === 'runs' ? part.pages : [])

/** A part's row, its Blobs' bytes asked for as soon as it is had (null when they cannot be read). */
async function readPart(db: NeurorefDb, generation: number, n: number): Promise<{ part: Part; bytes: Promise<Uint8Array[] | null> } | undefined> {
  const row = (await db.searchIndex.get(partId(generation, n))) as IndexPart | undefined
  return row && { part: row.part, bytes: Promise.all(storedIn(row.part).map(bytesOf)).catch(() => null) }
}

/**
 * The marker's parts, each read on its own; `gone` when one is not stored (missing, or removed by a save since). Every
 * part is asked for at once and each Blob's bytes as soon as its row is had: read part after part, the head first, the
 * ~75 MB of Blob bytes at 100,000 papers were asked for only once the head was in.
 */
async function readParts(db: NeurorefDb, meta: IndexMeta): Promise<SavedIndex | { state: 'gone'; reason: string }> {
  const count = meta.sizes.length
  const rows = await Promise.all(Array.from({ length: count }, (_, n) => readPart(db, meta.generation, n)))
  for (let n = 0; n < count; n++) {
    const row = rows[n]
    if (!row) return { state: 'gone', reason: `part ${n + 1} of ${count} is missing` }
    if (sizeOf(row.part) !== meta.sizes[n]) return { state: 'damaged', reason: `part ${n + 1} of ${count} has the wrong size` }
  }
  const [head, entries, ...runs] = rows.map(row => row!)
  if (head?.part.kind !== 'head' || entries?.part.kind !== 'entries' || runs.some(row => row.part.kind !== 'runs'))
    return { state: 'damaged', reason: 'its parts are out of order' }
  const read = await Promise.all([entries, ...runs].map(row => row.bytes))
  // a Blob's bytes live apart from its row (a profile copied without them, a disk error): the marker is read again,
  // and an index still unreadable is rebuilt rather than the search failing
  if (read.some(bytes => bytes === null)) return { state: 'gone', reason: 'its stored bytes could not be read' }
  const [[entryBytes], ...pages] = read as Uint8Array[][]
  const { part } = head
  const snapshot: IndexSnapshot = {
    ids: part.ids,
    years: part.years,
    postings: { words: part.words, offsets: part.offsets, entries: entryBytes, ...(part.wordStarts && { starts: part.wordStarts }) },
    runs: { pages: pages.flat(), starts: part.starts, lengths: part.lengths, words: part.runWords, ...(part.runCodes && { codes: part.runCodes }) }
  }
  return { state: 'ok', meta, snapshot }
}

/** True when a saved index of this version is committed (it may still need catching up): the window will have it soon. */
export async function savedIndexMarked(db: NeurorefDb): Promise<boolean> {
  return (await readSavedMarker(db)).state === 'ok'
}

/**
 * The saved index of this generation, unchanged, is current to `seq` too (the log's entries since name no paper it must
 * index again: filing-only changes): its marker moves, its parts stay. False when another generation is in force.
 */
export async function markSavedIndexCurrent(db: NeurorefDb, generation: number, seq: number): Promise<boolean> {
  return db.transaction('rw', db.searchIndex, async () => {
    const meta = (await db.searchIndex.get(META)) as IndexMeta | undefined
    if (meta?.generation !== generation) return false
    if (meta.seq < seq) await db.searchIndex.put({ ...meta, seq } satisfies IndexMeta as SavedIndexRow)
    return true
  })
}

export interface WriteOptions {
  /** called after each part is stored (tests stop here to play a crash) */
  afterPart?: (n: number) => void
  /** the restore whose rows it was built from, as they were written (library-pages.ts) */
  restore?: string
}

/**
 * Saves an index current to `seq` as a new generation and commits it.
 * Returns false when a newer index was committed meanwhile (another window):
 * that one stays, this one's parts are removed.
 */
export async function writeSavedIndex(db: NeurorefDb, snapshot: IndexSnapshot, seq: number, options: WriteOptions = {}): Promise<boolean> {
  const parts = partsOf(snapshot)
  const before = (await db.searchIndex.get(META)) as IndexMeta | undefined
  const rows = await db.searchIndex.orderBy('generation').last()
  const generation = Math.max(before?.generation ?? 0, rows?.generation ?? 0) + 1
  for (let n = 0; n < parts.length; n++) {
    await db.searchIndex.put({ id: partId(generation, n), generation, part: parts[n] } satisfies IndexPart as SavedIndexRow)
    options.afterPart?.(n)
  }
  const meta: IndexMeta = {
    id: META,
    fingerprint: INDEX_FINGERPRINT,
    generation,
    seq,
    ...(options.restore === undefined ? {} : { restore: options.restore }),
    sizes: parts.map(sizeOf),
    items: snapshot.years.length,
    savedAt: Date.now()
  }
  return db.transaction('rw', db.searchIndex, async () => {
    const current = (await db.searchIndex.get(META)) as IndexMeta | undefined
    const keep = current && current.fingerprint === INDEX_FINGERPRINT && current.seq > seq ? current.generation : generation
    if (keep === generation) await db.searchIndex.put(meta)
    // every part of any other generation: the one replaced, and any left by a write that crashed
    await db.searchIndex
      .where('generation')
      .notEqual(keep)
      .filter(row => row.id !== META)
      .delete()
    return keep === generation
  })
}
