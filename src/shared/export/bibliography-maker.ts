// Long reference lists, made where they can take their time (a worker): the
// same text the formatter gives, entry by entry progress, and what was made
// kept, so saving the same papers in the same style again is instant.
// citeproc itself stays warm between calls (citation-js keeps one engine per
// style and language for as long as this module lives).
//
// A long list is made in groups of papers that cannot affect each other's
// entries (citeproc-pieces.ts). Each group's entries are kept under a hash of
// its papers, the style, the language and the output, here and (given a
// store) across sessions: a list with one paper edited makes only that
// paper's group again. Groups not kept are packed into pieces, shared with
// helpers (another worker, another core) and merged in citeproc's order.
import type { CslRecord } from '@citation-js/core'
import { plugins } from '@citation-js/core'
import CSL from 'citeproc'
import { bibliographyFileOf, bibliographyOfRecords, listInOrder, makePieces, PIECE_SIZE, planInPieces, type PieceStyle } from './formats'
import type { StyledOutput } from './file-types'
import { packGroups, type PieceEntries } from './citeproc-pieces'
import { findStyle, learnLocale, registerStyle, styleOrThrow } from './styles'
import { withoutUnreadFields } from './unread-fields'

export interface BibliographyRequest {
  records: CslRecord[]
  style: string
  output: StyledOutput
  lang?: string
  /** the researcher's own styles and the repository's read so far (a worker has not seen them), parents before the styles that use them */
  customStyles?: CustomStyles
  /** CSL locale files beyond the bundled English ones, by language */
  locales?: Record<string, string>
}

export type Progress = (done: number, total: number) => void

export type CustomStyles = { id: string; xml: string }[]

/** What a helper needs to make pieces as this maker would: the style, and the styles and locales to learn first. */
export interface PieceOrder {
  pieces: CslRecord[][]
  style: PieceStyle
  customStyles?: CustomStyles
  locales?: Record<string, string>
}

/** Makes pieces elsewhere (another worker); `onEntry` as each entry is written. */
export type PieceHelper = (order: PieceOrder, onEntry: () => void) => Promise<PieceEntries[]>

/** Groups' entries kept across sessions (IndexedDB in the app), by key. */
export interface KeptEntries {
  get(keys: string[]): Promise<(PieceEntries | undefined)[]>
  put(rows: { key: string; entries: PieceEntries }[]): Promise<void>
}

/** Lists kept whole: a few selections and styles a researcher goes back and forth between. */
const KEPT = 4
/** Groups' entries kept in memory: a few long lists' worth. */
const KEPT_ENTRIES = 40_000
/** Changes when what a kept entry holds changes, so entries kept by an older version are not used. */
const ENTRY_FORMAT = 1

async function fingerprint(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), b => b.toString(16).padStart(2, '0')).join('')
}

/** Learns the styles and locales a request brings (a worker has not seen the researcher's own). */
export function learnStyles(customStyles: CustomStyles = [], locales: Record<string, string> = {}): void {
  for (const [lang, xml] of Object.entries(locales)) learnLocale(lang, xml)
  for (const { id, xml } of customStyles) if (!findStyle(id)) registerStyle(id, xml)
}

/** Keeps `value` as the most recently used under `key` (a Map iterates oldest first), forgetting the oldest beyond KEPT. */
function remember<V>(kept: Map<string, V>, key: string, value: V): V {
  kept.delete(key)
  kept.set(key, value)
  if (kept.size > KEPT) kept.delete(kept.keys().next().value as string)
  return value
}

/** A turn of the event loop: lets a helper's progress in between two pieces made here. */
const aTurn = (): Promise<void> => new Promise(resolve => setTimeout(resolve, 0))

export class BibliographyMaker {
  private readonly kept = new Map<string, string>()
  /** groups' entries by key, oldest first */
  private readonly groups = new Map<string, PieceEntries>()
  private groupEntries = 0

  constructor(private readonly options: { store?: KeptEntries; helpers?: PieceHelper[]; pieceSize?: number } = {}) {}

