// The Handlers table main and the web edition bind: every channel present,
// arguments checked, only web links leave the app.
import { describe, expect, it } from 'vitest'
import { CHANNELS } from '@shared/contract'
import { readConfig } from '../config'
import { invokeChannel } from '../invoke'
import { testChannelDeps } from './deps.test-support'
import { safeFileName } from './pieces'
import { createHandlers } from '.'
import { requireWebUrl } from './shell'

const opened: string[] = []
const handlers = createHandlers(
  testChannelDeps({}, { saveFile: async name => ({ path: `/chosen/${name}` }), openExternal: async url => void opened.push(url) }, { version: '1.2.3' })
)

describe('handlers', () => {
  it('has exactly one handler per contract channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort())
  })

  it('reports its version and edition', async () => {
    expect(await invokeChannel(handlers, 'app.info', undefined)).toEqual({
      ok: true,
      value: { name: 'Neuroref', version: '1.2.3', edition: 'desktop', contactFromEnvironment: false }
    })
  })

  it('opens only http(s) links', async () => {
    expect((await invokeChannel(handlers, 'shell.openExternal', { url: 'https://pubmed.ncbi.nlm.nih.gov/33673448/' })).ok).toBe(true)
    expect(opened).toEqual(['https://pubmed.ncbi.nlm.nih.gov/33673448/'])
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'neuroref://x', 'not a url']) {
      expect(await invokeChannel(handlers, 'shell.openExternal', { url })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
    expect(opened).toHaveLength(1)
    expect(() => requireWebUrl('ftp://x.org')).toThrow(/web links/)
  })

  it('never lets a suggested file name become a path', async () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd')
    expect(safeFileName('C:\\Users\\x\\refs.bib')).toBe('refs.bib')
    expect(safeFileName('..')).toBe('export.bib')
    expect(await invokeChannel(handlers, 'export.saveFile', { suggestedName: '../x.bib', content: '@article{}' })).toEqual({
      ok: true,
      value: { path: '/chosen/x.bib' }
    })
  })

  it('rejects malformed arguments with a sentence', async () => {
    expect(await invokeChannel(handlers, 'lookup.identifiers', null)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await invokeChannel(handlers, 'lookup.identifiers', { ids: [{ kind: 'pmid', value: '123456789' }] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Not an identifier Neuroref can look up: "123456789".' }
    })
    expect(await invokeChannel(handlers, 'pubmed.related', { pmid: 'PMID 1', relation: 'similar' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'A PubMed ID (PMID) is needed.' }
    })
    expect(await invokeChannel(handlers, 'lookup.doi', { doi: '10.1/x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await invokeChannel(handlers, 'no.such.channel', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})

describe('config', () => {
  it('takes base URLs from the environment and ends them with a slash', () => {
    const config = readConfig({ NEUROREF_CROSSREF_URL: 'http://127.0.0.1:9/crossref', NEUROREF_EMAIL: ' me@lab.org ' })
    expect(config.crossrefUrl).toBe('http://127.0.0.1:9/crossref/')
    expect(config.eutilsUrl).toBe('https://eutils.ncbi.nlm.nih.gov/entrez/eutils/')
    expect(config.email).toBe('me@lab.org')
  })
})
