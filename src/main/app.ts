// Wires config, HTTP client and services into the Handlers table: the same
// for the desktop app and the web edition.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { version } from '../../package.json'
import type { Handlers } from '@shared/contract'
import { readConfig, type AppConfig } from './config'
import { createHandlers } from './channels'
import { createHttpClient, hostOf, ncbiMinIntervalMs, neurorefUserAgent, type HttpClientOptions } from './services/http'
import type { BinaryHttpClient } from './services/http-types'
import type { Platform } from './platform'
import { CATALOGUE_FILE } from './services/styles/pack-format'
import { StyleRepository } from './services/styles/style-repository'
import type { SyncAccountStore } from './services/sync/account-store'

const APP_VERSION: string = version

/**
 * The app's HTTP client: names Neuroref (and the contact address) and keeps
 * to NCBI's rate, 3 requests a second without an API key, 10 with one (a key
 * from Settings keeps the safe rate). `options` lets tests and benchmarks
 * shorten timeouts or backoff; the NCBI spacing always stays.
 */
export function createNcbiAwareHttpClient(config: AppConfig, options: HttpClientOptions = {}): BinaryHttpClient {
  const ncbiInterval = ncbiMinIntervalMs(!!config.ncbiApiKey)
  return createHttpClient({
    userAgent: neurorefUserAgent(APP_VERSION, config.email),
    ...options,
    hostMinIntervalMs: { ...options.hostMinIntervalMs, [hostOf(config.eutilsUrl)]: ncbiInterval, [hostOf(config.idconvUrl)]: ncbiInterval }
  })
}

/** What only the desktop app has: Electron's userData folder and its file dialogs. */
export interface DesktopExtras {
  userDataDir?: string
  chooseBibFile?: (suggestedName: string) => Promise<string | null>
  chooseBackupFile?: (suggestedName: string) => Promise<string | null>
  chooseExportFile?: (suggestedName: string) => Promise<string | null>
  chooseManuscript?: () => Promise<string | null>
}

/** What both hosts share with the handlers: the sync account also shapes the pages' Content-Security-Policy. */
export interface HostExtras {
  syncAccounts?: SyncAccountStore
}

export function createAppHandlers(env: Record<string, string | undefined>, platform: Platform, desktop: DesktopExtras = {}, host: HostExtras = {}): Handlers {
  const config = readConfig(env, desktop.userDataDir)
  return createHandlers({
    config,
    http: createNcbiAwareHttpClient(config),
    platform,
    version: APP_VERSION,
    chooseBibFile: desktop.chooseBibFile,
    chooseBackupFile: desktop.chooseBackupFile,
    chooseExportFile: desktop.chooseExportFile,
    styles: new StyleRepository(packedStylesDir()),
    chooseManuscript: desktop.chooseManuscript,
    syncAccounts: host.syncAccounts
  })
}

/** The build packs the CSL repository into out/main/csl (electron.vite.config.ts); this code may sit in out/main/chunks. */
function packedStylesDir(): string {
  const candidates = [join(__dirname, 'csl'), join(__dirname, '..', 'csl')]
  return candidates.find(dir => existsSync(join(dir, CATALOGUE_FILE))) ?? candidates[0]
}
