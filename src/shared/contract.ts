// The one contract between renderer and main (docs/ARCHITECTURE.md). Preload exposes
// exactly these channels as `window.neuroref`; main and the web edition bind
// exactly these channels. Adding a channel here without a handler is a
// compile error in main and in the web host.
import type { Identifier } from './identifiers'
import type { Contact, PaperSummary, ReferenceRecord } from './model'
import type { OpenRequest } from './open-request'
import type { AppError, Result } from './result'
import type { StyleFiles, StyleLocale, StyleSearchResult } from './styles/catalogue'
import type { PdfSyncOptions, SyncAccount } from './sync-server'

export interface AppInfo {
  name: string
  version: string
  edition: 'desktop' | 'web'
  /** the environment sets the contact email (NEUROREF_EMAIL): Settings need not ask for one */
  contactFromEnvironment: boolean
}

export interface Contract {
  /** Name, version and which edition is running. */
  'app.info': { arg: void; result: AppInfo }
  /** Desktop: files (.bib, .ris, .nbib) and neuroref:// links the app was asked to open since the last call, each once; the web edition has none. */
  'app.openRequests': { arg: void; result: OpenRequest[] }
  /** Desktop: the spell-checker's state; `enabled` turns it on or off (it may download dictionaries, so it starts off). */
  'app.spellcheck': { arg: { enabled?: boolean }; result: SpellcheckState }
  /** Many identifiers at once: PubMed (batched) merged with Crossref; one entry per paper, one failure per bad identifier. */
  'lookup.identifiers': { arg: { ids: Identifier[]; contact?: Contact }; result: IdentifierLookup }
  /** Similar articles, Cited by or References of a PubMed paper (elink + esummary). */
  'pubmed.related': { arg: { pmid: string; relation: RelatedKind; contact?: Contact; limit?: number }; result: RelatedPapers }
  /** A PubMed query, one page of results; `since` (YYYY/MM/DD) keeps papers new to PubMed since then. */
  'pubmed.search': { arg: { query: string; start: number; size: number; since?: string; contact?: Contact }; result: PubmedSearchPage }
  /** Desktop only: ask where to save an export and write it there. `null` when the user cancels. */
  'export.saveFile': { arg: { suggestedName: string; content: string }; result: { path: string } | null }
  /** Desktop only: ask where to save a large export; an id to append its pieces to, or `null` when the user cancels. */
  'export.begin': { arg: { suggestedName: string }; result: { id: string; path: string } | null }
  /** Desktop only: the next piece of the export `id` (a few million characters at most). */
  'export.append': { arg: { id: string; text: string }; result: void }
  /** Desktop only: the export `id` is complete: flushed and put at its path (atomically); returns the path. */
  'export.finish': { arg: { id: string }; result: { path: string } }
  /** Desktop only: give up the export `id`; nothing is left at its path. */
  'export.abort': { arg: { id: string }; result: void }
  /** Desktop only: ask where to save a library backup; an id to append its pieces to, or `null` when the user cancels. */
  'backup.begin': { arg: { suggestedName: string }; result: { id: string; path: string } | null }
  /** Desktop only: the next piece of the backup `id` (a few million characters at most). */
  'backup.append': { arg: { id: string; text: string }; result: void }
  /** Desktop only: the backup `id` is complete: flushed and put at its path (atomically); returns the path. */
  'backup.finish': { arg: { id: string }; result: { path: string } }
  /** Desktop only: give up the backup `id`; nothing is left at its path. */
  'backup.abort': { arg: { id: string }; result: void }
  /** Desktop only: choose a manuscript (.docx, .odt) in the open dialog; its bytes (base64) and an id standing for its folder. `null` when cancelled. */
  'manuscript.open': { arg: void; result: ManuscriptFileOpened | null }
  /** Desktop only: save a formatted copy beside the document `id` names, as `name` or, when that is taken, "name 2" …, never over a file. */
  'manuscript.saveBeside': { arg: { id: string; name: string; data: string }; result: { path: string } }
  /** Open an http(s) link in the system browser. */
  'shell.openExternal': { arg: { url: string }; result: void }
  /** Bind a .bib file for auto-export. Desktop: a save dialog asks (null when cancelled); web: the `path` the user typed, checked in main. */
  /** `replaceExisting` names a file that exists, after the researcher confirmed it may be replaced (an AutoExportAdded `existing` answer asks). */
  'autoexport.addTarget': { arg: { path?: string; suggestedName?: string; replaceExisting?: string }; result: AutoExportAdded | null }
  /** Rewrite one registered auto-export file atomically; only registered ids, never a path. */
  'autoexport.write': { arg: { id: string; content: string }; result: { writtenAt: number } }
  /** Every auto-export file, with when it was last written and the last error. */
  'autoexport.list': { arg: void; result: AutoExportTarget[] }
  'autoexport.remove': { arg: { id: string }; result: void }
  /** Keep a PDF in the data folder under its SHA-256 (the same file twice is stored once). `data` is base64. */
  // `library`: the id of the library that holds the file (the transport adds it); libraries sharing a data folder never delete each other's files.
  'attachments.store': { arg: { name: string; data: string; library?: string; withText?: boolean }; result: StoredFileWithText }
  /** The bytes of a stored PDF, base64; only stored hashes are served. */
  'attachments.read': { arg: { hash: string }; result: { data: string } }
  /** Delete stored PDFs no item refers to any more (after the Trash is emptied). */
  'attachments.remove': { arg: { hashes: string[]; library?: string }; result: { removed: number } }
  /** Every hash the library holds; main lets go of the others it had for it and deletes files no library holds (the orphan sweep). */
  'attachments.reconcile': { arg: { hashes: string[]; library?: string }; result: { removed: number } }
  /** Of these hashes, those whose PDF is not in the data folder (sync fetches them when PDFs are always downloaded). */
  'attachments.missing': { arg: { hashes: string[] }; result: { missing: string[] } }
  /** The text of a stored PDF, page by page (the first `maxPages`, all of them by default). */
  'attachments.extractText': { arg: { hash: string; password?: string; maxPages?: number }; result: ExtractedText }
  /** Desktop only: reveal the stored PDF in the system file manager. */
  'attachments.show': { arg: { hash: string }; result: void }
  /** Desktop only: open the stored PDF in the system's PDF viewer. */
  'attachments.open': { arg: { hash: string }; result: void }
  /** Look for a free copy (Unpaywall by DOI, PubMed Central by PMCID), download and store it. */
  'attachments.findFree': { arg: { doi?: string; pmcid?: string; contact?: Contact; library?: string }; result: FoundPdf }
  /** The CSL repository's styles (10,857) matching what was typed, best first; `ids` instead names styles (favourites, recently used). */
  'styles.search': { arg: { query?: string; ids?: string[]; limit?: number }; result: StyleSearchResult }
  /** One style's XML to format with (a dependent style's parent too) and its locale files; an old (renamed) id still answers. */
  'styles.get': { arg: { id: string; lang?: string }; result: StyleFiles }
  /** The CSL locales shipped (62): the languages a style can be formatted in. */
  'styles.locales': { arg: void; result: StyleLocale[] }
  /** One CSL locale file (a language for a style that is not from the repository: bundled or the researcher's own). */
  'styles.locale': { arg: { lang: string }; result: { lang: string; xml: string } }
  /** The sync account kept in main (the renderer holds it in memory only, to log in to CouchDB); null when sync is off. */
  'sync.account': { arg: void; result: SyncAccount | null }
  /** Keep the sync account (desktop: the password encrypted by the system keychain; web: a file only its owner reads). The window reloads so its CSP allows the server. */
  'sync.saveAccount': { arg: SyncAccount; result: void }
  /** How PDFs travel to this computer (when opened or always; the size limit), kept with the sync account; no reload. */
  'sync.savePdfOptions': { arg: PdfSyncOptions; result: void }
  /** Forget the sync account: sync stops. */
  'sync.forgetAccount': { arg: void; result: void }
}

