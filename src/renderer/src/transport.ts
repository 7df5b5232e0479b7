// The renderer talks to main through one object with the contract's shape,
// picked once at start: preload's window.neuroref in the desktop app, HTTP in
// the web edition.
import { CHANNELS, type NeurorefApi } from '../../shared/contract'
import type { Result } from '../../shared/result'

declare global {
  interface Window {
    neuroref?: NeurorefApi
  }
}

export type Edition = 'desktop' | 'web'

const TOKEN_KEY = 'neuroref.webToken'

/** The web edition's token arrives in the address Neuroref printed; keep it for reloads of this tab. */
function webToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token')
  if (fromUrl) sessionStorage.setItem(TOKEN_KEY, fromUrl)
  return fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? ''
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
export const api: NeurorefApi = window.neuroref ?? httpApi()
