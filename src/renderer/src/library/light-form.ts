// Every paper's light copy (item-basics.ts), saved beside the search index so
// that opening a library reads a few hundred parts instead of every full row
// (100,000 rows with their abstracts took IndexedDB most of a minute to hand
// out). The papers are packed in parts of PAPERS_PER_PART, as the bytes that
// cross to the window, what they share written once per part (light-packing.ts); the commit
// marker (`meta`) names the parts in force, their sizes and papers, and the
// change-log `seq` the form is current to. A save writes its new parts first,
// each in its own transaction, then moves the marker in one small transaction,
// then deletes the parts no marker names. Parts nobody changed stay and are
// named again by the next marker. A crash before the marker moves leaves the
// previous form in force (older `seq`: the change log says which papers to
// read again); a part missing or of another size means "damaged".
import type { ItemBasics } from '@shared/model'
import { recognitionHashes } from '@shared/duplicates'
import type { CurrentTo } from './change-log'
import type { NeurorefDb } from './schema'
import { packPapers, unpackPapers, type PackedPapers } from './light-packing'

/**
 * Bump when what a part holds changes (3: shared values written once, MeSH headings without qualifiers; 4: the
 * duplicate keys as hashes, the DOI written once; 5: written in lines, the papers a hundred a line; 6: saved as the
 * bytes and typed arrays that cross to the window; 7: the papers as columns, no JSON to parse); the key hashes of a
 * sample paper catch a change to how duplicates are recognised or hashed.
 */
const LIGHT_FORMAT = [
  7,
  ...recognitionHashes({
    csl: { type: 'article-journal', title: 'Ünïcode μ-Opioid <i>receptors</i> & Łódź', author: [{ family: 'Ørsted' }], issued: { 'date-parts': [[2020]] } },
    doi: '10.1/AbC',
    pmid: '1',
    pmcid: 'pmc2'
  })
].join('|')
const META = 'meta'
/** papers per part: what the reader reads and sends the window in one go (≈ 0.3 MB) */
export const PAPERS_PER_PART = 500

export interface LightPartRef {
  key: string
  /** length of its papers' bytes: a part of another size is damaged */
  size: number
  /** its papers, in order */
  ids: string[]
}

export interface LightFormMeta {
  id: typeof META
  format: string
  generation: number
  /** every change-log entry up to this one is in the form */
  seq: number
  /** built by this restore from the rows it wrote (change-log.ts, `CurrentTo`) */
  restore?: string
  parts: LightPartRef[]
  items: number
  savedAt: number
}

export interface LightFormPart {
  id: string
  generation: number
  /** the papers' light fields and the hashes of the keys the duplicate finder knows each by (light-packing.ts), in the order of the marker's ids */
  papers: PackedPapers
}

export const parseLightPart = unpackPapers

export type LightFormRow = LightFormMeta | LightFormPart

/** A part of the form to save: one already saved (kept as it is) or new papers. */
export type LightPartToSave = LightPartRef | ItemBasics[]

export type SavedLightForm =
  | { state: 'ok'; meta: LightFormMeta }
  | { state: 'missing' }
  /** a marker that does not match its parts: rebuild */
  | { state: 'damaged'; reason: string; generation: number }

async function committedMeta(db: NeurorefDb): Promise<LightFormMeta | undefined> {
  const meta = (await db.lightCopies.get(META)) as LightFormMeta | undefined
  return meta?.format === LIGHT_FORMAT ? meta : undefined
}

/** The marker alone (the job's catch-up reads only the parts it changes); undefined when there is none of this format. */
export const readLightMeta = (db: NeurorefDb): Promise<LightFormMeta | undefined> => db.transaction('r', db.lightCopies, () => committedMeta(db))

/** True when every part the marker names is stored (sizes are checked where the parts are read). */
export async function lightPartsStored(db: NeurorefDb, meta: LightFormMeta): Promise<boolean> {
  const keys = new Set((await db.lightCopies.toCollection().primaryKeys()) as string[])
  return meta.parts.every(ref => keys.has(ref.key))
}

/** Forgets a form found damaged where it was read (a part of another size): the next index job builds it again. */
export async function forgetLightForm(db: NeurorefDb, generation: number): Promise<void> {
  await db.transaction('rw', db.lightCopies, async () => {
    if ((await committedMeta(db))?.generation === generation) await db.lightCopies.delete(META)
  })
}

/** Some parts, checked against the marker; a sentence when one is missing or of another size. */
export async function readLightParts(db: NeurorefDb, refs: readonly LightPartRef[]): Promise<PackedPapers[] | string> {
  const rows = (await db.lightCopies.bulkGet(refs.map(ref => ref.key))) as (LightFormPart | undefined)[]
  const parts: PackedPapers[] = []
  for (const [n, ref] of refs.entries()) {
    const papers = rows[n]?.papers
    if (papers === undefined) return `a part of it is missing`
    if (papers.lines.length !== ref.size) return `a part of it has the wrong size`
    parts.push(papers)
  }
  return parts
}

