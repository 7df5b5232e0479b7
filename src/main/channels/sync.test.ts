// sync.*: the PDF settings kept with the account are checked before main keeps
// them, and a wrong one is said in a sentence with nothing kept.
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { invokeChannel } from '../invoke'
import { SyncAccountStore } from '../services/sync/account-store'
import { testChannelDeps } from './deps.test-support'
import { syncChannels } from './sync'

const account = { server: 'http://127.0.0.1:5984', database: 'neuroref-ann', user: 'ann', password: 'ann-password' }

async function channels() {
  const syncAccounts = new SyncAccountStore(await mkdtemp(join(tmpdir(), 'sync-channels-')))
  const handlers = syncChannels(testChannelDeps({}, {}, { syncAccounts }))
  const call = (channel: string, arg: unknown) => invokeChannel(handlers as never, channel, arg)
  return { call, syncAccounts }
}

describe('sync channels: the PDF settings', () => {
  it('keeps a valid choice with the account and refuses a wrong limit in words', async () => {
    const { call, syncAccounts } = await channels()
    expect(await call('sync.saveAccount', { ...account, pdfs: { download: 'always', limitMB: 0 } })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'The PDF size limit is a whole number of megabytes, from 1 to 1000 (for example 50).' }
    })
    expect(syncAccounts.read()).toBeNull()
    expect(await call('sync.saveAccount', { ...account, pdfs: { download: 'always', limitMB: 20 } })).toEqual({ ok: true, value: undefined })
    for (const wrong of [
      { download: 'sometimes', limitMB: 20 },
      { download: 'opened', limitMB: 2.5 },
      { download: 'opened', limitMB: '20' }
    ])
      expect(await call('sync.savePdfOptions', wrong)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(syncAccounts.read()?.pdfs).toEqual({ download: 'always', limitMB: 20 })
    expect(await call('sync.savePdfOptions', { download: 'opened', limitMB: 200 })).toEqual({ ok: true, value: undefined })
    expect(syncAccounts.read()).toEqual({ ...account, pdfs: { download: 'opened', limitMB: 200 } })
  })
})
