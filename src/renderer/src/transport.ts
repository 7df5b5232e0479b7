// The renderer talks to main through one object with the contract's shape,
// picked once at start: preload's window.neuroref in the desktop app, HTTP in
// the web edition. The composition root wraps it with the contact details
// (with-contact.ts).
import { CHANNELS, type NeurorefApi } from '@shared/contract'
import type { Result } from '@shared/result'

declare global {
  interface Window {
    neuroref?: NeurorefApi
  }
}

export type Edition = 'desktop' | 'web'

const TOKEN_KEY = 'neuroref.webToken'

/**
 * The web edition's token arrives in the address Neuroref printed; keep it for
 * reloads of this tab, and take it out of the address bar and the history so
 * it is not shared with a copied link or a bookmark.
 */
function webToken(): string {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    history.replaceState(history.state, '', url.pathname + url.search + url.hash)
  }
  return fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? ''
}

const LIBRARY_KEY = 'neuroref.libraryId'
// Calls that attach or release stored PDFs say which library they are for, so
// that libraries sharing one data folder never delete each other's files.
const LIBRARY_CHANNELS = ['attachments.store', 'attachments.remove', 'attachments.reconcile', 'attachments.findFree'] as const

/** This library's id: made once, kept with the library's origin (like its IndexedDB). */
function libraryId(): string {
  let id = localStorage.getItem(LIBRARY_KEY)
  if (!id) localStorage.setItem(LIBRARY_KEY, (id = crypto.randomUUID()))
  return id
}

function withLibraryId(api: NeurorefApi): NeurorefApi {
  const wrapped: Record<string, unknown> = { ...api }
  for (const channel of LIBRARY_CHANNELS) {
    const call = api[channel] as (arg: object) => unknown
    wrapped[channel] = (arg: object) => call({ ...arg, library: libraryId() })
  }
  return wrapped as unknown as NeurorefApi
}

function httpApi(): NeurorefApi {
  const token = webToken()
  const call = async (channel: string, arg: unknown): Promise<Result<unknown>> => {
    let response: Response
    try {
      response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Neuroref-Token': token },
        body: JSON.stringify(arg ?? null)
      })
    } catch {
      return { ok: false, error: { code: 'OFFLINE', message: 'The Neuroref web edition is not running. Start it again with npm start.' } }
    }
    try {
      return (await response.json()) as Result<unknown>
    } catch {
      return { ok: false, error: { code: 'BAD_RESPONSE', message: 'The Neuroref web edition sent an unreadable answer.' } }
    }
  }
  return Object.fromEntries(CHANNELS.map(channel => [channel, (arg: unknown) => call(channel, arg)])) as unknown as NeurorefApi
}

export const edition: Edition = window.neuroref ? 'desktop' : 'web'

/** The transport of this window, before contact details are added (the composition root adds them). */
export function windowApi(): NeurorefApi {
  return withLibraryId(window.neuroref ?? httpApi())
}
