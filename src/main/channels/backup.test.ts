// The backup channels as the renderer reaches them: the desktop save dialog
// picks the file, pieces are appended to a temp file by id, and the file
// appears whole at finish — or not at all when the backup is given up.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Handlers } from '@shared/contract'
import { backupChannels } from './backup'
import { testChannelDeps } from './deps.test-support'
import { call, dialogDeps, folderPerTest } from './pieces.test-support'

const folderNow = folderPerTest('backup-channels')
const desktop = (chosen: string | null, asked: string[] = []) => backupChannels(dialogDeps('chooseBackupFile', chosen, asked))

async function begin(handlers: Partial<Handlers>): Promise<string> {
  const begun = await call(handlers, 'backup.begin', { suggestedName: 'neuroref-library-2025-03-04.ndjson' })
  if (!begun.ok || !begun.value) throw new Error('not begun')
  return (begun.value as { id: string }).id
}

describe('backup channels', () => {
  it('desktop: the file appears whole at finish, over an older backup', async () => {
    const target = path.join(folderNow(), 'lab backup.ndjson')
    writeFileSync(target, 'the backup of last week\n')
    const asked: string[] = []
    const handlers = desktop(target, asked)
    const id = await begin(handlers)
    expect(asked).toEqual(['neuroref-library-2025-03-04.ndjson'])
    for (const piece of ['{"format":"neuroref-library-backup"}\n', '{"table":"items","row":{"id":"a"}}\n', '{"end":true}\n']) {
      expect(await call(handlers, 'backup.append', { id, text: piece })).toEqual({ ok: true, value: undefined })
      expect(readFileSync(target, 'utf8'), 'the older backup stays until the new one is complete').toBe('the backup of last week\n')
    }
    expect(await call(handlers, 'backup.finish', { id })).toEqual({ ok: true, value: { path: target } })
    expect(readFileSync(target, 'utf8')).toBe('{"format":"neuroref-library-backup"}\n{"table":"items","row":{"id":"a"}}\n{"end":true}\n')
    expect(readdirSync(folderNow())).toEqual(['lab backup.ndjson'])
    expect(await call(handlers, 'backup.append', { id, text: 'more' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('desktop: a backup given up leaves nothing; a cancelled dialog begins nothing', async () => {
    const target = path.join(folderNow(), 'backup.ndjson')
    const handlers = desktop(target)
    const id = await begin(handlers)
    await call(handlers, 'backup.append', { id, text: '{"format":"neuroref-library-backup"}\n' })
    expect(await call(handlers, 'backup.abort', { id })).toEqual({ ok: true, value: undefined })
    expect(readdirSync(folderNow())).toEqual([])
    expect(await call(desktop(null), 'backup.begin', { suggestedName: 'b.ndjson' })).toEqual({ ok: true, value: null })
  })

  it('refuses made-up ids and oversized pieces; the web edition downloads instead', async () => {
    const handlers = desktop(path.join(folderNow(), 'b.ndjson'))
    expect(await call(handlers, 'backup.append', { id: '../../etc/passwd', text: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await call(handlers, 'backup.finish', { id: 'f'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const id = await begin(handlers)
    expect(await call(handlers, 'backup.append', { id, text: 'x'.repeat(64_000_001) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const web = backupChannels(testChannelDeps({}, { edition: 'web' }))
    expect(await call(web, 'backup.begin', { suggestedName: 'b.ndjson' })).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED', message: 'The web edition saves backups as browser downloads.' }
    })
  })
})
