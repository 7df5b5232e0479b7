// The one contract between renderer and main (DESIGN.md). Preload exposes
// exactly these channels as `window.neuroref`; main and the web edition bind
// exactly these channels. Adding a channel here without a handler is a
// compile error in main and in the web host.
import type { ReferenceRecord } from './model'
import type { Result } from './result'

export interface AppInfo {
  name: string
  version: string
  edition: 'desktop' | 'web'
}

export interface Contract {
  /** Name, version and which edition is running. */
  'app.info': { arg: void; result: AppInfo }
  /** Everything Crossref (or doi.org) knows about one DOI. */
  'lookup.doi': { arg: { doi: string; email?: string }; result: ReferenceRecord }
  /** Desktop only: ask where to save an export and write it there. `null` when the user cancels. */
  'export.saveFile': { arg: { suggestedName: string; content: string }; result: { path: string } | null }
  /** Open an http(s) link in the system browser. */
  'shell.openExternal': { arg: { url: string }; result: void }
}

export type Channel = keyof Contract
export type ChannelArg<K extends Channel> = Contract[K]['arg']
export type ChannelResult<K extends Channel> = Contract[K]['result']

/** The channel names, as a value: preload and the web client are generated from this list. */
export const CHANNELS = ['app.info', 'lookup.doi', 'export.saveFile', 'shell.openExternal'] as const

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
