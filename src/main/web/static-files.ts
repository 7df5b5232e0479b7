// Serves the built renderer. Paths are resolved inside the renderer folder
// and nothing outside it is ever read. index.html's policy names the saved
// sync server (src/main/csp.ts).
import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { basename, join, normalize, sep } from 'node:path'
import type { ServerResponse } from 'node:http'
import { contentTypeOf } from '../content-types'
import { htmlWithCsp, rendererCsp } from '../csp'
import { staticHeaders } from './csp'

/**
 * Whether the browser may keep a file without asking again. The build names each script and stylesheet in assets/
 * after a hash of its content, so none changes under its name: kept, a reload takes the window's first scripts from the
 * browser's cache instead of fetching and compiling them again (the first rows of a library opened again waited
 * 100-200 ms for them). A worker's script is asked again each time: its response's policy is the worker's own, and
 * names the saved sync server, which can change.
 */
function keptUnchanged(relative: string): boolean {
  return relative.startsWith('assets/') && !basename(relative).includes('.worker')
}

/** Names the file's version and the policy it is served with: unchanged, the browser's copy is used (304). */
async function versionOf(full: string, csp: string): Promise<string> {
  const file = await stat(full)
  if (!file.isFile()) throw new Error('not a file')
  const { size, mtimeMs } = file
  return `"${createHash('sha1').update(`${size} ${mtimeMs} ${csp}`).digest('base64url')}"`
}

export async function serveStatic(rootDir: string, urlPath: string, res: ServerResponse, syncOrigin?: string, ifNoneMatch?: string): Promise<void> {
  let relative: string
  try {
    relative = urlPath === '/' ? 'index.html' : decodeURIComponent(urlPath).replace(/^\/+/, '')
  } catch {
    return plain(res, 400, 'That address is not valid (a stray % sign).')
  }
  const full = normalize(join(rootDir, relative))
  if (!full.startsWith(normalize(rootDir) + sep)) return notFound(res)
  try {
    const csp = rendererCsp(syncOrigin)
    const etag = await versionOf(full, csp)
    const headers = {
      ...staticHeaders(syncOrigin),
      'Content-Type': contentTypeOf(full),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': keptUnchanged(relative) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ETag: etag
    }
    if (ifNoneMatch === etag) {
      res.writeHead(304, headers)
      return void res.end()
    }
    const bytes = await readFile(full)
    res.writeHead(200, headers)
    res.end(full.endsWith('.html') ? htmlWithCsp(bytes.toString('utf8'), csp) : bytes)
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
