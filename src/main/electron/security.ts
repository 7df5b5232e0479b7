// Electron's security checklist, in one place: no navigation, no new
// windows, no webviews; only http(s) links leave the app; permissions only
// for what the app uses. The window's webPreferences are in window.ts.
import { shell, type Session, type WebContents } from 'electron'
import { mayUsePermission } from './permissions'

function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}

/** The app's page never navigates away and never opens windows; web links go to the system browser. */
export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', event => event.preventDefault())
  // Main loads the page with loadURL (which raises neither event); any navigation the page or a frame asks for is refused.
  contents.on('will-frame-navigate', event => event.preventDefault())
  contents.on('will-redirect', event => event.preventDefault())
  contents.on('will-attach-webview', event => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isWebUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
}

/** Requests and checks both answer from one list (permissions.ts): clipboard writing from the app's own top frame, nothing else. */
export function restrictPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(mayUsePermission(permission, details.requestingUrl, details.isMainFrame))
  })
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    mayUsePermission(permission, details.requestingUrl ?? requestingOrigin, details.isMainFrame)
  )
}
