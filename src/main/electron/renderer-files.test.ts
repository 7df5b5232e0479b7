// The app:// protocol's file answers, against real files on disk: the
// renderer folder, a secret beside it, and symlinks in and out.
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { isAppPageUrl } from './app-origin'
import { rendererResponse } from './renderer-files'

const base = mkdtempSync(join(tmpdir(), 'neuroref-protocol-'))
const root = join(base, 'renderer')
mkdirSync(join(root, 'assets'), { recursive: true })
mkdirSync(join(root, 'pdfjs', 'wasm'), { recursive: true })
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Neuroref</title>')
writeFileSync(join(root, 'assets', 'pdf.worker.min.mjs'), 'export {}')
writeFileSync(join(root, 'assets', 'index.js'), 'console.log(1)')
writeFileSync(join(root, 'pdfjs', 'wasm', 'openjpeg.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]))
writeFileSync(join(base, 'secret.txt'), 'outside the renderer')
mkdirSync(join(base, 'renderer-evil'))
writeFileSync(join(base, 'renderer-evil', 'x.js'), 'a sibling folder whose name starts like the root')
symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'leak.txt'))
symlinkSync(join(root, 'assets', 'index.js'), join(root, 'alias.js'))
afterAll(() => rmSync(base, { recursive: true, force: true }))

const get = (url: string, method = 'GET') => rendererResponse(root, new Request(url, { method }))

describe('app:// serves the built renderer', () => {
  it('serves index.html at the root and files with their types (.mjs as JavaScript, .wasm as WebAssembly)', async () => {
    const index = await get('app://neuroref/')
    expect(index.status).toBe(200)
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await index.text()).toContain('<title>Neuroref</title>')
    expect((await get('app://neuroref/index.html')).status).toBe(200)
    const worker = await get('app://neuroref/assets/pdf.worker.min.mjs')
    expect(worker.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(worker.headers.get('x-content-type-options')).toBe('nosniff')
    const wasm = await get('app://neuroref/pdfjs/wasm/openjpeg.wasm')
    expect(wasm.headers.get('content-type')).toBe('application/wasm')
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(new Uint8Array([0, 0x61, 0x73, 0x6d]))
  })

  it('serves a worker script with the page policy: the sync worker may reach the saved server and nothing else', async () => {
    const worker = await rendererResponse(root, new Request('app://neuroref/assets/index.js'), 'https://couch.example.org')
    const csp = String(worker.headers.get('content-security-policy'))
    expect(csp).toContain("connect-src 'self' https://couch.example.org;")
    expect(csp).toContain("default-src 'self'")
  })

  it('follows a symlink that stays inside the renderer folder', async () => {
    const alias = await get('app://neuroref/alias.js')
    expect(alias.status).toBe(200)
    expect(await alias.text()).toBe('console.log(1)')
  })

  it.each([
    ['a plain ../', 'app://neuroref/../secret.txt'],
    ['an encoded ../', 'app://neuroref/..%2Fsecret.txt'],
    ['encoded dots', 'app://neuroref/%2e%2e/secret.txt'],
    ['../ deeper down', 'app://neuroref/assets/..%2F..%2Fsecret.txt'],
    ['a backslash', 'app://neuroref/assets/..%5C..%5Csecret.txt'],
    ['a sibling folder with the same prefix', 'app://neuroref/..%2Frenderer-evil/x.js'],
    ['a symlink that leads out', 'app://neuroref/assets/leak.txt'],
    ['an absolute path', `app://neuroref/${encodeURIComponent(join(base, 'secret.txt'))}`],
    ['a NUL byte', 'app://neuroref/index.html%00.js'],
    ['broken percent-encoding', 'app://neuroref/%E0%A4%A'],
    ['a folder', 'app://neuroref/assets'],
    ['a missing file', 'app://neuroref/nothing.js'],
    ['another host', 'app://elsewhere/index.html']
  ])('refuses %s', async (_what, url) => {
    const response = await get(url)
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('outside the renderer')
  })

  it('answers HEAD without a body and refuses writes', async () => {
    const head = await get('app://neuroref/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    expect((await get('app://neuroref/index.html', 'POST')).status).toBe(405)
  })
})

describe('the app origin', () => {
  it('accepts only pages of app://neuroref', () => {
    expect(isAppPageUrl('app://neuroref/index.html')).toBe(true)
    expect(isAppPageUrl('app://neuroref/index.html#/item/3')).toBe(true)
    expect(isAppPageUrl('file:///opt/Neuroref/resources/app.asar/out/renderer/index.html')).toBe(false)
    expect(isAppPageUrl('app://neuroref.evil.example/index.html')).toBe(false)
    expect(isAppPageUrl('app://user@neuroref/index.html')).toBe(false)
    expect(isAppPageUrl('https://neuroref/index.html')).toBe(false)
    expect(isAppPageUrl('not a url')).toBe(false)
  })
})
