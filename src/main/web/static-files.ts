// Serves the built renderer. Paths are resolved inside the renderer folder
// and nothing outside it is ever read.
import { readFile } from 'node:fs/promises'
import { join, normalize, sep } from 'node:path'
import type { ServerResponse } from 'node:http'
import { contentTypeOf } from '../content-types'
import { STATIC_HEADERS } from './csp'

export async function serveStatic(rootDir: string, urlPath: string, res: ServerResponse): Promise<void> {
  let relative: string
  try {
    relative = urlPath === '/' ? 'index.html' : decodeURIComponent(urlPath).replace(/^\/+/, '')
  } catch {
    return plain(res, 400, 'That address is not valid (a stray % sign).')
  }
  const full = normalize(join(rootDir, relative))
  if (!full.startsWith(normalize(rootDir) + sep)) return notFound(res)
  try {
    const body = await readFile(full)
    res.writeHead(200, {
      ...STATIC_HEADERS,
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
  res.writeHead(status, { ...STATIC_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
  res.end(text)
}