/** A manuscript the desktop's open dialog chose. The renderer names it by `id` only, never by its path. */
export interface ManuscriptFileOpened {
  id: string
  /** file name, e.g. "Draft.docx" */
  name: string
  /** where it is, to tell the researcher */
  path: string
  /** the file's bytes, base64 */
  data: string
}

export interface SpellcheckState {
  enabled: boolean
  /** false in the web edition: the browser checks spelling by its own settings */
  available: boolean
}

/** A PDF kept in the data folder (main's attachment store). */
/**
 * With `withText`, storing also reads the text of every page in the same
 * parse (a dropped PDF: the DOI search and full-text search share it). A PDF
 * that needs a password is stored with `textError`; a damaged one is refused
 * and, when it was not stored before, not kept.
 */
export interface StoredFileWithText extends StoredFile {
  text?: ExtractedText
  textError?: AppError
}

export interface StoredFile {
  /** SHA-256 of the bytes, 64 hex digits */
  hash: string
  size: number
  /** display name, made safe; never a path */
  fileName: string
  /** these bytes were already stored */
  existed: boolean
}

export interface ExtractedText {
  /** text of each page read, page 1 first; lines end with "\n" */
  pages: string[]
  pageCount: number
  /** false when none of the pages read has any text: a scan without OCR, or blank pages */
  hasTextLayer: boolean
  /** document info (Title, Subject, custom keys such as "doi") and XMP (dc:title, prism:doi …) */
  metadata: Record<string, string>
  /** the text set in the largest type on page 1 (usually the title), when there is any */
  largestText?: string
}

