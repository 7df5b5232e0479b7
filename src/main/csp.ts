// The renderer's Content-Security-Policy, for both editions. It is strict:
// the page connects to its own origin only, and to the one sync server the
// researcher saved (CouchDB is reached by the renderer's PouchDB directly).
// index.html carries the policy as a <meta> tag; a page is served with the
// tag rewritten to name that server, since a <meta> policy and a header
// policy both apply and a header alone could not widen the tag.
import { serverOrigin } from '@shared/sync-server'

export const RENDERER_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'"

/** The policy with the sync server's origin added to connect-src, and nothing else changed. */
export function rendererCsp(syncOrigin?: string): string {
  const origin = syncOrigin && serverOrigin(syncOrigin) === syncOrigin ? syncOrigin : undefined
  return origin ? RENDERER_CSP.replace("connect-src 'self';", `connect-src 'self' ${origin};`) : RENDERER_CSP
}

const META = /(http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/

/** index.html with its <meta> policy replaced by `csp`. */
export function htmlWithCsp(html: string, csp: string): string {
  return html.replace(META, (_all, before: string, after: string) => before + csp + after)
}
