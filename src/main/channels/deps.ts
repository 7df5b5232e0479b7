// What every channel file receives (one convention for all namespaces), and
// the contact details every call to NCBI, Crossref or Unpaywall carries.
import type { Contact } from '@shared/model'
import type { AppConfig } from '../config'
import type { Platform } from '../platform'
import type { DoiLookupDeps } from '../services/crossref/lookup-doi'
import type { BinaryHttpClient } from '../services/http-types'
import type { EutilsDeps } from '../services/pubmed/eutils'
import type { PdfTextReader } from '../services/pdf/text-reader'
import type { StyleRepository } from '../services/styles/style-repository'
import type { SyncAccountStore } from '../services/sync/account-store'
import { optionalContact } from './validate'

export interface ChannelDeps {
  config: AppConfig
  http: BinaryHttpClient
  platform: Platform
  version: string
  /** Desktop: the save dialog that picks an auto-export .bib file. */
  chooseBibFile?: (suggestedName: string) => Promise<string | null>
  /** Desktop: the save dialog that picks where a large export goes (written in pieces). */
  chooseExportFile?: (suggestedName: string) => Promise<string | null>
  /** Desktop: the save dialog that picks where a library backup goes. */
  chooseBackupFile?: (suggestedName: string) => Promise<string | null>
  /** Desktop: the open dialog that picks a manuscript to format. */
  chooseManuscript?: () => Promise<string | null>
  /** Reads PDF text in a worker thread; tests pass one built from source. */
  pdfText?: PdfTextReader
  /** The CSL repository packed at build time (out/main/csl); tests pass one built from the archive. */
  styles?: StyleRepository
  /** The sync account (both editions; absent in tests that do not sync). */
  syncAccounts?: SyncAccountStore
}

/** The environment wins over Settings: `sent` is the contact the renderer passed from Settings. */
export function contactFor(config: AppConfig, sent: unknown): Contact {
  const fromSettings = optionalContact(sent)
  return { email: config.email ?? fromSettings.email, ncbiApiKey: config.ncbiApiKey ?? fromSettings.ncbiApiKey }
}

export function eutilsDeps({ config, http }: ChannelDeps, contact: Contact): EutilsDeps {
  return { http, eutilsUrl: config.eutilsUrl, idconvUrl: config.idconvUrl, email: contact.email, apiKey: contact.ncbiApiKey }
}

export function crossrefDeps({ config, http }: ChannelDeps, contact: Contact): DoiLookupDeps {
  return { http, crossrefUrl: config.crossrefUrl, doiUrl: config.doiUrl, email: contact.email }
}
