// Builds the one Handlers table from the services. Main binds it to IPC, the
// web edition to HTTP; a channel without a handler here fails the type check.
import type { Handlers } from '../shared/contract'
import { safeFileName as safeName } from '../shared/file-name'
import { ServiceError } from '../shared/result'
import type { AppConfig } from './config'
import type { BinaryHttpClient } from './services/http-types'
import type { Platform } from './platform'
import { lookupDoi } from './services/crossref/lookup-doi'
import { resolveIdentifiers } from './services/resolve-identifiers'
import { relatedPapers } from './services/pubmed/related'
import { searchPubmedPage } from './services/pubmed/search'
import type { EutilsDeps } from './services/pubmed/eutils'
import { autoExportHandlers } from './autoexport-handlers'
import { desktopChannelHandlers } from './desktop-channels'
import { attachmentHandlers } from './services/attachments/channels'
import { requireIdentifiers, requireObject, requireString, requirePmid, requireRelation, optionalContact } from './validate'

export interface HandlerDeps {
  config: AppConfig
  http: BinaryHttpClient
  platform: Platform
  version: string
  /** Desktop: the save dialog that picks an auto-export .bib file. */
  chooseBibFile?: (suggestedName: string) => Promise<string | null>
}

export function createHandlers({ config, http, platform, version, chooseBibFile }: HandlerDeps): Handlers {
  // The environment wins over Settings (DESIGN.md).
  const contactOf = (req: Record<string, unknown>) => {
    const fromSettings = optionalContact(req.contact)
    return { email: config.email ?? fromSettings.email, apiKey: config.ncbiApiKey ?? fromSettings.ncbiApiKey }
  }
  const crossrefDeps = (email?: string) => ({ http, crossrefUrl: config.crossrefUrl, doiUrl: config.doiUrl, email })
  const eutilsDeps = (email?: string, apiKey?: string): EutilsDeps => ({
    http,
    eutilsUrl: config.eutilsUrl,
    idconvUrl: config.idconvUrl,
    email,
    apiKey
  })

  return {
    ...desktopChannelHandlers(platform),
    ...autoExportHandlers({ dataDir: config.dataDir, edition: platform.edition, chooseBibFile }),
    ...attachmentHandlers({
      dataDir: config.dataDir,
      http,
      platform,
      unpaywallUrl: config.unpaywallUrl,
      pmcPdfUrl: config.pmcPdfUrl,
      email: config.email
    }),

    'app.info': async () => ({ name: 'Neuroref', version, edition: platform.edition, contactFromEnvironment: !!config.email }),

    'lookup.doi': async arg => {
      const req = requireObject(arg)
      const doi = requireString(req.doi, 'DOI', 500)
      return lookupDoi(doi, crossrefDeps(contactOf(req).email))
    },

    'lookup.identifiers': async arg => {
      const req = requireObject(arg)
      const ids = requireIdentifiers(req.ids, 1000)
      const { email, apiKey } = contactOf(req)
      return resolveIdentifiers(ids, { eutils: eutilsDeps(email, apiKey), crossref: crossrefDeps(email) })
    },

    'pubmed.related': async arg => {
      const req = requireObject(arg)
      const limit = typeof req.limit === 'number' && req.limit > 0 ? Math.min(Math.floor(req.limit), 200) : 20
      const { email, apiKey } = contactOf(req)
      return relatedPapers(requirePmid(req.pmid), requireRelation(req.relation), limit, eutilsDeps(email, apiKey))
    },

    'pubmed.search': async arg => {
      const req = requireObject(arg)
      const query = requireString(req.query, 'PubMed query', 4000)
      const start = typeof req.start === 'number' && req.start >= 0 ? Math.floor(req.start) : 0
      const size = typeof req.size === 'number' && req.size > 0 ? Math.min(Math.floor(req.size), 200) : 20
      const since = typeof req.since === 'string' && /^\d{4}\/\d{2}\/\d{2}$/.test(req.since) ? req.since : undefined
      const { email, apiKey } = contactOf(req)
      return searchPubmedPage({ query, start, size, since }, eutilsDeps(email, apiKey))
    },

    'export.saveFile': async arg => {
      const req = requireObject(arg)
      const name = requireString(req.suggestedName, 'file name', 255)
      const content = requireString(req.content, 'file content', 200_000_000)
      return platform.saveFile(safeFileName(name), content)
    },

    'shell.openExternal': async arg => {
      const url = requireString(requireObject(arg).url, 'link', 4000)
      await platform.openExternal(requireWebUrl(url))
    }
  }
}

/** Only http(s) links leave the app; file:, javascript:, custom schemes never do. */
export function requireWebUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new ServiceError('INVALID_INPUT', 'That link is not a web address.')
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new ServiceError('INVALID_INPUT', 'Only web links (http or https) can be opened.')
  }
  return parsed.toString()
}

/** A suggested name never becomes a path (shared/file-name.ts). */
export function safeFileName(name: string): string {
  return safeName(name, { fallback: 'export.bib' })
}
