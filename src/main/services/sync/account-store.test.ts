// The sync account in main: never in clear where a keychain exists, a file
// only its owner can read, a wrong address refused before it is kept.
import { mkdtemp, readFile, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SyncAccountStore, type SecretBox } from './account-store'

const account = { server: 'https://couch.lab.example:6984', database: 'neuroref-ann', user: 'ann', password: 'correct horse battery' }
/** stands in for safeStorage: reversible, and visibly not the password */
const box: SecretBox = {
  encrypt: text => Buffer.from([...Buffer.from(text)].map(b => b ^ 0x5a)),
  decrypt: data => Buffer.from([...data].map(b => b ^ 0x5a)).toString()
}

describe('sync account store', () => {
  it('keeps the account in a file only its owner reads, the password encrypted when there is a keychain', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sync-account-'))
    await new SyncAccountStore(dir, box).save(account)
    const file = join(dir, 'sync-account.json')
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect(await readFile(file, 'utf8')).not.toContain('correct horse')
    // a new start (another process) reads it back, and names the server's origin for the CSP
    const again = new SyncAccountStore(dir, box)
    expect(again.read()).toEqual({ ...account, pdfs: { download: 'opened', limitMB: 50 } })
    expect(again.origin()).toBe('https://couch.lab.example:6984')
  })

  it('web edition: no keychain, the file mode keeps it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sync-account-'))
    await new SyncAccountStore(dir).save({ ...account, server: 'http://127.0.0.1:5984' })
    expect((await stat(join(dir, 'sync-account.json'))).mode & 0o777).toBe(0o600)
    expect(new SyncAccountStore(dir).read()?.password).toBe('correct horse battery')
    expect(new SyncAccountStore(dir, box).read()?.password).toBe('correct horse battery')
  })

  it('refuses http to another computer, and forgets', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sync-account-'))
    const store = new SyncAccountStore(dir, box)
    await expect(store.save({ ...account, server: 'http://couch.lab.example:5984' })).rejects.toThrow(/must start with https/)
    expect(store.read()).toBeNull()
    await store.save(account)
    await store.forget()
    expect(store.read()).toBeNull()
    expect(new SyncAccountStore(dir).origin()).toBeUndefined()
  })

  it('keeps how PDFs travel with the account, changed without the password, and refuses them before there is an account', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sync-account-'))
    const store = new SyncAccountStore(dir, box)
    await expect(store.savePdfOptions({ download: 'always', limitMB: 20 })).rejects.toThrow('Start syncing first')
    await store.save({ ...account, pdfs: { download: 'always', limitMB: 20 } })
    expect(new SyncAccountStore(dir, box).read()?.pdfs).toEqual({ download: 'always', limitMB: 20 })
    await store.savePdfOptions({ download: 'opened', limitMB: 120 })
    const again = new SyncAccountStore(dir, box).read()
    expect(again).toEqual({ ...account, pdfs: { download: 'opened', limitMB: 120 } })
  })

  it('an encrypted password the web edition cannot read is said in words', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sync-account-'))
    await new SyncAccountStore(dir, box).save(account)
    expect(() => new SyncAccountStore(dir).read()).toThrow(/type it again/)
  })
})