  async make(request: BibliographyRequest, onProgress?: Progress): Promise<string> {
    learnStyles(request.customStyles, request.locales)
    const { style, output, lang } = request
    const records = withoutUnreadFields(request.records, styleOrThrow(style).id)
    const key = `${style}|${lang ?? ''}|${output}|${await fingerprint(JSON.stringify(records))}`
    const known = this.kept.get(key)
    if (known !== undefined) {
      remember(this.kept, key, known)
      onProgress?.(records.length, records.length)
      return known
    }
    let done = 0
    const onEntry = onProgress && ((): void => onProgress(++done, records.length))
    const opts = { style, output, lang, onEntry, pieceSize: this.options.pieceSize }
    const plan = planInPieces(records, opts)
    if (!plan) return remember(this.kept, key, bibliographyOfRecords(records, opts))

    // Each group's entries: kept here, kept in the store, or made now.
    const salt = await this.salt(plan.style)
    const keys = await Promise.all(plan.groups.map(group => fingerprint(salt + JSON.stringify(group.map(i => plan.data[i])))))
    const entries: (PieceEntries | undefined)[] = keys.map(k => this.groups.get(k))
    const unknown = keys.flatMap((_, i) => (entries[i] ? [] : [i]))
    if (unknown.length && this.options.store) {
      const stored = await this.options.store.get(unknown.map(i => keys[i])).catch(() => [])
      unknown.forEach((i, n) => (entries[i] = stored[n]))
    }
    for (const found of entries) found?.entries.forEach(() => onEntry?.())
    const missing = plan.groups.flatMap((_, i) => (entries[i] ? [] : [i]))
    const made = await this.makeGroups(
      missing.map(i => plan.groups[i]),
      plan.data,
      { pieces: [], style: plan.style, customStyles: request.customStyles, locales: request.locales },
      onEntry
    )
    missing.forEach((i, n) => (entries[i] = made[n]))
    const fresh = missing.map((i, n) => ({ key: keys[i], entries: made[n] }))
    entries.forEach((group, i) => this.keep(keys[i], group as PieceEntries))
    if (fresh.length) await this.options.store?.put(fresh).catch(() => undefined)
    const list = listInOrder(plan, entries as PieceEntries[])
    return remember(
      this.kept,
      key,
      bibliographyFileOf(records, opts, () => list)
    )
  }

  /** Builds the style's engine ahead of the real list (compiling APA takes seconds). */
  warm(style: string, lang?: string, customStyles?: CustomStyles, locales?: Record<string, string>): void {
    learnStyles(customStyles, locales)
    const one: CslRecord = {
      id: 'warm-up',
      type: 'article-journal',
      title: 'Warm-up',
      author: [{ family: 'Warm', given: 'U' }],
      issued: { 'date-parts': [[2000]] }
    }
    bibliographyOfRecords([one], { style, output: 'text', lang })
  }

  /** What a kept group's key depends on besides its papers: the style's and the locale's text, the output, citeproc's version. */
  private salt({ template, lang, format }: PieceStyle): Promise<string> {
    const csl = plugins.config.get('@csl')
    return fingerprint([ENTRY_FORMAT, CSL.PROCESSOR_VERSION, template, csl.templates.get(template), lang, lang && csl.locales.get(lang), format].join('\n'))
  }

  /** Keeps a group's entries as the most recently used, forgetting the oldest beyond KEPT_ENTRIES. */
  private keep(key: string, group: PieceEntries): void {
    if (this.groups.delete(key)) this.groupEntries -= group.entries.length
    this.groups.set(key, group)
    this.groupEntries += group.entries.length
    for (const [oldest, entries] of this.groups) {
      if (this.groupEntries <= KEPT_ENTRIES) break
      this.groups.delete(oldest)
      this.groupEntries -= entries.entries.length
    }
  }

  /**
   * The groups' entries, made in pieces that this thread and the helpers take
   * from one queue, largest first, each the next one as soon as it is free: a
   * helper on a busy core takes fewer, and none waits for another's share. A
   * helper that fails leaves its piece and the rest to this thread.
   */
  private async makeGroups(groups: number[][], data: CslRecord[], order: PieceOrder, onEntry?: () => void): Promise<PieceEntries[]> {
    if (!groups.length) return []
    const size = this.options.pieceSize ?? PIECE_SIZE
    const papers = groups.reduce((sum, group) => sum + group.length, 0)
    const helpers = this.options.helpers ?? []
    const count = Math.max(Math.round(papers / size), Math.min(groups.length, helpers.length + 1))
    const queue = packGroups(groups, count).sort((a, b) => b.length - a.length)
    const records = (piece: number[]): CslRecord[] => piece.map(i => data[i])
    const made: PieceEntries[] = []
    const here = async (): Promise<void> => {
      for (let piece = queue.shift(); piece; piece = queue.shift()) {
        made.push(...makePieces([records(piece)], order.style, onEntry))
        await aTurn() // lets a helper's progress and answers in
      }
    }
    const failed = new Set<PieceHelper>()
    const away = async (helper: PieceHelper): Promise<void> => {
      for (let piece = queue.shift(); piece; piece = queue.shift()) {
        const entries = failed.has(helper)
          ? undefined
          : await helper({ ...order, pieces: [records(piece)] }, () => onEntry?.()).catch(() => void failed.add(helper))
        if (!entries) return void made.push(...makePieces([records(piece)], order.style, onEntry))
        made.push(...entries)
      }
    }
    // The helpers are sent their first pieces before this thread starts on its own. Two pieces in flight per helper: it
    // starts the next while this thread, busy with a piece, has not yet read its answer.
    await Promise.all([...helpers.flatMap(helper => [away(helper), away(helper)]), here()])
    // Back from pieces to groups: each entry to its paper's group.
    const groupOf = new Map<string, number>()
    groups.forEach((group, g) => group.forEach(i => groupOf.set(String(data[i].id), g)))
    const byGroup: PieceEntries[] = groups.map(() => ({ entries: [], bibstart: made[0].bibstart, bibend: made[0].bibend }))
    for (const piece of made) for (const entry of piece.entries) byGroup[groupOf.get(entry.id) ?? 0].entries.push(entry)
    return byGroup
  }
}
