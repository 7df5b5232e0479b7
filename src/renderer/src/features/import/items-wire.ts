// The reader worker's papers cross whole to the window (where it writes them) as JSON text rather than as objects:
// structured clone rebuilds every object on the receiving thread, and JSON.parse builds the same papers several times
// faster (opening a library found the same, before its papers crossed as bytes: store/part-bytes.ts). Papers are
// plain data: a field left undefined is left out, which reads the same.
//
// Where a writer worker writes them, the writer is sent what the window is sent (papers-for-window.ts: each paper's
// light copy, packed, and its abstract as bytes), copied, and only what a light copy does not hold as the row does:
// the long parts, the MeSH headings and peptide tags whole (the tags as the rows store them, one string a paper:
// library/peptide-tags-stored.ts, outside the JSON: its tabs and line breaks are escapes there), and the order of the
// paper's fields (as a number: a file's papers have few orders). Each paper was made into JSON twice in the reader,
// packed for the window and whole for the writer: the whole papers' JSON was 12 % of the reader's time (traced).
import type { Item } from '@shared/model'
import { abstractsTransfer, abstractStoredIn, type AbstractsOnTheWay } from '../../library/abstract-bytes'
import { copiedAsIs } from '../../library/item-basics'
import { storedPeptideTags, type StoredPeptideTags } from '../../library/peptide-tags-stored'
import type { StoredItem } from '../../library/row-read'
import { PartReceiver, partCopy, partTransfer, type PartOnTheWay } from '../../store/part-bytes'
import type { PapersOnTheWay } from './papers-for-window'

export const itemsToWire = (items: Item[]): string => JSON.stringify(items)

export const itemsFromWire = (json: string): Item[] => JSON.parse(json) as Item[]

/** The order of a paper's fields, and of its CSL fields: the rows keep the paper's. */
type FieldOrder = [fields: string[], csl: string[]]

/** What a paper's light copy does not hold as the row does (its peptide tags aside); `csl.abstract` only where it did not cross as bytes. */
type Rest = Record<string, unknown> & { csl?: { abstract: unknown } }

/** Papers on their way to the writer worker: the window's message for them, copied, and what the rows need besides. */
export interface PapersForWriter {
  /** the papers' light copies, as the window's message has them (their shared values numbered across the file's messages) */
  part: PartOnTheWay
  /** paper n's abstract is the block's abstract n where n is in `left` (its `csl.abstract` is text) */
  abstracts: AbstractsOnTheWay
  left: number[]
  /** the field orders no earlier message had, numbered on from theirs */
  newOrders: FieldOrder[]
  /** each paper's field order */
  orders: Uint32Array<ArrayBuffer>
  /** JSON: each paper's Rest, 0 where it has none */
  rest: string
  /** each paper's peptide tags as the row stores them (0: none) */
  peptideTags: (StoredPeptideTags | 0)[]
}

/** In the reader: papers made ready for the writer from the window's message for them, field orders numbered across the file's messages. */
export class WriterSender {
  private readonly orders = new Map<string, number>()

  /** `message`: the window's, not yet handed over (its bytes are copied); paper n's abstract there is its `csl.abstract` whenever that is text. */
  forWriter(items: readonly Item[], { part, abstracts }: PapersOnTheWay): PapersForWriter {
    const newOrders: FieldOrder[] = []
    const orders = new Uint32Array(items.length)
    const left: number[] = []
    const peptideTags = items.map(item => (item.peptideTags ? storedPeptideTags(item.peptideTags) : 0))
    const rests = items.map((item, n) => {
      const fields = Object.keys(item)
      const csl = Object.keys(item.csl)
      const key = `${fields.join()}|${csl.join()}`
      let order = this.orders.get(key)
      if (order === undefined) {
        this.orders.set(key, (order = this.orders.size))
        newOrders.push([fields, csl])
      }
      orders[n] = order
      let rest: Rest | 0 = 0
      for (const field of fields) {
        const value = item[field as keyof Item]
        if (field === 'csl' || field === 'peptideTags' || copiedAsIs(field) || value === undefined) continue
        ;(rest ||= {})[field] = value
      }
      const abstract = item.csl.abstract
      if (typeof abstract === 'string' && abstract) left.push(n)
      else if (abstract !== undefined) (rest ||= {}).csl = { abstract }
      return rest
    })
    return {
      part: partCopy(part),
      abstracts: { bytes: abstracts.bytes.slice(), ends: abstracts.ends.slice(), odd: abstracts.odd },
      left,
      newOrders,
      orders,
      rest: JSON.stringify(rests),
      peptideTags
    }
  }
}

/** What a message to the writer hands over rather than copies. */
export const writerTransfer = ({ part, abstracts, orders }: PapersForWriter): ArrayBuffer[] => [
  ...partTransfer(part),
  ...abstractsTransfer(abstracts),
  orders.buffer
]

const NO_REST: Rest = {}

/** In the writer: the papers whole, as rows (peptide tags and abstracts as the rows store them), from the file's messages in the order they were sent. */
export class WriterReceiver {
  private readonly light = new PartReceiver()
  private readonly orders: FieldOrder[] = []

  papers({ part, abstracts, left, newOrders, orders, rest, peptideTags }: PapersForWriter): StoredItem[] {
    this.orders.push(...newOrders)
    const rests = JSON.parse(rest) as (Rest | 0)[]
    const inBytes = new Set(left)
    const rows: StoredItem[] = []
    for (const line of this.light.lines(part)) {
      for (const light of line.papers as unknown as Record<string, unknown>[]) {
        const n = rows.length
        const [fields, cslFields] = this.orders[orders[n]]
        const more = rests[n] || NO_REST
        const lightCsl = light.csl as Record<string, unknown>
        const row: Record<string, unknown> = {}
        for (const field of fields) {
          if (field !== 'csl') {
            const value = field === 'peptideTags' ? peptideTags[n] || undefined : field in more ? more[field] : light[field]
            if (value !== undefined) row[field] = value
            continue
          }
          const csl: Record<string, unknown> = {}
          for (const name of cslFields) {
            const value = name !== 'abstract' ? lightCsl[name] : inBytes.has(n) ? abstractStoredIn(abstracts, n) : more.csl?.abstract
            if (value !== undefined) csl[name] = value
          }
          row.csl = csl
        }
        rows.push(row as unknown as StoredItem)
      }
    }
    return rows
  }
}
