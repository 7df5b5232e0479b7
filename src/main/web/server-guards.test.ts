// The web edition's answers to odd requests (issue 11 items 3 and 9): one
// canonical origin, an over-limit body refused early in words, a broken
// address answered 400 without a stack trace, and the app's CSP (with
// frame-ancestors 'none') on every static response.
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Handlers } from '@shared/contract'
import { RENDERER_CSP } from '../csp'
import { startWebEdition, type WebEdition } from './server'

const handlers = {
  'app.info': async () => ({ name: 'Neuroref', version: '9.9.9', edition: 'web', contactFromEnvironment: false })
} as Partial<Handlers> as Handlers

let web: WebEdition
beforeAll(async () => {
  const rendererDir = join(await mkdtemp(join(tmpdir(), 'neuroref-web-guards-')), 'renderer')
  await mkdir(rendererDir)
  await writeFile(join(rendererDir, 'index.html'), '<title>Neuroref</title>')
  web = await startWebEdition({ handlers, rendererDir, port: 0 })
})
afterAll(() => web.close())

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw request, so that Host, Content-Length and odd paths go out exactly as written. */
function send(path: string, init: { method?: string; headers?: Record<string, string>; body?: Readable | string } = {}): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request(
      { host: '127.0.0.1', port: web.port, path, agent: false, method: init.method ?? 'GET', headers: { Host: `127.0.0.1:${web.port}`, ...init.headers } },
      res => {
        const chunks: Buffer[] = []
        res.on('data', c => chunks.push(c))
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
      }
    )
    // One connection per request (a drained 413 connection is not reused); the server may close it mid-upload.
    req.on('error', error =>
      (error as NodeJS.ErrnoException).code === 'EPIPE' || (error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : fail(error)
    )
    if (init.body instanceof Readable) init.body.pipe(req)
    else req.end(init.body)
  })
}

const api = (headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'X-Neuroref-Token': web.token, 'Content-Type': 'application/json', ...headers }
})

describe('one origin for the web edition', () => {
  it('sends a page asked for at localhost to 127.0.0.1, keeping the path and the token', async () => {
    const answer = await send(`/?token=${web.token}`, { headers: { Host: `localhost:${web.port}` } })
    expect(answer.status).toBe(308)
    expect(answer.headers.location).toBe(`http://127.0.0.1:${web.port}/?token=${web.token}`)
  })

  it('refuses API calls at localhost or from a localhost page, in words', async () => {
    const atLocalhost = await send('/api/app.info', { ...api({ Host: `localhost:${web.port}` }), body: 'null' })
    expect(atLocalhost.status).toBe(403)
    expect(JSON.parse(atLocalhost.body).error.message).toBe(`Neuroref's web edition lives at http://127.0.0.1:${web.port}/ only; open that address.`)
    const fromLocalhostPage = await send('/api/app.info', { ...api({ Origin: `http://localhost:${web.port}` }), body: 'null' })
    expect(fromLocalhostPage.status).toBe(403)
    expect((await send('/api/app.info', { ...api({ Origin: `http://127.0.0.1:${web.port}` }), body: 'null' })).status).toBe(200)
  })
})

describe('request bodies over the limit', () => {
  it('a declared length over the limit is answered 413 in words at once, before any body is read', async () => {
    const answer = await send('/api/app.info', { ...api({ 'Content-Length': String(320 * 1024 * 1024) }), body: Readable.from(['{"a":']) })
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'The request is larger than the web edition accepts (267 MB, a 200 MB PDF as base64).' }
    })
  })

  it('a chunked upload past the limit is dropped as it comes and answered with the same 413, not buffered and called "not JSON"', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20)
    const endless = Readable.from(
      (function* () {
        for (let i = 0; i < 320; i++) yield chunk
      })()
    )
    const answer = await send('/api/app.info', { ...api({ 'Transfer-Encoding': 'chunked' }), body: endless })
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body).error.message).toMatch(/^The request is larger than the web edition accepts/)
  }, 60_000)
})

describe('odd addresses and static headers', () => {
  it('GET /% is answered 400 in words, with no stack trace', async () => {
    const answer = await send('/%')
    expect(answer.status).toBe(400)
    expect(answer.body).toBe('That address is not valid (a stray % sign).')
    expect((await send('/%E0%A4%A')).status).toBe(400)
  })

  it("every static answer carries the app's CSP with frame-ancestors 'none' and no unsafe-eval", async () => {
    for (const path of ['/', '/missing.js']) {
      const csp = String((await send(path)).headers['content-security-policy'])
      expect(csp).toBe(`${RENDERER_CSP}; frame-ancestors 'none'`)
      expect(csp).not.toMatch(/'unsafe-eval'/)
    }
    expect((await send('/')).headers['x-frame-options']).toBe('DENY')
  })

  it('the header policy is the one in the renderer’s index.html', async () => {
    const html = await readFile(resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBe(RENDERER_CSP)
  })
})
