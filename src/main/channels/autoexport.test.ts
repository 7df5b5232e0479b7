// The auto-export channels as the renderer reaches them: ids only after a
// path was checked (web) or chosen in the save dialog (desktop).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Handlers } from '@shared/contract'
import { invokeChannel } from '../invoke'
import { autoexportChannels } from './autoexport'
import { testChannelDeps } from './deps.test-support'

let root: string
let dataDir: string
let folder: string
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'neuroref-autoexport-handlers-'))
  dataDir = path.join(root, 'data')
  folder = path.join(root, 'paper')
  mkdirSync(folder)
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

const call = (handlers: Partial<Handlers>, channel: string, arg: unknown) => invokeChannel(handlers as Handlers, channel, arg)

describe('auto-export channels', () => {
  it('web edition: a typed path is checked in main; writes go by id only', async () => {
    const web = autoexportChannels(testChannelDeps({ NEUROREF_DATA_DIR: dataDir }, { edition: 'web' }))
    expect(await call(web, 'autoexport.addTarget', { path: 'refs.bib' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await call(web, 'autoexport.addTarget', { path: path.join(folder, 'nope', 'refs.bib') })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: `The folder ${path.join(folder, 'nope')} does not exist. Create it first, or choose another one.` }
    })
    const added = await call(web, 'autoexport.addTarget', { path: path.join(folder, 'refs.bib') })
    if (!added.ok || !added.value) throw new Error('not added')
    const { id } = added.value as { id: string }
    expect(await call(web, 'autoexport.write', { id, content: '@misc{a, title = {A}}\n', path: '/etc/passwd' })).toMatchObject({ ok: true })
    expect(readFileSync(path.join(folder, 'refs.bib'), 'utf8')).toBe('@misc{a, title = {A}}\n')
    expect(await call(web, 'autoexport.write', { id: 'made-up', content: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await call(web, 'autoexport.write', { id })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const listed = await call(web, 'autoexport.list', undefined)
    expect(listed).toMatchObject({ ok: true, value: [{ id, path: path.join(folder, 'refs.bib'), lastWrittenAt: expect.any(Number) }] })
    expect(await call(web, 'autoexport.remove', { id })).toEqual({ ok: true, value: undefined })
    expect(await call(web, 'autoexport.list', undefined)).toEqual({ ok: true, value: [] })
  })

  it('desktop: the save dialog chooses (a path typed by the renderer is ignored); cancel adds nothing', async () => {
    let answer: string | null = path.join(folder, 'chapter2')
    const desktop = autoexportChannels(testChannelDeps({ NEUROREF_DATA_DIR: dataDir }, { edition: 'desktop' }, { chooseBibFile: async () => answer }))
    const added = await call(desktop, 'autoexport.addTarget', { path: '/etc/evil.bib', suggestedName: 'Chapter 2.bib' })
    expect(added).toMatchObject({ ok: true, value: { path: path.join(folder, 'chapter2.bib') } })
    answer = null
    expect(await call(desktop, 'autoexport.addTarget', {})).toEqual({ ok: true, value: null })
    expect((await call(desktop, 'autoexport.list', undefined)) as { value: unknown[] }).toMatchObject({ value: [{ path: path.join(folder, 'chapter2.bib') }] })
  })

  it('an existing file is only taken over when the renderer confirms the very file main named (desktop: the one the dialog chose)', async () => {
    const thesis = path.join(folder, 'thesis.bib')
    writeFileSync(thesis, 'mine')
    let dialogs = 0
    const desktop = autoexportChannels(
      testChannelDeps({ NEUROREF_DATA_DIR: dataDir }, { edition: 'desktop' }, { chooseBibFile: async () => (dialogs++, thesis) })
    )
    expect(await call(desktop, 'autoexport.addTarget', { suggestedName: 'Thesis.bib' })).toMatchObject({
      ok: true,
      value: { existing: { path: thesis, size: 4 } }
    })
    // Another path is not taken as a confirmation: the dialog is shown again and asks again.
    expect(await call(desktop, 'autoexport.addTarget', { replaceExisting: '/etc/evil.bib' })).toMatchObject({ ok: true, value: { existing: { path: thesis } } })
    expect(dialogs).toBe(2)
    expect(await call(desktop, 'autoexport.addTarget', { replaceExisting: thesis })).toMatchObject({ ok: true, value: { path: thesis } })
    expect(dialogs).toBe(2)
    expect(readFileSync(`${thesis}.bak`, 'utf8')).toBe('mine')

    const web = autoexportChannels(testChannelDeps({ NEUROREF_DATA_DIR: path.join(root, 'web-data') }, { edition: 'web' }))
    expect(await call(web, 'autoexport.addTarget', { path: thesis })).toMatchObject({ ok: true, value: { existing: { path: thesis } } })
  })
})
