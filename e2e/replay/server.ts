// A local stand-in for NCBI, Crossref and doi.org. It answers from recorded
// real responses in e2e/fixtures/ and can misbehave on purpose (hang, cut the
// body short, drop the connection, answer slowly) so the fault paths of the
// app are exercised without touching the internet.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

export interface ReplayRoute {
  /** default: any method */
  method?: 'GET' | 'POST'
  /** matched against the decoded URL pathname; a string must match exactly */
  path: string | RegExp
  /** every entry must match a GET query parameter or a POST form field */
  query?: Record<string, string>
  /** default 200 */
  status?: number
  headers?: Record<string, string>
  body?: string | Buffer
  /** path relative to e2e/fixtures/, served byte-exact */
  file?: string
  /** default guessed from the file extension */
  contentType?: string
  /** timeout: never answers; truncate: half the body, then the connection ends;
   *  reset: the socket is destroyed; slow: waits delayMs before answering */
  fault?: 'timeout' | 'truncate' | 'reset' | 'slow'
  delayMs?: number
  /** answer with this route only N times, then it stops matching */
  times?: number
  /** a computed answer (overrides status/body/file/contentType; headers are
   *  merged over `headers`); undefined means this route does not match */
  respond?: (req: ReplayRequest) => ReplayAnswer | undefined
}

/** What a `respond` route computes for one request. */
export interface ReplayAnswer {
  status?: number
  headers?: Record<string, string>
  body: string | Buffer
  contentType?: string
}

export interface ReplayRequest {
  method: string
  path: string
  /** URL query merged with the form fields of a POST body */
  query: Record<string, string>
  body: string
  headers: Record<string, string>
  /** Date.now() when the request arrived (for politeness tests) */
  receivedAt: number
}

export interface ReplayServer {
  url: string
  port: number
  requests: ReplayRequest[]
  setRoutes(routes: ReplayRoute[]): void
  addRoutes(routes: ReplayRoute[]): void
  close(): Promise<void>
}

export interface ReplayOptions {
  port?: number
  /** where `file` paths start; default e2e/fixtures beside this folder */
  fixturesDir?: string
}

const DEFAULT_FIXTURES = path.resolve(__dirname, '..', 'fixtures')

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.xml': 'text/xml',
  '.pdf': 'application/pdf'
}

/** Crossref answers unknown paths like this, as text/plain. */
const NOT_FOUND_TEXT = 'Resource not found.'

export function startReplayServer(routes: ReplayRoute[], opts: ReplayOptions = {}): Promise<ReplayServer> {
  const fixturesDir = opts.fixturesDir ?? DEFAULT_FIXTURES
  let table: ReplayRoute[] = [...routes]
  const used = new Map<ReplayRoute, number>()
  const requests: ReplayRequest[] = []
  const timers = new Set<NodeJS.Timeout>()
  const sockets = new Set<Socket>()

  const server = createServer((req, res) => {
    const arrivedAt = Date.now() // before the body is read, so a slow upload does not shift it
    readBody(req)
      .then(body => {
        const seen = describe(req, body, arrivedAt)
        requests.push(seen)
        const found = pick(seen)
        if (!found) return send(res, 404, { 'content-type': 'text/plain' }, Buffer.from(NOT_FOUND_TEXT))
        used.set(found.route, (used.get(found.route) ?? 0) + 1)
        return answer(found.route, found.computed, req, res)
      })
      .catch((err: unknown) => {
        if (!res.headersSent) send(res, 500, { 'content-type': 'text/plain' }, Buffer.from(`Replay server error: ${String(err)}`))
      })
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  /** The first route that matches and has answers left; a `respond` route that returns undefined is passed over. */
  function pick(seen: ReplayRequest): { route: ReplayRoute; computed?: ReplayAnswer } | undefined {
    for (const route of table) {
      if (!matches(route, seen) || (route.times !== undefined && (used.get(route) ?? 0) >= route.times)) continue
      if (!route.respond) return { route }
      const computed = route.respond(seen)
      if (computed) return { route, computed }
    }
    return undefined
  }

  async function answer(route: ReplayRoute, computed: ReplayAnswer | undefined, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (route.fault === 'timeout') return // held open until close()
    if (route.fault === 'reset') {
      req.socket.destroy()
      return
    }
    if (route.delayMs) await wait(route.delayMs)
    const body = computed ? Buffer.from(computed.body) : route.file ? await readFile(path.join(fixturesDir, route.file)) : Buffer.from(route.body ?? '')
    const contentType = computed?.contentType ?? route.contentType ?? guessType(route.file)
    const headers: Record<string, string> = { 'content-type': contentType, ...route.headers, ...computed?.headers }
    if (route.fault === 'truncate') {
      // Promise the whole length, deliver half, then hang up: what a dropped
      // connection looks like to the client.
      res.writeHead(computed?.status ?? route.status ?? 200, { ...headers, 'content-length': String(body.length) })
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => req.socket.destroy())
      return
    }
    send(res, computed?.status ?? route.status ?? 200, headers, body)
  }

  function wait(ms: number): Promise<void> {
    return new Promise(resolve => {
      const t = setTimeout(() => {
        timers.delete(t)
        resolve()
      }, ms)
      timers.add(t)
    })
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        requests,
        setRoutes(next) {
          table = [...next]
          used.clear()
        },
        addRoutes(more) {
          table.push(...more)
        },
        close() {
          for (const t of timers) clearTimeout(t)
          timers.clear()
          for (const s of sockets) s.destroy() // ends held 'timeout' answers too
          return new Promise<void>(done => server.close(() => done()))
        }
      })
    })
  })
}

function matches(route: ReplayRoute, seen: ReplayRequest): boolean {
  if (route.method && route.method !== seen.method) return false
  const pathOk = typeof route.path === 'string' ? route.path === seen.path : route.path.test(seen.path)
  if (!pathOk) return false
  return Object.entries(route.query ?? {}).every(([k, v]) => seen.query[k] === v)
}

function describe(req: IncomingMessage, body: string, receivedAt: number): ReplayRequest {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const query = Object.fromEntries(url.searchParams)
  if (String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
    Object.assign(query, Object.fromEntries(new URLSearchParams(body)))
  }
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v
  return { method: req.method ?? 'GET', path: safeDecode(url.pathname), query, body, headers, receivedAt }
}

function safeDecode(pathname: string): string {
  try {
    return decodeURIComponent(pathname)
  } catch {
    return pathname
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: Buffer): void {
  res.writeHead(status, { ...headers, 'content-length': String(body.length) })
  res.end(body)
}

function guessType(file: string | undefined): string {
  return (file && CONTENT_TYPES[path.extname(file).toLowerCase()]) || 'text/plain'
}
