// How papers read from their rows cross from the reader worker to the window:
// as JSON, a few hundred papers a message. A message of 1,000 papers as
// objects took the window 80-90 ms to receive (structured clone rebuilds every
// object on the window's thread), 100 such tasks at 100,000 papers; a string
// is copied whole and JSON.parse builds the papers several times faster, in
// pieces small enough to leave the window its turns.
import type { RowsChunk } from './light-rows'

/** papers per message */
export const PAPERS_PER_MESSAGE = 250

/** The chunk's papers in order, as JSON pieces of at most `size` papers (an abstract not read is `null`). */
export function rowsAsJson(chunk: RowsChunk, size = PAPERS_PER_MESSAGE): string[] {
  const pieces: string[] = []
  for (let start = 0; start < chunk.items.length; start += size) {
    const end = start + size
    pieces.push(JSON.stringify({ items: chunk.items.slice(start, end), abstracts: chunk.abstracts.slice(start, end), keys: chunk.keys.slice(start, end) }))
  }
  return pieces
}

export function rowsFromJson(json: string): RowsChunk {
  const { items, abstracts, keys } = JSON.parse(json) as { items: RowsChunk['items']; abstracts: (string | null)[]; keys: string[][] }
  return { kind: 'rows', items, abstracts: abstracts.map(abstract => abstract ?? undefined), keys }
}
