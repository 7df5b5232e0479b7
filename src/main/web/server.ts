// The web edition: the built renderer plus the contract as POST /api/<channel>,
// on 127.0.0.1 only. Every API call must carry this run's token.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import type { Handlers } from '@shared/contract'
import { invokeChannel } from '../invoke'
import { canonicalRedirect, checkOrigin, checkToken, type Refusal } from './guard'
import { serveStatic } from './static-files'

export const DEFAULT_PORT = 5178
// The largest PDF (200 MB) crosses as base64 inside JSON: 4/3 of its size plus a little.
const MAX_BODY_BYTES = Math.ceil((200 * 1024 * 1024) / 3) * 4 + 64 * 1024

export interface WebEdition {
  url: string
  port: number
  token: string
  server: Server
  close(): Promise<void>
}

export interface WebEditionOptions {
  handlers: Handlers
  rendererDir: string
  port: number
  token?: string
  /** the saved sync server's origin, which pages may connect to */
  syncOrigin?: () => string | undefined
}

export async function startWebEdition(opts: WebEditionOptions): Promise<WebEdition> {
  const token = opts.token ?? randomBytes(24).toString('hex')
  let port = opts.port
  const server = createServer((req, res) => {
    handle(req, res).catch(error => {
      console.error('[neuroref] web request failed', error)
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'The web edition hit an error.' } })
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const redirect = canonicalRedirect(req, port)
    if (redirect) {
      res.writeHead(308, { Location: redirect, 'Cache-Control': 'no-store' })
      return void res.end()
    }
    const refused = checkOrigin(req, port)
    if (refused) return refuse(res, refused)
    const path = pathOf(req.url)
    if (path === undefined) return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'That address is not valid.' } })
    if (path.startsWith('/api/')) {
      const tokenRefused = checkToken(req, token)
      if (tokenRefused) return refuse(res, tokenRefused)
      if (req.method !== 'POST') return refuse(res, { status: 403, message: 'API calls are POST requests.' })
      const arg = await readJsonBody(req)
      if (arg === TOO_LARGE) return tooLarge(res)
      if (arg === INVALID) {
        return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'The request body was not JSON.' } })
      }
      return sendJson(res, 200, await invokeChannel(opts.handlers, path.slice('/api/'.length), arg))
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, { status: 403, message: 'Only GET is served here.' })
    return serveStatic(opts.rendererDir, path, res, opts.syncOrigin?.(), req.headers['if-none-match'])
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    server,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

const INVALID = Symbol('invalid')
const TOO_LARGE = Symbol('too large')

function pathOf(url: string | undefined): string | undefined {
  try {
    return new URL(url ?? '/', 'http://127.0.0.1').pathname
  } catch {
    return undefined
  }
}

/**
 * A declared length over the limit is refused before any byte is read. A
 * body sent without one (chunked) is counted: past the limit its bytes are
 * dropped as they come and the 413 goes out when the upload ends (a client
 * busy sending may miss an answer sent mid-upload), or after 30 s of excess
 * the connection is cut. Either way it is never buffered whole.
 */
async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  if (Number(req.headers['content-length']) > MAX_BODY_BYTES) return TOO_LARGE
  const chunks: Buffer[] = []
  let size = 0
  const complete = await new Promise<boolean>((resolve, reject) => {
    let cutOff: NodeJS.Timeout | undefined
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk)
      chunks.length = 0
      cutOff ??= setTimeout(() => req.destroy(), 30_000)
    })
    req.once('end', () => {
      clearTimeout(cutOff)
      resolve(size <= MAX_BODY_BYTES)
    })
    req.once('error', error => {
      clearTimeout(cutOff)
      reject(error)
    })
  })
  if (!complete) return TOO_LARGE
  const text = Buffer.concat(chunks).toString('utf8')
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return INVALID
  }
}

function tooLarge(res: ServerResponse): void {
  const message = `The request is larger than the web edition accepts (${Math.round(MAX_BODY_BYTES / 1024 / 1024)} MB, a 200 MB PDF as base64).`
  sendJson(res, 413, { ok: false, error: { code: 'INVALID_INPUT', message } })
}

function refuse(res: ServerResponse, refusal: Refusal): void {
  sendJson(res, refusal.status, { ok: false, error: { code: 'INVALID_INPUT', message: refusal.message } })
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(body))
}
