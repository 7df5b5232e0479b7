// The web edition: the built renderer plus the contract as POST /api/<channel>,
// on 127.0.0.1 only. Every API call must carry this run's token.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import type { Handlers } from '../../shared/contract'
import { invokeChannel } from '../invoke'
import { checkOrigin, checkToken, type Refusal } from './guard'
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
    const refused = checkOrigin(req, port)
    if (refused) return refuse(res, refused)
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    if (path.startsWith('/api/')) {
      const tokenRefused = checkToken(req, token)
      if (tokenRefused) return refuse(res, tokenRefused)
      if (req.method !== 'POST') return refuse(res, { status: 403, message: 'API calls are POST requests.' })
      const arg = await readJsonBody(req)
      if (arg === INVALID) {
        return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'The request body was not JSON.' } })
      }
      return sendJson(res, 200, await invokeChannel(opts.handlers, path.slice('/api/'.length), arg))
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, { status: 403, message: 'Only GET is served here.' })
    return serveStatic(opts.rendererDir, path, res)
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

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) return INVALID
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return INVALID
  }
}

function refuse(res: ServerResponse, refusal: Refusal): void {
  sendJson(res, refusal.status, { ok: false, error: { code: 'INVALID_INPUT', message: refusal.message } })
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(body))
}
