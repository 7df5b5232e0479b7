// The desktop's manuscript channels as the renderer calls them (errors as
// data), on a real temp folder: the document the open dialog chose comes back
// as bytes, the formatted copy lands beside it under a free name, never over
// a file, and nowhere but that folder.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Handlers } from '@shared/contract'
import { invokeChannel } from '../invoke'
import type { Platform } from '../platform'
import { testChannelDeps } from './deps.test-support'
import { manuscriptChannels } from './manuscript'

let root: string
let folder: string
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'neuroref-manuscript-'))
  folder = path.join(root, 'Papers')
  writeFileSync(path.join(root, 'outside.txt'), 'not yours')
  mkdirSync(folder)
  writeFileSync(path.join(folder, 'Draft.docx'), 'PK original bytes')
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

function handlers(chosen: string | null, edition: Platform['edition'] = 'desktop'): Handlers {
  return manuscriptChannels(testChannelDeps({}, { edition }, { chooseManuscript: async () => chosen })) as Handlers
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- channel results are read loosely in this test
const call = (h: Handlers, channel: string, arg: unknown) => invokeChannel(h, channel, arg) as Promise<{ ok: boolean; value?: any; error?: any }>
const base64 = (text: string) => Buffer.from(text).toString('base64')

async function opened(h: Handlers): Promise<string> {
  const answer = await call(h, 'manuscript.open', undefined)
  expect(answer.ok).toBe(true)
  return answer.value.id
}

describe('manuscript channels (desktop)', () => {
  it('opens the document the dialog chose: its name, path and bytes, and an id instead of a path', async () => {
    const h = handlers(path.join(folder, 'Draft.docx'))
    const answer = await call(h, 'manuscript.open', undefined)
    expect(answer.value).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      name: 'Draft.docx',
      path: path.join(folder, 'Draft.docx'),
      data: base64('PK original bytes')
    })
    expect(await call(handlers(null), 'manuscript.open', undefined)).toEqual({ ok: true, value: null })
  })

  it('saves the copy beside the original, then under "… 2", "… 3" — never over a file, the original untouched', async () => {
    const h = handlers(path.join(folder, 'Draft.docx'))
    const id = await opened(h)
    const save = (text: string) => call(h, 'manuscript.saveBeside', { id, name: 'Draft (APA 7th edition).docx', data: base64(text) })
    expect(await save('first')).toEqual({ ok: true, value: { path: path.join(folder, 'Draft (APA 7th edition).docx') } })
    expect(await save('second')).toEqual({ ok: true, value: { path: path.join(folder, 'Draft (APA 7th edition) 2.docx') } })
    writeFileSync(path.join(folder, 'Draft (APA 7th edition) 3.docx'), 'a file of the researcher')
    expect((await save('third')).value.path).toBe(path.join(folder, 'Draft (APA 7th edition) 4.docx'))
    expect(readFileSync(path.join(folder, 'Draft (APA 7th edition).docx'), 'utf8')).toBe('first')
    expect(readFileSync(path.join(folder, 'Draft (APA 7th edition) 3.docx'), 'utf8')).toBe('a file of the researcher')
    expect(readFileSync(path.join(folder, 'Draft.docx'), 'utf8')).toBe('PK original bytes')
    // no temp file left behind
    expect(readdirSync(folder).sort()).toEqual([
      'Draft (APA 7th edition) 2.docx',
      'Draft (APA 7th edition) 3.docx',
      'Draft (APA 7th edition) 4.docx',
      'Draft (APA 7th edition).docx',
      'Draft.docx'
    ])
  })

  it('never writes over the original, even when asked for its very name', async () => {
    const h = handlers(path.join(folder, 'Draft.docx'))
    const id = await opened(h)
    const answer = await call(h, 'manuscript.saveBeside', { id, name: 'Draft.docx', data: base64('formatted') })
    expect(answer.value.path).toBe(path.join(folder, 'Draft 2.docx'))
    expect(readFileSync(path.join(folder, 'Draft.docx'), 'utf8')).toBe('PK original bytes')
  })

  it('refuses a name that leads out of the folder, an unknown id and a damaged copy, writing nothing', async () => {
    const h = handlers(path.join(folder, 'Draft.docx'))
    const id = await opened(h)
    for (const name of ['../outside.txt', '../escaped.docx', path.join(root, 'abs.docx'), '..', 'sub/dir.docx', 'a\\b.docx']) {
      const answer = await call(h, 'manuscript.saveBeside', { id, name, data: base64('x') })
      expect(answer).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringContaining('is not a file name in the folder of the original document') }
      })
    }
    expect(await call(h, 'manuscript.saveBeside', { id: 'f'.repeat(24), name: 'x.docx', data: base64('x') })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Neuroref no longer knows where that document is: choose it again. Nothing was written.' }
    })
    expect(await call(h, 'manuscript.saveBeside', { id, name: 'x.docx', data: 'not base64!' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(readFileSync(path.join(root, 'outside.txt'), 'utf8')).toBe('not yours')
    expect(readdirSync(root).sort()).toEqual(['Papers', 'outside.txt'])
    expect(readdirSync(folder)).toEqual(['Draft.docx'])
  })

  it('says why when the folder cannot be written, and leaves nothing', async () => {
    const h = handlers(path.join(folder, 'Draft.docx'))
    const id = await opened(h)
    rmSync(folder, { recursive: true })
    const answer = await call(h, 'manuscript.saveBeside', { id, name: 'Draft (APA).docx', data: base64('x') })
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'IO', message: expect.stringMatching(/^The formatted copy could not be saved in .*Papers: .*The original is unchanged\.$/) }
    })
  })

  it('is not there in the web edition: the browser uploads and downloads', async () => {
    const h = handlers(path.join(folder, 'Draft.docx'), 'web')
    expect(await call(h, 'manuscript.open', undefined)).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } })
    expect(await call(h, 'manuscript.saveBeside', { id: 'x', name: 'x.docx', data: base64('x') })).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } })
  })
})
