// The sync server's address: https, or http only on this computer (a
// password must not cross a network in clear). Main checks it before it
// keeps an account and before the address enters the Content-Security-Policy;
// the renderer checks it before logging in.

/** A sync account as Settings → Sync takes it; main keeps it (never IndexedDB). */
export interface SyncAccount {
  /** the server, e.g. https://couch.lab.example:6984 (http only on localhost) */
  server: string
  database: string
  user: string
  password: string
}

/** What is wrong with the address, in words, or undefined when it will do. */
export function checkServerAddress(server: string): string | undefined {
  let url: URL
  try {
    url = new URL(server)
  } catch {
    return 'The server address is not a web address (for example https://couch.example.org:6984).'
  }
  if (url.username || url.password) return 'Type the user name and password in their own fields, not in the server address.'
  if (url.protocol === 'https:') return undefined
  if (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return undefined
  return 'The server address must start with https:// (http:// only for a server on this computer).'
}

/** The origin the app connects to (scheme, host, port), for connect-src; undefined for an address checkServerAddress refuses. */
export function serverOrigin(server: string): string | undefined {
  if (checkServerAddress(server)) return undefined
  const origin = new URL(server).origin
  // only what a CSP source may hold: no quotes, spaces or semicolons can reach the policy
  return /^https?:\/\/[a-z0-9.\-[\]:]+$/i.test(origin) ? origin : undefined
}
