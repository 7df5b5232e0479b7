// The web edition sends the renderer's Content-Security-Policy as a header
// too, with what a <meta> tag cannot say: no other site may frame the app
// (clickjacking). The policy itself is the one in src/renderer/index.html; a
// test keeps the two equal.
export const RENDERER_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'"

export const STATIC_HEADERS: Record<string, string> = {
  'Content-Security-Policy': `${RENDERER_CSP}; frame-ancestors 'none'`,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer'
}
