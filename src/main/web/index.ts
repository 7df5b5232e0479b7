// `npm run web`: the web edition. Same services as the desktop app, served
// to a browser on 127.0.0.1.
import { join } from 'node:path'
import { ServiceError } from '@shared/result'
import { createAppHandlers } from '../app'
import { dataDirFor } from '../config'
import { SyncAccountStore } from '../services/sync/account-store'
import type { Platform } from '../platform'
import { startWebEdition } from './server'
import { parsePort } from './port'
import { tokenFromEnvironment } from './guard'

const webPlatform: Platform = {
  edition: 'web',
  // The browser downloads exports and opens links itself; these never run in the web edition.
  saveFile: async () => {
    throw new ServiceError('UNSUPPORTED', 'The web edition saves exports as browser downloads.')
  },
  openExternal: async () => {
    throw new ServiceError('UNSUPPORTED', 'The web edition opens links in the browser.')
  },
  // A browser page cannot reach the file manager or other programs: the web edition offers a download instead.
  showItemInFolder: async () => {
    throw new ServiceError('UNSUPPORTED', 'The web edition cannot show files in a file manager: download the PDF instead.')
  },
  openPath: async () => {
    throw new ServiceError('UNSUPPORTED', 'The web edition cannot open files in another program: download the PDF instead.')
  }
}

async function main(): Promise<void> {
  const port = parsePort(process.env.NEUROREF_PORT)
  const token = tokenFromEnvironment(process.env.NEUROREF_WEB_TOKEN)
  // no keychain here: the account file is readable by its owner only (mode 600)
  const syncAccounts = new SyncAccountStore(dataDirFor(process.env))
  const handlers = createAppHandlers(process.env, webPlatform, {}, { syncAccounts })
  try {
    const web = await startWebEdition({ handlers, rendererDir: join(__dirname, '../renderer'), port, token, syncOrigin: () => syncAccounts.origin() })
    console.log(`Neuroref web edition: ${web.url}`)
    const stop = (): void => void web.close().then(() => process.exit(0))
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(
        `Port ${port} is already in use — is Neuroref already running? Your library belongs to this port, ` +
          `so Neuroref will not move to another one. Stop the other program, or set NEUROREF_PORT to choose a port.`
      )
      process.exit(1)
    }
    throw error
  }
}

void main()
