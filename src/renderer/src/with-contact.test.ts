// The window's transport adds the contact details to every channel that
// reaches an outside service, and only to those; a caller's own contact wins.
import { describe, expect, it } from 'vitest'
import { CHANNELS, type NeurorefApi } from '@shared/contract'
import { CONTACT_CHANNELS, withContact } from './with-contact'

function recordingApi() {
  const calls: { channel: string; arg: unknown }[] = []
  const api = Object.fromEntries(CHANNELS.map(channel => [channel, async (arg: unknown) => (calls.push({ channel, arg }), { ok: true, value: null })]))
  return { api: api as unknown as NeurorefApi, calls }
}

describe('withContact', () => {
  it('adds the contact read at call time to lookups, PubMed searches, related papers and free-PDF finding', async () => {
    const { api, calls } = recordingApi()
    let email = 'first@lab.org'
    const wrapped = withContact(api, async () => ({ email }))
    await wrapped['lookup.identifiers']({ ids: [{ kind: 'pmid', value: '33673448' }] })
    email = 'changed@lab.org'
    await wrapped['pubmed.search']({ query: 'oxytocin', start: 0, size: 20 })
    await wrapped['pubmed.related']({ pmid: '33673448', relation: 'similar' })
    await wrapped['attachments.findFree']({ doi: '10.1/x' })
    expect(calls.map(c => (c.arg as { contact?: { email?: string } }).contact?.email)).toEqual([
      'first@lab.org',
      'changed@lab.org',
      'changed@lab.org',
      'changed@lab.org'
    ])
    expect(calls.map(c => c.channel)).toEqual([...CONTACT_CHANNELS])
  })

  it('keeps a contact the caller gave, and leaves other channels as they were', async () => {
    const { api, calls } = recordingApi()
    const wrapped = withContact(api, async () => ({ email: 'lab@lab.org' }))
    await wrapped['pubmed.search']({ query: 'orexin', start: 0, size: 20, contact: { email: 'own@lab.org' } })
    await wrapped['attachments.remove']({ hashes: ['a'] })
    expect(calls).toEqual([
      { channel: 'pubmed.search', arg: { query: 'orexin', start: 0, size: 20, contact: { email: 'own@lab.org' } } },
      { channel: 'attachments.remove', arg: { hashes: ['a'] } }
    ])
  })
})
