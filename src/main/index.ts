// The desktop app: one secure window, the contract bound to IPC. Everything
// else lives in services (no Electron there) and src/main/electron/.
import { app, BrowserWindow, shell } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ServiceError } from '../shared/result'
import { createAppHandlers } from './app'
import { bindContract } from './electron/ipc'
import { saveWithDialog } from './electron/save-dialog'
import { chooseBibFile } from './electron/choose-bib-file'
import { lockDownContents, secureWebPreferences } from './electron/security'

const rendererIndex = join(__dirname, '../renderer/index.html')
const rendererRoot = pathToFileURL(join(__dirname, '../renderer/')).href

let mainWindow: BrowserWindow | null = null

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 800,
    title: 'Neuroref',
    show: false,
    webPreferences: secureWebPreferences()
  })
  lockDownContents(mainWindow.webContents)
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  mainWindow.on('closed', () => (mainWindow = null))
  void mainWindow.loadFile(rendererIndex)
}

app.enableSandbox()
app.whenReady().then(() => {
  if (process.env.NEUROREF_DATA_DIR) app.setPath('userData', process.env.NEUROREF_DATA_DIR)
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
      }
    },
    { userDataDir: app.getPath('userData'), chooseBibFile: name => chooseBibFile(mainWindow, name) }
  )
  bindContract(handlers, url => url.startsWith(rendererRoot))
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
