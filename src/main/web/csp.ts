// The web edition sends the renderer's Content-Security-Policy (src/main/csp.ts)
// as a header too, with what a <meta> tag cannot say: no other site may frame
// the app (clickjacking).
import { rendererCsp } from '../csp'

export function staticHeaders(syncOrigin?: string): Record<string, string> {
  return {
    'Content-Security-Policy': `${rendererCsp(syncOrigin)}; frame-ancestors 'none'`,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer'
  }
}
