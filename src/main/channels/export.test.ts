// A large export saved on the desktop: the save dialog picks the file, the
// pieces are appended by id, and the file appears whole at finish, byte for
// byte — or not at all when the export is given up.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportChannels } from './export'
import { testChannelDeps } from './deps.test-support'
import { call, dialogDeps, folderPerTest } from './pieces.test-support'

const folderNow = folderPerTest('export-channels')
const desktop = (chosen: string | null, asked: string[] = []) => exportChannels(dialogDeps('chooseExportFile', chosen, asked))

describe('export in pieces', () => {
  it('desktop: the file appears whole at finish, in UTF-8, over an older one', async () => {
    const target = path.join(folderNow(), 'library.bib')
    writeFileSync(target, 'last week\n')
    const asked: string[] = []
    const handlers = desktop(target, asked)
    const begun = await call(handlers, 'export.begin', { suggestedName: '../neuroref.bib' })
    expect(begun).toEqual({ ok: true, value: { id: expect.stringMatching(/^[0-9a-f]{32}$/), path: target } })
    expect(asked).toEqual(['neuroref.bib'])
    const { id } = (begun as { value: { id: string } }).value
    const pieces = ['@article{Leng2008,\n  title = {Oxytocin and {β}-endorphin},\n', '  author = {Leng, Gareth and Ludwig, Mike}\n}\n']
    for (const text of pieces) expect(await call(handlers, 'export.append', { id, text })).toEqual({ ok: true, value: undefined })
    expect(readFileSync(target, 'utf8')).toBe('last week\n')
    expect(await call(handlers, 'export.finish', { id })).toEqual({ ok: true, value: { path: target } })
    expect(readFileSync(target, 'utf8')).toBe(pieces.join(''))
    expect(readdirSync(folderNow())).toEqual(['library.bib'])
    expect(await call(handlers, 'export.append', { id, text: 'more' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'This export is no longer being written (it was stopped or took too long). Export again.' }
    })
  })

  it('desktop: an export given up leaves nothing; a cancelled dialog begins nothing; the web edition downloads', async () => {
    const handlers = desktop(path.join(folderNow(), 'library.ris'))
    const begun = await call(handlers, 'export.begin', { suggestedName: 'library.ris' })
    const { id } = (begun as { value: { id: string } }).value
    await call(handlers, 'export.append', { id, text: 'TY  - JOUR\n' })
    expect(await call(handlers, 'export.abort', { id })).toEqual({ ok: true, value: undefined })
    expect(readdirSync(folderNow())).toEqual([])
    expect(await call(desktop(null), 'export.begin', { suggestedName: 'library.ris' })).toEqual({ ok: true, value: null })
    expect(await call(handlers, 'export.append', { id: '../x', text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'That is not an export id.' }
    })
    const web = exportChannels(testChannelDeps({}, { edition: 'web' }))
    expect(await call(web, 'export.begin', { suggestedName: 'library.ris' })).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED', message: 'The web edition saves exports as browser downloads.' }
    })
  })
})
