// A local server that streams a generated body of any size (nothing is stored):
// "%PDF-1.7" then zeros, with or without a Content-Length (issue 11 item 6).
// Used by the download-cap tests and bench/limits/.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface EndlessServer {
  url: string
  /** bytes the server managed to send before the client stopped reading */
  sent(): number
  close(): Promise<void>
}

const CHUNK = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64 * 1024 - 9)])

/** GET /stream?bytes=N[&length=1] streams N bytes; length=1 announces them in Content-Length. */
export async function startEndlessServer(): Promise<EndlessServer> {
  let sent = 0
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const total = Number(url.searchParams.get('bytes') ?? 0)
    const headers: Record<string, string> = { 'content-type': url.searchParams.get('type') ?? 'application/pdf' }
    if (url.searchParams.get('length') === '1') headers['content-length'] = String(total)
    res.writeHead(200, headers)
    let left = total
    const pump = (): void => {
      while (left > 0) {
        const piece = left >= CHUNK.length ? CHUNK : CHUNK.subarray(0, left)
        left -= piece.length
        sent += piece.length
        if (!res.write(piece)) return void res.once('drain', pump)
      }
      res.end()
    }
    res.on('close', () => (left = 0))
    pump()
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent: () => sent,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
