// Registers app:// and serves the built renderer from it (see app-origin.ts
// for why). The file answers themselves are in renderer-files.ts.
import { protocol } from 'electron'
import { APP_SCHEME } from './app-origin'
import { rendererResponse } from './renderer-files'

/**
 * Must run before the app is ready. standard: relative URLs and an origin of
 * its own (its own IndexedDB); secure: counts as a secure context like https;
 * supportFetchAPI + corsEnabled: module scripts, pdf.js's module worker and
 * its fetches of cmaps, fonts and wasm load as they do over http; codeCache:
 * V8 keeps the window's scripts compiled between starts, as it does for http
 * (without it every start compiles them again: the long first task of the
 * web edition's first open, bench/RESULTS.md). It never bypasses CSP and
 * registers no service workers.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: true,
        codeCache: true,
        bypassCSP: false,
        allowServiceWorkers: false,
        stream: false
      }
    }
  ])
}

/** After ready: every app:// request is answered from `rendererDir`, and only from there. */
export function serveRendererOverAppScheme(rendererDir: string, syncOrigin: () => string | undefined): void {
  protocol.handle(APP_SCHEME, request => rendererResponse(rendererDir, request, syncOrigin()))
}
