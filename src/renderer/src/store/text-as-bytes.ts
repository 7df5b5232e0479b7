// A long string sent to the window as UTF-8 bytes (transferred), not as a string: the window copies a string in a
// message as it reads it, in one task (the index's ids and words at 100,000 papers), while bytes come whole and are
// decoded here a slice at a time.
import { wellFormed } from '@shared/well-formed'

/** A text sent as its UTF-8 bytes, or itself when they would not say it exactly (a lone surrogate). */
export type SentText = string | { utf8: Uint8Array<ArrayBuffer> }

/** bytes decoded in one step: about a millisecond of the window's */
const STEP_BYTES = 256 * 1024

/** The text as bytes to transfer (UTF-8 would change a lone surrogate: such a text is sent itself). */
export function asBytes(text: string): SentText {
  return wellFormed(text) ? { utf8: new TextEncoder().encode(text) as Uint8Array<ArrayBuffer> } : text
}

/** The buffer a message transfers for the text, if it is bytes. */
export function bytesOf(sent: SentText): ArrayBuffer[] {
  return typeof sent === 'string' ? [] : [sent.utf8.buffer]
}

/** The text again, decoded a step at a time (yield between steps). `stepBytes`: for tests. */
export function* textInSteps(sent: SentText, stepBytes = STEP_BYTES): Generator<void, string> {
  if (typeof sent === 'string') return sent
  const { utf8 } = sent
  // a character cut at a step's end is finished by the next step (stream)
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
  const parts: string[] = []
  for (let from = 0; from < utf8.length; from += stepBytes) {
    parts.push(decoder.decode(utf8.subarray(from, from + stepBytes), { stream: from + stepBytes < utf8.length }))
    yield
  }
  return parts.join('')
}
