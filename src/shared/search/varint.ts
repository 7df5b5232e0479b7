// Whole numbers as 1–5 bytes, seven bits a byte, low bits first, the high bit
// saying "more follows": a number under 128 takes one byte instead of the four
// of a Uint32Array slot. The index keeps its lists and phrase runs this way
// (docs/SEARCH-INDEX.md): most of what it stores is small.

/** Numbers must stay below this (a uint32). */
const VARINT_LIMIT = 2 ** 32

/** A growing byte buffer numbers are written to. */
export class ByteWriter {
  bytes: Uint8Array
  length = 0

  constructor(capacity = 1 << 16) {
    this.bytes = new Uint8Array(capacity)
  }

  write(value: number): void {
    if (!(value >= 0 && value < VARINT_LIMIT) || !Number.isInteger(value)) throw new Error(`Cannot store ${value} in the search index.`)
    if (this.length + 5 > this.bytes.length) this.grow(5)
    this.length = writeVarint(this.bytes, this.length, value)
  }

  /** Copies bytes as they are. */
  append(bytes: Uint8Array): void {
    if (this.length + bytes.length > this.bytes.length) this.grow(bytes.length)
    this.bytes.set(bytes, this.length)
    this.length += bytes.length
  }

  /** The bytes written, in an array of their exact size. */
  done(): Uint8Array {
    return this.bytes.slice(0, this.length)
  }

  private grow(more: number): void {
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + more))
    grown.set(this.bytes.subarray(0, this.length))
    this.bytes = grown
  }
}

/** Writes `value` at `at` (the caller leaves room for 5 bytes); returns where the next one goes. */
export function writeVarint(bytes: Uint8Array, at: number, value: number): number {
  while (value >= 128) {
    bytes[at++] = (value % 128) + 128
    value = Math.floor(value / 128)
  }
  bytes[at++] = value
  return at
}

/** The byte count `value` takes. */
export function varintSize(value: number): number {
  let size = 1
  while (value >= 128) {
    value = Math.floor(value / 128)
    size++
  }
  return size
}

/**
 * Writes every number of `bytes[start … end)`, each added to the one before (a list of ascending numbers stored as
 * their differences), into `into` from place `at` (room for `end - start` more: each takes a byte at least); returns
 * the place after the last. Read into an array, a list costs its reader no call per number.
 */
export function readAscending(bytes: Uint8Array, start: number, end: number, into: Uint32Array, at: number): number {
  let value = 0
  let i = start
  while (i < end) {
    let b = bytes[i++]
    let d = b & 127
    // Up to 28 bits with shifts (the usual case: lists of 100,000 papers need 21), beyond by multiplying.
    if (b > 127) {
      b = bytes[i++]
      d |= (b & 127) << 7
      if (b > 127) {
        b = bytes[i++]
        d |= (b & 127) << 14
        if (b > 127) {
          b = bytes[i++]
          d |= (b & 127) << 21
          if (b > 127) d += bytes[i++] * 2 ** 28
        }
      }
    }
    value += d
    into[at++] = value
  }
  return at
}
