// Who may talk to the web edition: only pages it served itself, on the
// loopback address it listens on, carrying this run's token.
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export type Refusal = { status: 401 | 403; message: string }

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`])
}

/** Refuse foreign Host (DNS rebinding) and foreign Origin (other sites in the browser). */
export function checkOrigin(req: IncomingMessage, port: number): Refusal | null {
  const hosts = allowedHosts(port)
  if (!req.headers.host || !hosts.has(req.headers.host)) {
    return { status: 403, message: 'This address is not served here.' }
  }
  const origin = req.headers.origin
  if (origin !== undefined && !hosts.has(origin.replace(/^http:\/\//, ''))) {
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
