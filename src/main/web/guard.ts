// Who may talk to the web edition: only pages it served itself, on the
// loopback address it listens on, carrying this run's token.
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export type Refusal = { status: 401 | 403; message: string }

/**
 * The one address the app lives at. IndexedDB belongs to an origin, so
 * http://localhost:PORT would be a second, empty library beside
 * http://127.0.0.1:PORT: pages asked for at localhost are sent to 127.0.0.1.
 */
function canonicalHost(port: number): string {
  return `127.0.0.1:${port}`
}

/** Where to send a page asked for at localhost:PORT (path and ?token kept); null when the Host is already canonical or foreign. */
export function canonicalRedirect(req: IncomingMessage, port: number): string | null {
  if (req.headers.host !== `localhost:${port}` || (req.method !== 'GET' && req.method !== 'HEAD')) return null
  return `http://${canonicalHost(port)}${req.url ?? '/'}`
}

/** Refuse foreign Host (DNS rebinding) and foreign Origin (other sites in the browser). */
export function checkOrigin(req: IncomingMessage, port: number): Refusal | null {
  const host = canonicalHost(port)
  if (req.headers.host === `localhost:${port}`) {
    return { status: 403, message: `Neuroref's web edition lives at http://${host}/ only; open that address.` }
  }
  if (req.headers.host !== host) return { status: 403, message: 'This address is not served here.' }
  const origin = req.headers.origin
  if (origin !== undefined && origin !== `http://${host}`) {
    return { status: 403, message: 'Requests from other sites are refused.' }
  }
  return null
}

export function checkToken(req: IncomingMessage, token: string): Refusal | null {
  const sent = req.headers['x-neuroref-token']
  if (typeof sent !== 'string' || !sameSecret(sent, token)) {
    return { status: 401, message: 'This request lacks the web edition’s token. Open the address Neuroref printed at start.' }
  }
  return null
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * The token `npm run dev` passes in NEUROREF_WEB_TOKEN, so that a host
 * restarted after a rebuild keeps the open tab's token; undefined means a
 * fresh token for this run. A short or odd one is refused, never weakened.
 */
export function tokenFromEnvironment(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined
  if (!/^[0-9a-f]{32,128}$/i.test(value)) throw new Error('NEUROREF_WEB_TOKEN must be 32 to 128 hexadecimal digits.')
  return value
}
