// Joining chunks read from a stream or an archive into one byte array.

/** One array holding `chunks` in order; `total` is their summed length when the caller already counted it. */
export function concatBytes(chunks: Uint8Array[], total = chunks.reduce((sum, c) => sum + c.byteLength, 0)): Uint8Array {
  if (chunks.length === 1) return chunks[0]
  const out = new Uint8Array(total)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.byteLength
  }
  return out
}
