// Wires config, HTTP client and services into the Handlers table: the same
// for the desktop app and the web edition.
import { version } from '../../package.json'
import type { Handlers } from '../shared/contract'
import { readConfig } from './config'
import { createHandlers } from './handlers'
import { createHttpClient, hostOf, ncbiMinIntervalMs, neurorefUserAgent } from './services/http'
import type { Platform } from './platform'

export const APP_VERSION: string = version

export function createAppHandlers(env: Record<string, string | undefined>, platform: Platform): Handlers {
  const config = readConfig(env)
  // NCBI: 3 requests a second without an API key, 10 with one (a key from Settings keeps the safe rate).
  const ncbiInterval = ncbiMinIntervalMs(!!config.ncbiApiKey)
  const http = createHttpClient({
    userAgent: neurorefUserAgent(APP_VERSION, config.email),
    hostMinIntervalMs: { [hostOf(config.eutilsUrl)]: ncbiInterval, [hostOf(config.idconvUrl)]: ncbiInterval }
  })
  return createHandlers({ config, http, platform, version: APP_VERSION })
}
