// The reader worker's papers cross whole to the writer worker (or to the window,
// where it writes them) as JSON text rather than as objects: structured clone
// rebuilds every object on the receiving thread, and JSON.parse builds the same
// papers several times faster (opening a library
// found the same, before its papers crossed as bytes: store/part-bytes.ts). Papers are plain data: a field left
// undefined is left out, which reads the same.
import type { Item, PeptideTag } from '@shared/model'
import { abstractIn, type AbstractsOnTheWay } from '../../library/abstract-bytes'
import { storedPeptideTags, type StoredItem } from '../../library/peptide-tags-stored'

export const itemsToWire = (items: Item[]): string => JSON.stringify(items)

export const itemsFromWire = (json: string): Item[] => JSON.parse(json) as Item[]

/**
 * Papers on their way to the writer worker: their JSON with each abstract left out (a 0 keeps its place, so the
 * rows written keep their fields' order), and the abstracts as the window's message has them, UTF-8 bytes (paper n's
 * is the block's abstract n). An abstract was half of the JSON text the reader made and the writer parsed again, and
 * the reader encodes it for the window anyway. The peptide tags are in the JSON as the rows store them, one string
 * a paper (library/peptide-tags-stored.ts): 60 % of the rest of the text, and most of the objects the writer parsed and
 * IndexedDB cloned.
 */
export interface PapersForWriter {
  json: string
  abstracts: AbstractsOnTheWay
  /** the places of the papers whose abstract was left out of the JSON */
  left: number[]
}

/**
 * `abstracts`: the window's block for these papers, where paper n's abstract is its `csl.abstract` whenever that is
 * text (papers-for-window.ts); the block is copied (the window's is handed over). The papers are as they were after.
 */
export function papersForWriter(items: readonly Item[], abstracts: AbstractsOnTheWay): PapersForWriter {
  const left: number[] = []
  const texts: string[] = []
  items.forEach((item, n) => {
    const abstract = item.csl.abstract
    if (typeof abstract !== 'string' || !abstract) return
    left.push(n)
    texts.push(abstract)
    ;(item.csl as Record<string, unknown>).abstract = 0
  })
  const tags = items.map(item => item.peptideTags)
  for (const item of items as StoredItem[]) if (item.peptideTags) item.peptideTags = storedPeptideTags(item.peptideTags as PeptideTag[])
  const json = JSON.stringify(items)
  items.forEach((item, n) => (item.peptideTags = tags[n]))
  left.forEach((n, k) => (items[n].csl.abstract = texts[k]))
  return { json, abstracts: { bytes: abstracts.bytes.slice(), ends: abstracts.ends.slice(), odd: abstracts.odd }, left }
}

/** What a message to the writer hands over rather than copies. */
export const writerTransfer = ({ abstracts }: PapersForWriter): ArrayBuffer[] => [abstracts.bytes.buffer, abstracts.ends.buffer]

/** In the writer: the papers whole, each abstract back in its place, their peptide tags as the rows store them. */
export function papersFromReader({ json, abstracts, left }: PapersForWriter): StoredItem[] {
  const items = JSON.parse(json) as StoredItem[]
  for (const n of left) items[n].csl.abstract = abstractIn(abstracts, n)
  return items
}