/**
 * Some parts as stored, each undefined when it is no longer stored as the marker named it (missing, or of
 * another size). Part keys are written once, so a part read is the one the marker named: a save since can only
 * have removed it (its papers are then read from their rows).
 */
export async function readStoredParts(db: NeurorefDb, refs: readonly LightPartRef[]): Promise<(PackedPapers | undefined)[]> {
  const rows = (await db.lightCopies.bulkGet(refs.map(ref => ref.key))) as (LightFormPart | undefined)[]
  return refs.map((ref, n) => (rows[n]?.papers?.lines.length === ref.size ? rows[n].papers : undefined))
}

/** The committed marker, with a check that every part it names is stored, in one small transaction (the parts are read after, a few at a time). */
export async function readLightMarker(db: NeurorefDb): Promise<SavedLightForm> {
  return db.transaction('r', db.lightCopies, async () => {
    const meta = await committedMeta(db)
    if (!meta) return { state: 'missing' }
    if (!(await lightPartsStored(db, meta))) return { state: 'damaged', reason: 'a part of it is missing', generation: meta.generation }
    return { state: 'ok', meta }
  })
}

export interface LightWriteOptions {
  /** called after each new part is stored (tests stop here to play a crash) */
  afterPart?: (n: number) => void
}

/** A new part of `generation`, stored in its own transaction; its reference for the marker. */
async function putPart(db: NeurorefDb, generation: number, n: number, papers: readonly ItemBasics[]): Promise<LightPartRef> {
  const key = `part:${generation}:${n}`
  const packed = packPapers(papers, papers.map(recognitionHashes))
  await db.lightCopies.put({ id: key, generation, papers: packed } satisfies LightFormPart as LightFormRow)
  return { key, size: packed.lines.length, ids: papers.map(item => item.id) }
}

/**
 * Moves the marker to these parts, current to `at`, unless a newer form was committed meanwhile (another window):
 * that one stays. Then deletes every part the marker in force does not name. True when this one is in force.
 */
async function commitParts(db: NeurorefDb, generation: number, refs: LightPartRef[], at: CurrentTo): Promise<boolean> {
  const meta: LightFormMeta = {
    id: META,
    format: LIGHT_FORMAT,
    generation,
    seq: at.seq,
    ...(at.restore === undefined ? {} : { restore: at.restore }),
    parts: refs,
    items: refs.reduce((sum, ref) => sum + ref.ids.length, 0),
    savedAt: Date.now()
  }
  return db.transaction('rw', db.lightCopies, async () => {
    const current = await committedMeta(db)
    const kept = current && current.seq > at.seq ? current : meta
    if (kept === meta) await db.lightCopies.put(meta)
    // every part the marker in force does not name: the ones replaced, and any left by a save that crashed
    const named = new Set(kept.parts.map(ref => ref.key))
    const keys = (await db.lightCopies.toCollection().primaryKeys()) as string[]
    await db.lightCopies.bulkDelete(keys.filter(key => key !== META && !named.has(key)))
    return kept === meta
  })
}

/** The generation after every one stored: a part's key is never written twice (readers rely on it). */
export async function nextLightGeneration(db: NeurorefDb): Promise<number> {
  return ((await db.lightCopies.orderBy('generation').last())?.generation ?? 0) + 1
}

/**
 * Saves the form current to `seq`: new parts first, then the marker. Returns
 * false when a newer form was committed meanwhile (another window): that one
 * stays, and this save's parts are removed.
 */
export async function writeLightForm(db: NeurorefDb, parts: readonly LightPartToSave[], seq: number, options: LightWriteOptions = {}): Promise<boolean> {
  const generation = await nextLightGeneration(db)
  const refs: LightPartRef[] = []
  for (const part of parts) {
    if (!Array.isArray(part)) {
      refs.push(part)
      continue
    }
    if (part.length === 0) continue
    refs.push(await putPart(db, generation, refs.length, part))
    options.afterPart?.(refs.length - 1)
  }
  return commitParts(db, generation, refs, { seq })
}

/**
 * A new form of a given generation written as its papers come, a part each time PAPERS_PER_PART are in, committed
 * at the end (to a restore's `CurrentTo`). Its parts are named by no marker until then: a crash leaves them to the
 * next save, which removes them.
 */
export class LightFormWriter {
  private refs: LightPartRef[] = []
  private waiting: ItemBasics[] = []

  constructor(
    private db: NeurorefDb,
    private generation: number,
    private options: LightWriteOptions = {}
  ) {}

  async add(papers: readonly ItemBasics[]): Promise<void> {
    this.waiting.push(...papers)
    while (this.waiting.length >= PAPERS_PER_PART) await this.putNext(this.waiting.splice(0, PAPERS_PER_PART))
  }

  async commit(at: CurrentTo): Promise<boolean> {
    if (this.waiting.length > 0) await this.putNext(this.waiting.splice(0))
    return commitParts(this.db, this.generation, this.refs, at)
  }

  private async putNext(papers: ItemBasics[]): Promise<void> {
    this.refs.push(await putPart(this.db, this.generation, this.refs.length, papers))
    this.options.afterPart?.(this.refs.length - 1)
  }
}
