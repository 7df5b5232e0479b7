// How papers read from their rows cross from the reader worker to the window:
// as JSON, a few hundred papers a message. A message of 1,000 papers as
// objects took the window 80-90 ms to receive (structured clone rebuilds every
// object on the window's thread), 100 such tasks at 100,000 papers; a string
// is copied whole and JSON.parse builds the papers several times faster, in
// pieces small enough to leave the window its turns. The papers are packed as
// the saved light form packs them (library/light-packing.ts), so the window
// keeps one copy of what they share on this way in too.
import { packPapers, unpackPapers, type SharedValues } from '../library/light-packing'
import type { RowsChunk } from './light-rows'

/** papers per message */
export const PAPERS_PER_MESSAGE = 250

/** A piece of a chunk: its papers and their keys' hashes packed, their abstracts as JSON (an abstract not read is `null`). */
export interface RowsPiece {
  papers: string
  abstracts: string
}

/** The chunk's papers in order, in pieces of at most `size` papers. */
export function rowsAsJson(chunk: RowsChunk, size = PAPERS_PER_MESSAGE): RowsPiece[] {
  const pieces: RowsPiece[] = []
  for (let start = 0; start < chunk.items.length; start += size) {
    const end = start + size
    pieces.push({
      papers: packPapers(chunk.items.slice(start, end), chunk.hashes.slice(start, end)),
      abstracts: JSON.stringify(chunk.abstracts.slice(start, end))
    })
  }
  return pieces
}

/** A piece's papers; what they share is taken from `shared` (one copy of each across pieces). */
export function rowsFromJson(piece: RowsPiece, shared?: SharedValues): RowsChunk {
  const { papers, hashes } = unpackPapers(piece.papers, shared)
  const abstracts = JSON.parse(piece.abstracts) as (string | null)[]
  return { kind: 'rows', items: papers, abstracts: abstracts.map(abstract => abstract ?? undefined), hashes }
}
