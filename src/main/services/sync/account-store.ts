// The sync account (server, database, user name, password) kept in main,
// never in IndexedDB. One file in the data folder, readable by its owner only
// (mode 600). The desktop app also encrypts the password with the system's
// keychain (Electron's safeStorage, injected as a SecretBox: services import
// no Electron); the web edition has no keychain and relies on the file mode.
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkServerAddress, pdfSyncOptions, serverOrigin, type PdfSyncOptions, type SyncAccount } from '@shared/sync-server'
import { ServiceError } from '@shared/result'

/** Encrypts text for this user on this computer (desktop: Electron's safeStorage). */
export interface SecretBox {
  encrypt(text: string): Buffer
  decrypt(data: Buffer): string
}

interface SavedAccount extends Omit<SyncAccount, 'password'> {
  /** the password, base64 of the SecretBox's bytes when `encrypted`, else as typed */
  password: string
  encrypted: boolean
}

const FILE = 'sync-account.json'

export class SyncAccountStore {
  private saved: SavedAccount | undefined

  constructor(
    private readonly dataDir: string,
    private readonly box?: SecretBox
  ) {
    // read once at start, so the Content-Security-Policy can name the server from the first page
    try {
      this.saved = JSON.parse(readFileSync(join(dataDir, FILE), 'utf8')) as SavedAccount
      if (!this.saved || checkServerAddress(String(this.saved.server))) this.saved = undefined
    } catch {
      this.saved = undefined
    }
  }

  /** The origin pages may connect to for sync, or undefined when no account is kept. */
  origin(): string | undefined {
    return this.saved ? serverOrigin(this.saved.server) : undefined
  }

  read(): SyncAccount | null {
    const saved = this.saved
    if (!saved) return null
    let password = saved.password
    if (saved.encrypted) {
      if (!this.box) throw new ServiceError('UNSUPPORTED', 'The sync password was saved encrypted by the desktop app: type it again here.')
      try {
        password = this.box.decrypt(Buffer.from(saved.password, 'base64'))
      } catch {
        throw new ServiceError('IO', 'The saved sync password cannot be read any more (the system keychain changed): type it again in Settings → Sync.')
      }
    }
    return { server: saved.server, database: saved.database, user: saved.user, password, pdfs: pdfSyncOptions(saved.pdfs) }
  }

  async save(account: SyncAccount): Promise<void> {
    const wrong = checkServerAddress(account.server)
    if (wrong) throw new ServiceError('INVALID_INPUT', wrong)
    const kept = { ...account, pdfs: pdfSyncOptions(account.pdfs) }
    await this.write(this.box ? { ...kept, password: this.box.encrypt(account.password).toString('base64'), encrypted: true } : { ...kept, encrypted: false })
  }

  /** How PDFs travel, changed without typing the password again; kept with the account. */
  async savePdfOptions(pdfs: PdfSyncOptions): Promise<void> {
    if (!this.saved) throw new ServiceError('INVALID_INPUT', 'Start syncing first: the PDF settings are kept with the sync account.')
    await this.write({ ...this.saved, pdfs: pdfSyncOptions(pdfs) })
  }

  private async write(saved: SavedAccount): Promise<void> {
    await mkdir(this.dataDir, { recursive: true })
    const temp = join(this.dataDir, `${FILE}.${process.pid}.tmp`)
    await writeFile(temp, JSON.stringify(saved), { mode: 0o600 })
    // the mode given to writeFile is filtered by the umask: set it for sure before the file takes its name
    await chmod(temp, 0o600)
    await rename(temp, join(this.dataDir, FILE))
    this.saved = saved
  }

  async forget(): Promise<void> {
    await rm(join(this.dataDir, FILE), { force: true })
    this.saved = undefined
  }
}
