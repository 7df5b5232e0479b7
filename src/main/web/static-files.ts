// Serves the built renderer. Paths are resolved inside the renderer folder
// and nothing outside it is ever read.
import { readFile } from 'node:fs/promises'
import { join, normalize, sep } from 'node:path'
import type { ServerResponse } from 'node:http'
import { contentTypeOf } from '../content-types'

export async function serveStatic(rootDir: string, urlPath: string, res: ServerResponse): Promise<void> {
  const relative = urlPath === '/' ? 'index.html' : decodeURIComponent(urlPath).replace(/^\/+/, '')
  const full = normalize(join(rootDir, relative))
  if (!full.startsWith(normalize(rootDir) + sep)) return notFound(res)
  try {
    const body = await readFile(full)
    res.writeHead(200, {
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
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
  res.end('Not found.')
}
