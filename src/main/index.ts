// The desktop app: one secure window served from app://neuroref, the
// contract bound to IPC, one running copy. Everything else lives in services
// (no Electron there) and src/main/electron/.
import { app, BrowserWindow, safeStorage, session, shell } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ServiceError } from '@shared/result'
import { LINK_SCHEME } from '@shared/open-request'
import { createAppHandlers } from './app'
import { dataDirFor } from './config'
import { SyncAccountStore } from './services/sync/account-store'
import { APP_INDEX_URL, isAppPageUrl } from './electron/app-origin'
import { registerAppScheme, serveRendererOverAppScheme } from './electron/app-protocol'
import { bindContract } from './electron/ipc'
import { chooseExportFile, saveWithDialog } from './electron/save-dialog'
import { chooseBackupFile, chooseBibFile } from './electron/choose-bib-file'
import { chooseManuscript } from './electron/choose-manuscript'
import { restrictPermissions } from './electron/security'
import { bringToFront, createMainWindow } from './electron/window'
import { chooseLibraryToOpen, type LibraryToOpen } from './electron/earlier-library-dialog'
import { OpenRequestQueue, openTargetsFromArgv } from './electron/open-requests'
import { readDesktopSettings, writeDesktopSettings } from './electron/desktop-settings'

const rendererDir = join(__dirname, '../renderer')
const preloadPath = join(__dirname, '../preload/index.js')

let mainWindow: BrowserWindow | null = null
const openRequests = new OpenRequestQueue()

// Before ready: the scheme's privileges, the data folder (the single-instance lock lives in it) and the lock itself.
registerAppScheme()
app.enableSandbox()
if (process.env.NEUROREF_DATA_DIR) app.setPath('userData', process.env.NEUROREF_DATA_DIR)

if (!app.requestSingleInstanceLock()) {
  // Another Neuroref is running: it gets this launch's files and links (second-instance) and comes to the front.
  app.quit()
} else {
  openRequests.add(openTargetsFromArgv(process.argv, process.cwd()))
  app.on('second-instance', (_event, argv, workingDirectory) => {
    openRequests.add(openTargetsFromArgv(argv, workingDirectory))
    if (mainWindow) bringToFront(mainWindow)
  })
  // macOS hands files and links over as events instead of arguments.
  app.on('open-file', (event, path) => {
    event.preventDefault()
    openRequests.add([{ kind: 'file', path }])
    if (mainWindow) bringToFront(mainWindow)
  })
  app.on('open-url', (event, url) => {
    event.preventDefault()
    openRequests.add([{ kind: 'link', url }])
    if (mainWindow) bringToFront(mainWindow)
  })
  app.whenReady().then(start)
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}

async function start(): Promise<void> {
  // A development run would register the bare Electron binary as the handler; installers register the packaged app.
  if (app.isPackaged) app.setAsDefaultProtocolClient(LINK_SCHEME)
  const userDataDir = app.getPath('userData')
  const settings = await readDesktopSettings(userDataDir)
  restrictPermissions(session.defaultSession)
  session.defaultSession.setSpellCheckerEnabled(settings.spellcheck)
  // the sync password is encrypted by the system keychain where there is one; the file is mode 600 either way
  const box = safeStorage.isEncryptionAvailable()
    ? { encrypt: (text: string) => safeStorage.encryptString(text), decrypt: (data: Buffer) => safeStorage.decryptString(data) }
    : undefined
  const syncAccounts = new SyncAccountStore(dataDirFor(process.env, userDataDir), box)
  serveRendererOverAppScheme(rendererDir, () => syncAccounts.origin())

  const handlers = createAppHandlers(
    process.env,
    {
      edition: 'desktop',
      saveFile: (name, content) => saveWithDialog(mainWindow, name, content),
      openExternal: url => shell.openExternal(url),
      showItemInFolder: async path => shell.showItemInFolder(path),
      openPath: async path => {
        // shell.openPath reports failure as a string, not an exception.
        const problem = await shell.openPath(path)
        if (problem) throw new ServiceError('IO', `The PDF could not be opened in another program: ${problem}`)
      },
      openRequests: () => openRequests.take(),
      spellcheck: async enabled => {
        if (enabled !== undefined) {
          await writeDesktopSettings(userDataDir, { ...settings, spellcheck: enabled })
          settings.spellcheck = enabled
          session.defaultSession.setSpellCheckerEnabled(enabled)
        }
        return { enabled: settings.spellcheck, available: true }
      }
    },
    {
      userDataDir,
      chooseBibFile: name => chooseBibFile(mainWindow, name),
      chooseBackupFile: name => chooseBackupFile(mainWindow, name),
      chooseExportFile: name => chooseExportFile(mainWindow, name),
      chooseManuscript: () => chooseManuscript(mainWindow)
    },
    { syncAccounts }
  )

  const library = await chooseLibraryToOpen(userDataDir)
  bindContract(handlers, url => isAppPageUrl(url) || (library === 'earlier' && isEarlierPageUrl(url)))
  openWindow(library)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow('current')
  })
}

function openWindow(library: LibraryToOpen): void {
  mainWindow = createMainWindow(preloadPath)
  mainWindow.on('closed', () => (mainWindow = null))
  // The earlier library belongs to the file:// origin: opened from there once, on request, so it can be backed up (earlier-library.ts).
  if (library === 'earlier') void mainWindow.loadFile(join(rendererDir, 'index.html'))
  else void mainWindow.loadURL(APP_INDEX_URL)
}

function isEarlierPageUrl(url: string): boolean {
  return url.startsWith(pathToFileURL(join(rendererDir, '/')).href)
}
