// How a part of the saved light form crosses from the reader worker to the
// window: as ASCII bytes, handed over (transferred), not as a string. A string
// is copied on the way — serialised in the worker, rebuilt in the window when
// the message is read: 0.2 s of the window's time for the 75 MB of a
// 100,000-paper form (profiled, load 12) — while the window's TextDecoder
// makes a string of ASCII bytes several times faster.
import { unicodeEscape } from '../library/light-packing'

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** The part's JSON as ASCII bytes: each character past ASCII written as a \u escape, which JSON.parse reads back. */
export function partAsBytes(json: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(json.replace(/[\u0080-\uffff]/g, unicodeEscape))
}

/** The part's JSON again, for JSON.parse. */
export function partFromBytes(bytes: Uint8Array): string {
  return decoder.decode(bytes)
}
