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
  /** how PDFs travel to this computer; the defaults when missing */
  pdfs?: PdfSyncOptions
}

/** PDFs on this computer: fetched when opened or always, and the largest sent or fetched without asking (MB). */
export interface PdfSyncOptions {
  download: 'opened' | 'always'
  limitMB: number
}

export const PDF_SYNC_DEFAULTS: PdfSyncOptions = { download: 'opened', limitMB: 50 }

/** The options as they were kept, or the defaults for what is missing or wrong. */
export function pdfSyncOptions(kept: Partial<PdfSyncOptions> | undefined): PdfSyncOptions {
  return {
    download: kept?.download === 'always' ? 'always' : 'opened',
    limitMB: checkPdfLimit(String(kept?.limitMB)) ? PDF_SYNC_DEFAULTS.limitMB : Number(kept?.limitMB)
  }
}

/** What is wrong with a PDF size limit as typed (megabytes), or undefined when it will do. */
export function checkPdfLimit(text: string): string | undefined {
  if (!/^\s*\d+\s*$/.test(text) || Number(text) < 1 || Number(text) > 1000)
    return 'The PDF size limit is a whole number of megabytes, from 1 to 1000 (for example 50).'
  return undefined
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
