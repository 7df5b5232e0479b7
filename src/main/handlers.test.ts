// The Handlers table main and the web edition bind: every channel present,
// arguments checked, only web links leave the app.
import { describe, expect, it } from 'vitest'
import { CHANNELS } from '../shared/contract'
import { readConfig } from './config'
import { createHandlers, requireWebUrl, safeFileName } from './handlers'
import { invokeChannel } from './invoke'
import { createHttpClient } from './services/http'
import type { Platform } from './platform'

const opened: string[] = []
const platform: Platform = {
  edition: 'desktop',
  saveFile: async name => ({ path: `/chosen/${name}` }),
  openExternal: async url => void opened.push(url)
}
const handlers = createHandlers({ config: readConfig({}), http: createHttpClient(), platform, version: '1.2.3' })

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
    expect(await invokeChannel(handlers, 'lookup.doi', null)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await invokeChannel(handlers, 'lookup.doi', { doi: 42 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'A DOI is needed.' } })
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
