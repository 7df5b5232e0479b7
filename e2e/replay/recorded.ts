// Routes that answer like the real services, from the recorded responses in
// e2e/fixtures/. Every Crossref works record is served at its own DOI.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { ReplayRoute } from './server'

const FIXTURES = path.resolve(__dirname, '..', 'fixtures')

/** `/crossref/works/<doi>` for every recorded Crossref work (DOI matched case-insensitively). */
export function crossrefWorkRoutes(): ReplayRoute[] {
  const dir = path.join(FIXTURES, 'crossref', 'works')
  return readdirSync(dir)
    .filter(name => name.endsWith('.json'))
    .flatMap(name => {
      const json = JSON.parse(readFileSync(path.join(dir, name), 'utf8'))
      const doi: unknown = json?.message?.DOI
      if (json?.['message-type'] !== 'work' || typeof doi !== 'string') return []
      const escaped = doi.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      return [{ method: 'GET' as const, path: new RegExp(`^/crossref/works/${escaped}$`, 'i'), file: `crossref/works/${name}` }]
    })
}

/** Base URLs for the app, all pointing at one replay server. */
export function replayEnvironment(replayUrl: string): Record<string, string> {
  const base = replayUrl.replace(/\/$/, '')
  return {
    NEUROREF_CROSSREF_URL: `${base}/crossref/`,
    NEUROREF_DOI_URL: `${base}/doi/`,
    NEUROREF_EUTILS_URL: `${base}/eutils/`,
    NEUROREF_IDCONV_URL: `${base}/idconv/`,
    NEUROREF_UNPAYWALL_URL: `${base}/unpaywall/`,
    NEUROREF_EMAIL: 'e2e@neuroref.test'
  }
}
