// How a part of the saved light form (light-form.ts) holds its papers: what
// many papers have in common — a journal, an author, a MeSH term, a keyword, a
// tag, a date, a peptide tag — is written once per part, and the papers name
// it by number. At 100,000 papers the form was 120 MB of JSON, and the window
// kept a string and an object of its own for every author, heading and journal
// of every paper (160 MB of its heap); the window now keeps one of each
// (SharedValues), frozen, since many papers hold it.
import type { ItemBasics } from '@shared/model'

/** Fields of a paper whose values (or, for a list, whose entries) many papers share. */
const PAPER_FIELDS = [
  'mesh',
  'peptideTags',
  'keywords',
  'tags',
  'sources',
  'publicationTypes',
  'collectionIds',
  'flags',
  'removedPeptideTags',
  'editedFields',
  'license',
  'readStatus',
  'addedBy',
  'editedBy'
] as const
const CSL_FIELDS = ['type', 'author', 'editor', 'container-title', 'container-title-short', 'issued', 'publisher', 'publisher-place', 'language'] as const

/**
 * A part as JSON: `shared` holds each shared value once, as its own JSON text (so the window recognises a value it
 * already holds without building it again); in `papers`, a shared field is the number of its value in `shared`, a
 * shared list the numbers of its entries.
 */
interface PackedPart {
  shared: string[]
  papers: Record<string, unknown>[]
  keys: string[][]
}

type Fields = Record<string, unknown>

/** The papers and the keys the duplicate finder knows each by, as one JSON string. */
export function packPapers(papers: readonly ItemBasics[], keys: string[][]): string {
  const shared: string[] = []
  const numbers = new Map<string, number>()
  const numberOf = (value: unknown): number => {
    const text = JSON.stringify(value) ?? 'null'
    let n = numbers.get(text)
    if (n === undefined) numbers.set(text, (n = shared.push(text) - 1))
    return n
  }
  const pack = (fields: Fields, names: readonly string[]): void => {
    for (const name of names) {
      const value = fields[name]
      if (value !== undefined) fields[name] = Array.isArray(value) ? value.map(numberOf) : numberOf(value)
    }
  }
  const packed = papers.map(paper => {
    const fields: Fields = { ...paper, csl: { ...paper.csl } }
    pack(fields, PAPER_FIELDS)
    pack(fields.csl as Fields, CSL_FIELDS)
    return fields
  })
  return oneByte(JSON.stringify({ shared, papers: packed, keys } satisfies PackedPart))
}

/**
 * The JSON with every character past Latin-1 written as a \u escape. One such character (a β, an Ł) in a part made
 * the whole string two bytes a character, each copied from IndexedDB to the worker and again to the window; a
 * one-byte string is half of that, and JSON.parse reads the escapes back.
 */
function oneByte(json: string): string {
  return json.replace(/[\u0100-\uffff]/g, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/**
 * The values papers share, one copy of each for every part read with it (the window keeps one while it reads the
 * form). Frozen: many papers hold the same object, so a change to one would be a change to all.
 */
export class SharedValues {
  private values = new Map<string, unknown>()

  valueOf(text: string): unknown {
    let value = this.values.get(text)
    if (value === undefined) this.values.set(text, (value = frozen(JSON.parse(text))))
    return value
  }
}

function frozen(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value
  for (const inner of Object.values(value)) frozen(inner)
  return Object.freeze(value)
}

/** A part's papers and their keys; the shared values are taken from `values` (one copy of each across parts). */
export function unpackPapers(json: string, values = new SharedValues()): { papers: ItemBasics[]; keys: string[][] } {
  const part = JSON.parse(json) as PackedPart
  const shared = part.shared.map(text => values.valueOf(text))
  const unpack = (fields: Fields, names: readonly string[]): void => {
    for (const name of names) {
      const value = fields[name]
      if (typeof value === 'number') fields[name] = shared[value]
      else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) value[i] = shared[value[i]]
    }
  }
  for (const paper of part.papers) {
    unpack(paper, PAPER_FIELDS)
    unpack(paper.csl as Fields, CSL_FIELDS)
  }
  return { papers: part.papers as unknown as ItemBasics[], keys: part.keys }
}
