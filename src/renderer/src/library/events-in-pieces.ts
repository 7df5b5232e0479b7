// A write's events carried from a worker to the window (features/item/filing-elsewhere.ts): a whole library's lists (100,000 ids, each
// paper's filing fields) cross in pieces, each message a task of its own in the window, and the events are put together
// again before they are emitted there. Read in one message, 100,000 papers' filing values would be one long task; read as
// objects, even 5,000 a message were (filing-columns.ts): they cross as columns.
import type { LibraryEvent } from './events'
import type { Filing } from './item-basics'
import { filedObjects, filingColumns, joinedColumns, joinedLists, type FilingColumns } from './filing-columns'

/** values of a list that cross in one message */
const PIECE = 5_000

/** A list of an event that crossed in pieces: the `list`th put together, in the order sent. */
interface SentApart {
  apart: number
}

/** Events as they cross: their long lists stand in as `SentApart`, sent before them. */
export type EventsCrossing = Record<string, unknown>[][]

/** A piece of the `list`th list: its values as they are, or papers' filing values as columns. */
export type ListPiece = { list: number; values: unknown[] } | { list: number; filing: FilingColumns }

/** A piece of `values`, an event's `key`: its filing values as columns where they fit them. */
function pieceOf(list: number, key: string, values: unknown[]): ListPiece {
  const filing = key === 'filing' ? filingColumns(values as Filing[]) : undefined
  return filing ? { list, filing } : { list, values }
}

/** The events (of each committed write), their lists longer than `piece` sent ahead in pieces by `send`. */
export function sendApart(written: readonly (readonly LibraryEvent[])[], send: (piece: ListPiece) => void, piece = PIECE): EventsCrossing {
  let lists = 0
  return written.map(events =>
    events.map(event => {
      const crossing: Record<string, unknown> = { ...event }
      for (const [key, value] of Object.entries(event))
        if (Array.isArray(value) && value.length > piece) {
          const list = lists++
          for (let from = 0; from < value.length; from += piece) send(pieceOf(list, key, value.slice(from, from + piece)))
          crossing[key] = { apart: list } satisfies SentApart
        }
      return crossing
    })
  )
}

/** The window's end: the pieces as they come, then the events with their lists put back (filing values as columns). */
export class EventsArriving {
  private readonly lists: ListPiece[][] = []

  piece(piece: ListPiece): void {
    ;(this.lists[piece.list] ??= []).push(piece)
  }

  events(crossing: EventsCrossing): LibraryEvent[][] {
    return crossing.map(events =>
      events.map(event => {
        const whole: Record<string, unknown> = { ...event }
        for (const [key, value] of Object.entries(event)) if (isApart(value)) whole[key] = joined(this.lists[value.apart])
        return whole as unknown as LibraryEvent
      })
    )
  }
}

/** A list's pieces as one: columns where every piece came as columns, else the values (filing values as objects). */
function joined(pieces: ListPiece[]): unknown[] | FilingColumns {
  const columns = pieces.flatMap(piece => ('filing' in piece ? [piece.filing] : []))
  if (columns.length === pieces.length) return joinedColumns(columns)
  return joinedLists(pieces.map(piece => ('filing' in piece ? filedObjects(piece.filing) : piece.values)))
}

const isApart = (value: unknown): value is SentApart => typeof value === 'object' && value !== null && !Array.isArray(value) && 'apart' in value
