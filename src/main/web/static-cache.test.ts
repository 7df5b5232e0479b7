// What the browser may keep of the web edition's files: the built scripts named after their content are kept (a reload
// takes them from its cache); the page and a worker's script are asked again, and answered 304 while neither the file
// nor the policy it carries changed.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Handlers } from '@shared/contract'
import { startWebEdition, type WebEdition } from './server'

let web: WebEdition
let syncOrigin: string | undefined
const page = (path: string) => `http://127.0.0.1:${web.port}${path}`

beforeAll(async () => {
  const rendererDir = join(await mkdtemp(join(tmpdir(), 'neuroref-web-cache-')), 'renderer')
  await mkdir(join(rendererDir, 'assets'), { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), '<title>Neuroref</title>')
  await writeFile(join(rendererDir, 'assets', 'index-B0ZQ7crP.js'), 'export const shown = 1')
  await writeFile(join(rendererDir, 'assets', 'light-rows.worker-CTTs0O1E.js'), 'self.onmessage = () => undefined')
  web = await startWebEdition({ handlers: {} as Handlers, rendererDir, port: 0, syncOrigin: () => syncOrigin })
})
afterAll(() => web.close())

describe('what the browser keeps', () => {
  it("keeps a built script named after its content, with the app's policy", async () => {
    const answer = await fetch(page('/assets/index-B0ZQ7crP.js'))
    expect(answer.status).toBe(200)
    expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(answer.headers.get('content-security-policy')).toMatch(/^default-src 'self'/)
    expect(await answer.text()).toBe('export const shown = 1')
  })

  it('asks again for the page and a worker’s script: 304 while unchanged, the file again once the policy names another sync server', async () => {
    for (const path of ['/', '/assets/light-rows.worker-CTTs0O1E.js']) {
      syncOrigin = undefined
      const first = await fetch(page(path))
      expect(first.headers.get('cache-control')).toBe('no-cache')
      const etag = first.headers.get('etag')!
      expect(etag).toBeTruthy()
      const again = await fetch(page(path), { headers: { 'If-None-Match': etag } })
      expect(again.status).toBe(304)
      expect(await again.text()).toBe('')
      syncOrigin = 'https://couch.example.org'
      const moved = await fetch(page(path), { headers: { 'If-None-Match': etag } })
      expect(moved.status).toBe(200)
      expect(moved.headers.get('content-security-policy')).toContain("connect-src 'self' https://couch.example.org;")
      expect(moved.headers.get('etag')).not.toBe(etag)
    }
  })

  it('answers a folder or a missing file 404, kept by no one', async () => {
    for (const path of ['/assets', '/assets/missing-abc.js']) {
      const answer = await fetch(page(path))
      expect(answer.status).toBe(404)
      expect(answer.headers.get('cache-control')).toBeNull()
    }
  })
})
