// Builds the one Handlers table from the services. Main binds it to IPC, the
// web edition to HTTP; a channel without a handler here fails the type check.
import type { Handlers } from '../shared/contract'
import { ServiceError } from '../shared/result'
import type { AppConfig } from './config'
import type { HttpClient } from './services/http-types'
import type { Platform } from './platform'
import { lookupDoi } from './services/crossref/lookup-doi'
import { requireObject, requireString } from './validate'

export interface HandlerDeps {
  config: AppConfig
  http: HttpClient
  platform: Platform
  version: string
}

export function createHandlers({ config, http, platform, version }: HandlerDeps): Handlers {
  return {
    'app.info': async () => ({ name: 'Neuroref', version, edition: platform.edition }),

    'lookup.doi': async (arg) => {
      const req = requireObject(arg)
      const doi = requireString(req.doi, 'DOI', 500)
      const email = config.email ?? optionalEmail(req.email)
      return lookupDoi(doi, { http, crossrefUrl: config.crossrefUrl, doiUrl: config.doiUrl, email })
    },

    'export.saveFile': async (arg) => {
      const req = requireObject(arg)
      const name = requireString(req.suggestedName, 'file name', 255)
      const content = requireString(req.content, 'file content', 200_000_000)
      return platform.saveFile(safeFileName(name), content)
    },

    'shell.openExternal': async (arg) => {
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

/** A suggested name never becomes a path: keep the last segment, drop odd characters. */
export function safeFileName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? ''
  const cleaned = last.replace(/[^\w.\- ]+/g, '_').replace(/^\.+/, '').slice(0, 120)
  return cleaned || 'export.bib'
}

function optionalEmail(value: unknown): string | undefined {
  return typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? value.trim() : undefined
}
