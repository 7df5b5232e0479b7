// The web edition's HTTP binding of the contract: token, Host and Origin
// checks, errors as data, static files confined to the renderer folder.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Handlers } from '@shared/contract'
import { ServiceError } from '@shared/result'
import { startWebEdition, type WebEdition } from './server'
import { parsePort } from './port'
import { tokenFromEnvironment } from './guard'

// Only the channels these tests call; the server binds whatever table it is given.
const handlers = {
  'app.info': async () => ({ name: 'Neuroref', version: '9.9.9', edition: 'web', contactFromEnvironment: false }),
  'lookup.identifiers': async ({ ids }) => {
    throw new ServiceError('NOT_FOUND', `No paper with the DOI ${ids[0]?.value} was found.`)
  },
  'pubmed.related': async () => ({ total: 0, papers: [] }),
  'pubmed.search': async () => ({ count: 0, pmids: [], papers: [], notes: [] }),
  'export.saveFile': async () => null,
  'shell.openExternal': async () => {
    throw new Error('boom')
  },
  'attachments.store': async ({ name, data }) => ({ hash: 'a'.repeat(64), size: Buffer.from(data, 'base64').byteLength, fileName: name, existed: false })
} as Partial<Handlers> as Handlers

let web: WebEdition
let rendererDir: string

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'neuroref-web-'))
  rendererDir = join(root, 'renderer')
  await mkdir(rendererDir)
  await writeFile(join(rendererDir, 'index.html'), '<title>Neuroref</title>')
  await writeFile(join(root, 'secret.txt'), 'not for the browser')
  web = await startWebEdition({ handlers, rendererDir, port: 0 })
})
afterAll(() => web.close())

const api = (channel: string, init: RequestInit = {}) =>
  fetch(`http://127.0.0.1:${web.port}/api/${channel}`, {
    method: 'POST',
    ...init,
    headers: { 'X-Neuroref-Token': web.token, 'Content-Type': 'application/json', ...(init.headers ?? {}) }
  })

describe('web edition API', () => {
  it('prints a loopback address with a long random token', () => {
    expect(web.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${web.port}/\\?token=[0-9a-f]{48}$`))
  })

  it('answers a call that carries the token', async () => {
    const res = await api('app.info', { body: 'null' })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true, value: { name: 'Neuroref', version: '9.9.9', edition: 'web', contactFromEnvironment: false } })
  })

  it('returns service errors as data', async () => {
    const res = await api('lookup.identifiers', { body: JSON.stringify({ ids: [{ kind: 'doi', value: '10.1/x' }] }) })
    expect(await res.json()).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No paper with the DOI 10.1/x was found.' } })
  })

  it('hides unexpected failures behind a plain sentence', async () => {
    const res = await api('shell.openExternal', { body: JSON.stringify({ url: 'https://x.org' }) })
    const body = await res.json()
    expect(body.ok).toBe(false)
    expect(body.error.code).toBe('INTERNAL')
    expect(body.error.message).not.toContain('boom')
  })

  it('refuses calls without the token or with a wrong one', async () => {
    const none = await fetch(`http://127.0.0.1:${web.port}/api/app.info`, { method: 'POST', body: 'null' })
    expect(none.status).toBe(401)
    const wrong = await api('app.info', { body: 'null', headers: { 'X-Neuroref-Token': 'x'.repeat(48) } })
    expect(wrong.status).toBe(401)
  })

  it('refuses a foreign Origin (another site driving the browser)', async () => {
    const res = await api('app.info', { body: 'null', headers: { Origin: 'https://evil.example' } })
    expect(res.status).toBe(403)
  })

  it('refuses a foreign Host (DNS rebinding), even for static files', async () => {
    const { request } = await import('node:http')
    const status = await new Promise<number>(resolve => {
      request({ host: '127.0.0.1', port: web.port, path: '/', headers: { Host: `evil.example:${web.port}` } }, res => resolve(res.statusCode ?? 0)).end()
    })
    expect(status).toBe(403)
  })

  it('takes a PDF as base64 in a JSON body, larger than the old limits of small JSON', async () => {
    const pdf = Buffer.alloc(3 * 1024 * 1024, 7)
    const res = await api('attachments.store', { body: JSON.stringify({ name: 'big.pdf', data: pdf.toString('base64') }) })
    expect(await res.json()).toMatchObject({ ok: true, value: { size: pdf.byteLength, fileName: 'big.pdf' } })
  })

  it('refuses unknown channels and non-JSON bodies', async () => {
    expect(await (await api('files.delete', { body: 'null' })).json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect((await api('app.info', { body: '{not json' })).status).toBe(400)
  })

  it('serves the renderer, and nothing outside its folder', async () => {
    const index = await fetch(`http://127.0.0.1:${web.port}/`)
    expect(await index.text()).toContain('<title>Neuroref</title>')
    const escape = await fetch(`http://127.0.0.1:${web.port}/..%2fsecret.txt`)
    expect(escape.status).toBe(404)
  })

  it('stops with a clear error when its port is taken, instead of drifting', async () => {
    const blocker = createServer()
    await new Promise<void>(resolve => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    await expect(startWebEdition({ handlers, rendererDir, port })).rejects.toMatchObject({ code: 'EADDRINUSE' })
    await new Promise(resolve => blocker.close(resolve))
  })
})

describe('NEUROREF_PORT', () => {
  it('keeps one default port run after run, takes 0 for any port, rejects nonsense', () => {
    expect(parsePort(undefined)).toBe(5178)
    expect(parsePort('')).toBe(5178)
    expect(parsePort('0')).toBe(0)
    expect(parsePort('6123')).toBe(6123)
    expect(() => parsePort('abc')).toThrow(/NEUROREF_PORT/)
    expect(() => parsePort('70000')).toThrow(/NEUROREF_PORT/)
  })
})

describe('NEUROREF_WEB_TOKEN (npm run dev keeps one token across restarts)', () => {
  it('takes a long hexadecimal token, none means a fresh one, a weak one is refused', async () => {
    const given = 'ab'.repeat(24)
    expect(tokenFromEnvironment(given)).toBe(given)
    expect(tokenFromEnvironment(undefined)).toBeUndefined()
    expect(tokenFromEnvironment('')).toBeUndefined()
    expect(() => tokenFromEnvironment('1234')).toThrow(/NEUROREF_WEB_TOKEN/)
    expect(() => tokenFromEnvironment('x'.repeat(40))).toThrow(/NEUROREF_WEB_TOKEN/)
    const kept = await startWebEdition({ handlers, rendererDir, port: 0, token: given })
    try {
      expect(kept.url).toBe(`http://127.0.0.1:${kept.port}/?token=${given}`)
    } finally {
      await kept.close()
    }
  })
})
