// A write's events carried from the filing worker to the window (events-in-pieces.ts): what the window emits is what the
// worker's write emitted, every field of every paper, however its lists were cut into pieces; papers' filing values
// cross as columns (filing-columns.ts), not as an object a paper.
import { describe, expect, it } from 'vitest'
import type { ReadStatus } from '@shared/model'
import { EventsArriving, sendApart, type ListPiece } from './events-in-pieces'
import { filedObjects } from './filing-columns'
import type { LibraryEvent } from './events'
import type { Filing } from './item-basics'

/** The events with their filing values as objects, as the worker's write emitted them and the store takes them (filedAt). */
const asObjects = (events: LibraryEvent[][]): LibraryEvent[][] =>
  events.map(list => list.map(event => ('filing' in event ? { ...event, filing: filedObjects(event.filing) } : event)))

/**
 * The events as the window emits them, each piece and the events cloned as a message is, their filing values as
 * objects; the pieces sent too, and the events as emitted.
 */
function crossed(written: LibraryEvent[][], piece?: number): { arrived: LibraryEvent[][]; pieces: ListPiece[]; emitted: LibraryEvent[][] } {
  const pieces: ListPiece[] = []
  const arriving = new EventsArriving()
  const crossing = structuredClone(
    sendApart(
      written,
      sent => {
        const message = structuredClone(sent)
        pieces.push(message)
        arriving.piece(message)
      },
      piece
    )
  )
  const emitted = arriving.events(crossing)
  return { arrived: asObjects(emitted), pieces, emitted }
}

const STATUSES: (ReadStatus | undefined)[] = [undefined, 'unread', 'reading', 'read']

/** The nth paper's filing values, every field both present and absent across papers, ids and collections in many scripts. */
function filingOfPaper(n: number): Filing {
  const id = ['p', 'ñandú-', 'σ', '研究', '📚', 'a\u0000b', 'tab\tnew\nline'][n % 7] + n
  const collectionIds = [[], ['c1'], ['c1', 'Ωμέγα'], ['📁 "quoted", with,commas'], [`own-${n}`]][n % 5]
  const paper: Filing = { id, collectionIds, modifiedAt: 1_700_000_000_000 + n }
  if (n % 3 === 0) paper.trashedAt = 1_700_000_000_000 + n * 7
  const readStatus = STATUSES[n % 4]
  if (readStatus) paper.readStatus = readStatus
  if (n % 6 === 1) paper.rating = n % 6
  if (n % 11 === 0) paper.rating = 0
  return paper
}

const filingEvents = (count: number): LibraryEvent[][] => {
  const filing = Array.from({ length: count }, (_, n) => filingOfPaper(n))
  const ids = filing.map(paper => paper.id)
  return [
    [
      { kind: 'item', change: 'changed', ids, filing },
      { kind: 'trash', change: 'moved', ids }
    ],
    [{ kind: 'tag', change: 'deleted', ids: ['stress'] }]
  ]
}

describe('events crossing in pieces', () => {
  it('puts a whole library’s lists back together as they were, no piece longer than asked', () => {
    const written = filingEvents(23)
    const { arrived, pieces } = crossed(written, 5)

    expect(pieces.every(piece => ('filing' in piece ? piece.filing.ids : piece.values).length <= 5)).toBe(true)
    expect(pieces.length).toBe(3 * 5)
    expect(arrived).toStrictEqual(written)
  })

  it('brings every filing field, empty and absent ones too, and ids and collections in any script, as the worker wrote them', () => {
    const written = filingEvents(60)
    const { arrived, pieces } = crossed(written, 7)

    expect(arrived).toStrictEqual(written)
    // no object a paper: the values cross as columns
    const filingPieces = pieces.filter(piece => 'filing' in piece)
    expect(filingPieces).toHaveLength(9)
    for (const piece of filingPieces) expect(piece.filing.modifiedAt).toBeInstanceOf(Float64Array)
  })

  it('brings one paper, sent with the events', () => {
    const written = filingEvents(1)
    const { arrived, pieces } = crossed(written)
    expect(pieces).toEqual([])
    expect(arrived).toStrictEqual(written)
  })

  it('brings 100,001 papers over pieces of 5,000 as they were written, the last of one paper', () => {
    const written = filingEvents(100_001)
    const { arrived, pieces } = crossed(written)

    const filingPieces = pieces.filter(piece => 'filing' in piece)
    expect(filingPieces.map(piece => piece.filing.ids.length)).toEqual([...Array.from({ length: 20 }, () => 5_000), 1])
    expect(pieces).toHaveLength(3 * 21)
    expect(arrived).toStrictEqual(written)
  })

  it('hands the window a whole library’s filing values as the columns they came as, not an object a paper', () => {
    const written = filingEvents(12_345)
    const event = crossed(written).emitted[0][0]
    const filing = 'filing' in event ? event.filing : []
    // made one at a time as the store takes each paper (filedAt): 100,000 objects made at arrival outlived the seconds it took
    expect(Array.isArray(filing)).toBe(false)
    expect(filedObjects(filing)).toStrictEqual((written[0][0] as { filing: Filing[] }).filing)
  })

  it('brings a paper whose values the columns cannot hold (a field left undefined, another field) as it was', () => {
    const written = filingEvents(12)
    const filing = (written[0][0] as { filing: Filing[] }).filing
    filing[2] = { ...filing[2], rating: undefined }
    filing[9] = { ...filing[9], addedAt: 5 } as Filing

    const { arrived, pieces } = crossed(written, 4)
    expect(arrived).toStrictEqual(written)
    expect(pieces.filter(piece => 'filing' in piece)).toHaveLength(1)
  })
})
