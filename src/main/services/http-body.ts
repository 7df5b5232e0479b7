// Reads a fetch body with a byte cap: a declared Content-Length over the cap
// is refused before any byte is read, and a body without one is counted as it
// streams, so a server that sends gigabytes costs at most the cap in memory.

import { concatBytes } from '@shared/bytes'

export class TooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The body is larger than ${limit} bytes.`)
  }
}

export async function readCappedBody(res: Response, limit: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > limit) {
    await res.body?.cancel().catch(() => undefined)
    throw new TooLarge(limit)
  }
  if (!res.body) return new Uint8Array()
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => undefined)
      throw new TooLarge(limit)
    }
    chunks.push(value)
  }
  return concatBytes(chunks, size)
}
