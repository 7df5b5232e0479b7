// A small PDF whose one page has a content stream that inflates to an
// enormous size (issue 11 item 7: 1 MB on disk, 1 GB of spaces after
// FlateDecode). Built in ~0.3 s without compressing a gigabyte: deflate
// output for a run of spaces repeats exactly once the window is full of
// spaces, so one sync-flushed block is repeated and the Adler-32 computed.
import { constants, createDeflateRaw } from 'node:zlib'

const MB = 1024 * 1024
const TEXT = 'BT /F1 24 Tf 72 720 Td (Oxytocin and a very long stream) Tj ET\n'

export async function pdfWithHugeStream(megabytesOfSpaces: number): Promise<Uint8Array> {
  const content = await zlibOfTextThenSpaces(TEXT, megabytesOfSpaces)
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    content,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
  ]
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')]
  const offsets: number[] = []
  let offset = parts[0].length
  objects.forEach((object, i) => {
    offsets.push(offset)
    const body =
      typeof object === 'string'
        ? Buffer.from(`${i + 1} 0 obj\n${object}\nendobj\n`)
        : Buffer.concat([
            Buffer.from(`${i + 1} 0 obj\n<< /Length ${object.length} /Filter /FlateDecode >>\nstream\n`),
            object,
            Buffer.from('\nendstream\nendobj\n')
          ])
    parts.push(body)
    offset += body.length
  })
  const rows = offsets.map(o => `${String(o).padStart(10, '0')} 00000 n \n`).join('')
  parts.push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`
    )
  )
  return new Uint8Array(Buffer.concat(parts))
}

async function zlibOfTextThenSpaces(text: string, megabytes: number): Promise<Buffer> {
  const spaces = Buffer.alloc(MB, 0x20)
  const prefix = Buffer.from(text, 'latin1')
  const deflate = createDeflateRaw({ level: 9 })
  const out: Buffer[] = []
  deflate.on('data', (chunk: Buffer) => out.push(chunk))
  const flushed = (bytes: Buffer) =>
    new Promise<Buffer>(resolve => {
      deflate.write(bytes)
      deflate.flush(constants.Z_SYNC_FLUSH, () => resolve(Buffer.concat(out.splice(0))))
    })
  // The first block holds the text and 1 MB of spaces; every further MB of spaces compresses to the same block.
  const first = await flushed(Buffer.concat([prefix, spaces]))
  const repeated = await flushed(spaces)
  deflate.destroy()
  const blocks = [Buffer.from([0x78, 0xda]), first]
  for (let i = 1; i < megabytes; i++) blocks.push(repeated)
  // An empty final block, then the checksum.
  blocks.push(Buffer.from([0x03, 0x00]), adler32(prefix, BigInt(megabytes) * BigInt(MB)))
  return Buffer.concat(blocks)
}

/** Adler-32 of `prefix` followed by `spaces` spaces, without walking them. */
function adler32(prefix: Buffer, spaces: bigint): Buffer {
  const mod = 65521n
  let a = 1n
  let b = 0n
  for (const byte of prefix) {
    a = (a + BigInt(byte)) % mod
    b = (b + a) % mod
  }
  b = (b + spaces * a + (32n * spaces * (spaces + 1n)) / 2n) % mod
  a = (a + spaces * 32n) % mod
  const out = Buffer.alloc(4)
  out.writeUInt32BE(Number((b << 16n) | a))
  return out
}
