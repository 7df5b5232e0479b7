// Citations in reading order, whatever the format: a note's citations count
// where the note's reference stands in the body. Also the note numbers, as
// they are and as they become when a note style gives every body citation a
// footnote of its own.
import type { FieldCode } from './field-codes'
import { sentenceAround, type Marker } from './markers'
import type { FoundCitation } from './model'

export interface ScannedMarker {
  story: string
  seq: number
  marker: Marker
  paragraph: { text: string }
}

export interface ScannedField {
  story: string
  seq: number
  code: FieldCode
  /** the text the field shows now */
  result: string
}

export interface ScannedDocument<M extends ScannedMarker, F extends ScannedField> {
  markers: M[]
  fields: F[]
  /** each note: where its reference sits in the body, and its number */
  noteRefs: Map<string, { seq: number; number: number }>
}

export type Located<M, F> = { order: [number, number]; story: string } & ({ marker: M } | { field: F })

const byOrder = (a: { order: [number, number] }, b: { order: [number, number] }) => a.order[0] - b.order[0] || a.order[1] - b.order[1]

function orderOf(noteRefs: Map<string, { seq: number }>, story: string, seq: number): [number, number] {
  if (story === 'body') return [seq, 0]
  return [noteRefs.get(story)?.seq ?? Number.MAX_SAFE_INTEGER, seq + 1]
}

/** Every citation, typed marker or live field, in reading order. */
export function locateCitations<M extends ScannedMarker, F extends ScannedField>(scan: ScannedDocument<M, F>): Located<M, F>[] {
  const found: Located<M, F>[] = [
    ...scan.markers
      .filter(m => !m.marker.bibliography)
      .map(marker => ({ order: orderOf(scan.noteRefs, marker.story, marker.seq), story: marker.story, marker })),
    ...scan.fields.filter(f => f.code.kind === 'citation').map(field => ({ order: orderOf(scan.noteRefs, field.story, field.seq), story: field.story, field }))
  ]
  return found.sort(byOrder)
}

function noteNumbers<M extends ScannedMarker, F extends ScannedField>(scan: ScannedDocument<M, F>, located: Located<M, F>[]) {
  const events: { order: [number, number]; story: string; index?: number }[] = [
    ...[...scan.noteRefs].map(([story, ref]) => ({ order: [ref.seq, 0] as [number, number], story })),
    ...located.map((cite, index) => ({ order: cite.order, story: cite.story, index }))
  ].sort(byOrder)
  const inText: number[] = []
  const asNotes: number[] = []
  const renumbered = new Map<string, number>()
  let count = 0
  for (const event of events) {
    if (event.index === undefined) renumbered.set(event.story, ++count)
    else if (event.story === 'body') {
      inText[event.index] = 0
      asNotes[event.index] = ++count
    } else {
      inText[event.index] = scan.noteRefs.get(event.story)?.number ?? 0
      asNotes[event.index] = renumbered.get(event.story) ?? 0
    }
  }
  return { inText, asNotes }
}

/** What the review and the formatter see of each citation. */
export function describeCitations<M extends ScannedMarker, F extends ScannedField>(scan: ScannedDocument<M, F>, located: Located<M, F>[]): FoundCitation[] {
  const numbers = noteNumbers(scan, located)
  return located.map((cite, index) => {
    const base = { id: `c${index + 1}`, inNote: cite.story !== 'body', noteIndex: numbers.inText[index], noteIndexInNoteStyle: numbers.asNotes[index] }
    if ('marker' in cite) {
      const { paragraph, marker } = cite.marker
      return { ...base, source: 'marker', text: marker.text, sentence: sentenceAround(paragraph.text, marker.start, marker.end), items: marker.items }
    }
    const { field } = cite
    const code = field.code.kind === 'citation' ? field.code : undefined
    return { ...base, source: 'field', text: field.result, sentence: field.result, embedded: code?.citation, origin: code?.origin }
  })
}

/** A footnote mark sits against the word before it: "matters [@key]." becomes "matters¹." */
export function noteMarkStart(text: string, start: number): number {
  let at = start
  while (at > 0 && text[at - 1] === ' ') at--
  return at
}