export interface FoundPdf extends StoredFile {
  /** where it came from, e.g. "Unpaywall" or "PubMed Central" */
  source: string
  url: string
}

/** A new auto-export file, or a file already there that Neuroref will only replace once the researcher confirms. */
export type AutoExportAdded = { id: string; path: string } | { existing: { path: string; size: number; modifiedAt: number } }

/** A .bib file Neuroref keeps rewriting (main's registry in the data folder). */
export interface AutoExportTarget {
  id: string
  path: string
  addedAt: number
  /** when Neuroref last wrote the file (ms) */
  lastWrittenAt?: number
  /** why the last write failed, in words; cleared by the next good write */
  lastError?: string
}

export interface IdentifierLookup {
  /** each paper once, with every pasted identifier that named it */
  papers: { ids: Identifier[]; record: ReferenceRecord }[]
  failures: { id: Identifier; error: AppError }[]
}

export type RelatedKind = 'similar' | 'citedin' | 'references'

export interface RelatedPapers {
  /** how many PubMed links there are in all (the list may be shorter) */
  total: number
  papers: PaperSummary[]
}

export interface PubmedSearchPage {
  /** how many papers match in all */
  count: number
  /** the PMIDs of this page, in PubMed's order */
  pmids: string[]
  papers: PaperSummary[]
  /** PubMed's remarks about the query (phrases it ignored …) */
  notes: string[]
}

export type Channel = keyof Contract
export type ChannelArg<K extends Channel> = Contract[K]['arg']
export type ChannelResult<K extends Channel> = Contract[K]['result']

/** The channel names, as a value: preload and the web client are generated from this list. */
export const CHANNELS = [
  'app.info',
  'app.openRequests',
  'app.spellcheck',
  'lookup.identifiers',
  'pubmed.related',
  'pubmed.search',
  'export.saveFile',
  'export.begin',
  'export.append',
  'export.finish',
  'export.abort',
  'backup.begin',
  'backup.append',
  'backup.finish',
  'backup.abort',
  'manuscript.open',
  'manuscript.saveBeside',
  'shell.openExternal',
  'autoexport.addTarget',
  'autoexport.write',
  'autoexport.list',
  'autoexport.remove',
  'attachments.store',
  'attachments.read',
  'attachments.remove',
  'attachments.reconcile',
  'attachments.missing',
  'attachments.extractText',
  'attachments.show',
  'attachments.open',
  'attachments.findFree',
  'styles.search',
  'styles.get',
  'styles.locales',
  'styles.locale',
  'sync.account',
  'sync.saveAccount',
  'sync.savePdfOptions',
  'sync.forgetAccount'
] as const

// Compile-time proof that CHANNELS names every channel of Contract and nothing else.
type Listed = (typeof CHANNELS)[number]
type Unlisted = Exclude<Channel, Listed>
type Unknown = Exclude<Listed, Channel>
const channelListIsComplete: [Unlisted, Unknown] extends [never, never] ? true : never = true

/** A name from outside (IPC, HTTP) is a channel only if CHANNELS lists it, which the proof above makes the whole contract. */
export function isChannel(name: string): name is Channel {
  return channelListIsComplete && (CHANNELS as readonly string[]).includes(name)
}

/** What the renderer calls: one function per channel, errors as data. */
export type NeurorefApi = {
  [K in Channel]: (arg: ChannelArg<K>) => Promise<Result<ChannelResult<K>>>
}

/** What main and the web host implement: one function per channel; throw ServiceError to fail. */
export type Handlers = {
  [K in Channel]: (arg: ChannelArg<K>) => Promise<ChannelResult<K>>
}

/** The handlers of one namespace ('attachments' → 'attachments.store', 'attachments.read' …): main keeps one file per namespace. */
export type NamespaceHandlers<Namespace extends string> = Pick<Handlers, Extract<Channel, `${Namespace}.${string}`>>
