// Answers app://neuroref/<path> with a file of the built renderer, and only
// with one: no path outside the renderer folder (no "..", no encoded
// separators, no symlink that leads out), no other host, no directories,
// read-only methods. No Electron here: protocol.handle hands us a standard
// fetch Request and takes a Response, so this is tested with real files.
import { readFile, realpath, stat } from 'node:fs/promises'
import { isAbsolute, relative, resolve } from 'node:path'
import { contentTypeOf } from '../content-types'
import { htmlWithCsp, rendererCsp } from '../csp'
import { APP_HOST, APP_SCHEME } from './app-origin'

/** Where `pathname` (as in the URL, still percent-encoded) lives inside `rootDir`, or null when it would leave it. */
async function rendererFilePath(rootDir: string, pathname: string): Promise<string | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  // A backslash or NUL is never part of a renderer file name; on Windows a backslash would be a separator.
  if (decoded.includes('\\') || decoded.includes('\0')) return null
  const wanted = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '')
  const root = await realpath(rootDir)
  if (!isInside(root, resolve(root, wanted))) return null
  let real: string
  try {
    // The real path, links followed: a symlink inside the folder that points out of it is refused here.
    real = await realpath(resolve(root, wanted))
  } catch {
    return null
  }
  if (!isInside(root, real)) return null
  return (await stat(real)).isFile() ? real : null
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}

/** The protocol handler's answer to one request; a page's policy names the saved sync server (`syncOrigin`). */
export async function rendererResponse(rootDir: string, request: Request, syncOrigin?: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Only GET and HEAD are served.')
  let url: URL
  try {
    url = new URL(request.url)
  } catch {
    return plain(400, 'Not a valid address.')
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'Not found.')
  const path = await rendererFilePath(rootDir, url.pathname)
  if (!path) return plain(404, 'Not found.')
  const bytes = request.method === 'HEAD' ? null : await readFile(path)
  const csp = rendererCsp(syncOrigin)
  const body = bytes && path.endsWith('.html') ? htmlWithCsp(bytes.toString('utf8'), csp) : bytes
  return new Response(body, {
    status: 200,
    // a worker's policy is the one its script is served with: the sync worker reaches the saved server and nothing else
    headers: { 'Content-Type': contentTypeOf(path), 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' }
  })
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
