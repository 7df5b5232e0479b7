// The one contract between renderer and main (DESIGN.md). Preload exposes
// exactly these channels as `window.neuroref`; main and the web edition bind
// exactly these channels. Adding a channel here without a handler is a
// compile error in main and in the web host.
import type { Identifier } from './identifiers'
import type { Contact, PaperSummary, ReferenceRecord } from './model'
import type { AppError, Result } from './result'

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
  /** Everything Crossref (or doi.org) knows about one DOI. */
  'lookup.doi': { arg: { doi: string; contact?: Contact }; result: ReferenceRecord }
  /** Many identifiers at once: PubMed (batched) merged with Crossref; one entry per paper, one failure per bad identifier. */
  'lookup.identifiers': { arg: { ids: Identifier[]; contact?: Contact }; result: IdentifierLookup }
  /** Similar articles, Cited by or References of a PubMed paper (elink + esummary). */
  'pubmed.related': { arg: { pmid: string; relation: RelatedKind; contact?: Contact; limit?: number }; result: RelatedPapers }
  /** A PubMed query, one page of results; `since` (YYYY/MM/DD) keeps papers new to PubMed since then. */
  'pubmed.search': { arg: { query: string; start: number; size: number; since?: string; contact?: Contact }; result: PubmedSearchPage }
  /** Desktop only: ask where to save an export and write it there. `null` when the user cancels. */
  'export.saveFile': { arg: { suggestedName: string; content: string }; result: { path: string } | null }
  /** Open an http(s) link in the system browser. */
  'shell.openExternal': { arg: { url: string }; result: void }
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
  'lookup.doi',
  'lookup.identifiers',
  'pubmed.related',
  'pubmed.search',
  'export.saveFile',
  'shell.openExternal'
] as const

// Compile-time proof that CHANNELS names every channel of Contract and nothing else.
type Listed = (typeof CHANNELS)[number]
type Unlisted = Exclude<Channel, Listed>
type Unknown = Exclude<Listed, Channel>
export const channelListIsComplete: [Unlisted, Unknown] extends [never, never] ? true : never = true

export function isChannel(name: string): name is Channel {
  return (CHANNELS as readonly string[]).includes(name)
}

/** What the renderer calls: one function per channel, errors as data. */
export type NeurorefApi = {
  [K in Channel]: (arg: ChannelArg<K>) => Promise<Result<ChannelResult<K>>>
}

/** What main and the web host implement: one function per channel; throw ServiceError to fail. */
export type Handlers = {
  [K in Channel]: (arg: ChannelArg<K>) => Promise<ChannelResult<K>>
}
