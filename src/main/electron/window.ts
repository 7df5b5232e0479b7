// The one Neuroref window. Its webPreferences are written out here, in the
// constructor call, so that a reader (and electronegativity) sees every
// security setting where the window is made.
import { BrowserWindow } from 'electron'
import { lockDownContents } from './security'

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    title: 'Neuroref',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // middle-click (auxclick) could open links outside the window-open handler's view
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // the checker itself; whether it runs (and may fetch dictionaries) is the session's, set from the researcher's setting
      spellcheck: true
    }
  })
  lockDownContents(window.webContents)
  window.once('ready-to-show', () => window.show())
  return window
}

/** Bring the window to the front (a second launch, a double-clicked file). */
export function bringToFront(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}
