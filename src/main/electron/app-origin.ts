// The desktop window's own origin. The renderer is served from app://neuroref/
// (a privileged, standard, secure scheme registered in app-protocol.ts), not
// from file://: CSP 'self' then means the app's own files and nothing else on
// the disk, relative URLs (pdf.js data, workers) resolve as in the web
// edition, and IPC accepts calls only from this origin. No Electron here.
export const APP_SCHEME = 'app'
export const APP_HOST = 'neuroref'
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

/** A page of the app itself: app://neuroref/… exactly (Node's URL gives custom schemes an opaque origin, so compare the parts). */
export function isAppPageUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password
  } catch {
    return false
  }
}
