// Serves the built renderer. Paths are resolved inside the renderer folder
// and nothing outside it is ever read. index.html's policy names the saved
// sync server (src/main/csp.ts).
import { readFile } from 'node:fs/promises'
import { join, normalize, sep } from 'node:path'
import type { ServerResponse } from 'node:http'
import { contentTypeOf } from '../content-types'
import { htmlWithCsp, rendererCsp } from '../csp'
import { staticHeaders } from './csp'

export async function serveStatic(rootDir: string, urlPath: string, res: ServerResponse, syncOrigin?: string): Promise<void> {
  let relative: string
  try {
    relative = urlPath === '/' ? 'index.html' : decodeURIComponent(urlPath).replace(/^\/+/, '')
  } catch {
    return plain(res, 400, 'That address is not valid (a stray % sign).')
  }
  const full = normalize(join(rootDir, relative))
  if (!full.startsWith(normalize(rootDir) + sep)) return notFound(res)
  try {
    const bytes = await readFile(full)
    const body = full.endsWith('.html') ? htmlWithCsp(bytes.toString('utf8'), rendererCsp(syncOrigin)) : bytes
    res.writeHead(200, {
      ...staticHeaders(syncOrigin),
      'Content-Type': contentTypeOf(full),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache'
    })
    res.end(body)
  } catch {
    notFound(res)
  }
}

function notFound(res: ServerResponse): void {
  plain(res, 404, 'Not found.')
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...staticHeaders(), 'Content-Type': 'text/plain; charset=utf-8' })
  res.end(text)
}
