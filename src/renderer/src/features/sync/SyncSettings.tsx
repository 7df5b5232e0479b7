// Settings → Sync: the CouchDB server, the database, user name and password,
// and how PDFs come to this computer (when opened or always; the size limit).
// Main keeps them (desktop: the password encrypted by the system keychain); the window
// reloads once so its Content-Security-Policy allows the server, then syncs
// continuously; a new PDF choice applies at once, without a reload. A section
// of the Settings form, so its buttons are plain buttons (a form may not hold another).
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { checkPdfLimit, checkServerAddress, pdfSyncOptions, PDF_SYNC_DEFAULTS, type PdfSyncOptions, type SyncAccount } from '@shared/sync-server'
import { api } from '../../root'
import { statusText } from '../../sync/status'
import { forgetAccount, saveAccount, savePdfOptions, useSyncStatus } from './use-sync'

type AccountField = 'server' | 'database' | 'user' | 'password'
const EMPTY: Record<AccountField, string> = { server: '', database: '', user: '', password: '' }

export function SyncSettings() {
  const status = useSyncStatus()
  const [saved, setSaved] = useState<SyncAccount | null>(null)
  const [form, setForm] = useState(EMPTY)
  const [pdfs, setPdfs] = useState<PdfSyncOptions>(PDF_SYNC_DEFAULTS)
  const [limitText, setLimitText] = useState(String(PDF_SYNC_DEFAULTS.limitMB))
  const [error, setError] = useState<string | null>(null)
  const [pdfError, setPdfError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  /** counts what was said about the PDF choices: a save that answers late does not clear a sentence said after it */
  const pdfTurn = useRef(0)
  const sayPdfs = (sentence: string | null): void => {
    pdfTurn.current++
    setPdfError(sentence)
  }

  useEffect(() => {
    void api['sync.account']().then(answer => {
      if (!answer.ok) return setError(answer.error.message)
      setSaved(answer.value)
      if (!answer.value) return
      const { server, database, user } = answer.value
      setForm({ server, database, user, password: '' })
      const kept = pdfSyncOptions(answer.value.pdfs)
      setPdfs(kept)
      setLimitText(String(kept.limitMB))
    })
  }, [])

  /** A new PDF choice: kept in main with the account and used at once; before the first start it goes with the account. */
  async function choosePdfs(next: PdfSyncOptions): Promise<void> {
    setPdfs(next)
    const turn = ++pdfTurn.current
    const problem = saved ? await savePdfOptions(next) : null
    if (turn === pdfTurn.current) setPdfError(problem)
  }

  function applyLimit(): void {
    const wrong = checkPdfLimit(limitText)
    if (wrong) return sayPdfs(wrong)
    if (Number(limitText) !== pdfs.limitMB) void choosePdfs({ ...pdfs, limitMB: Number(limitText) })
    else sayPdfs(null)
  }

  function limitKey(event: KeyboardEvent<HTMLInputElement>): void {
    // Enter would submit the Settings form and close it
    if (event.key !== 'Enter') return
    event.preventDefault()
    applyLimit()
  }

  async function start(): Promise<void> {
    setError(null)
    const server = form.server.trim().replace(/\/+$/, '')
    const user = form.user.trim()
    const wrong = checkServerAddress(server)
    if (wrong) return setError(wrong)
    if (!user) return setError('Type the user name the server knows you by.')
    const password = form.password || (saved && saved.user === user && saved.server === server ? saved.password : '')
    if (!password) return setError('Type your password for this server.')
    const wrongLimit = checkPdfLimit(limitText)
    if (wrongLimit) return sayPdfs(wrongLimit)
    const account: SyncAccount = { server, user, password, database: form.database.trim() || `neuroref-${user.toLowerCase()}` }
    setBusy(true)
    try {
      setError(await saveAccount({ ...account, pdfs: { ...pdfs, limitMB: Number(limitText) } }))
    } finally {
      setBusy(false)
    }
  }

  async function stop(): Promise<void> {
    setError(await forgetAccount())
    setSaved(null)
    setForm(EMPTY)
  }

  const field = (name: AccountField) => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value })
  })

  return (
    <section aria-label="Sync" className="settings-section sync-settings">
      <h3>Sync</h3>
      <p className="muted">
        Keep this library the same on your other computers through a CouchDB server (docs/SYNC.md). The password is kept by Neuroref’s main process
        {`, never in the library's browser storage.`}
      </p>
      {saved && <p role="status">{`Syncing with ${saved.server}/${saved.database} as ${saved.user}: ${statusText(status)}`}</p>}
      <label>
        Server address
        <input {...field('server')} placeholder="https://couch.example.org:6984" spellCheck={false} />
      </label>
      <label>
        Database
        <input {...field('database')} placeholder={`neuroref-${form.user.trim().toLowerCase() || 'yourname'}`} spellCheck={false} />
      </label>
      <label>
        User name
        <input {...field('user')} autoComplete="username" spellCheck={false} />
      </label>
      <label>
        Password
        <input {...field('password')} type="password" autoComplete="current-password" placeholder={saved ? '(unchanged)' : ''} />
      </label>
      <fieldset className="sync-pdfs">
        <legend>PDFs</legend>
        <label>
          <input type="radio" name="sync-pdf-download" checked={pdfs.download === 'opened'} onChange={() => void choosePdfs({ ...pdfs, download: 'opened' })} />
          Download when opened
        </label>
        <label>
          <input type="radio" name="sync-pdf-download" checked={pdfs.download === 'always'} onChange={() => void choosePdfs({ ...pdfs, download: 'always' })} />
          Always download
        </label>
        <label>
          Size limit per PDF (MB)
          <input
            type="number"
            min={1}
            max={1000}
            step={1}
            value={limitText}
            onChange={e => setLimitText(e.target.value)}
            onBlur={applyLimit}
            onKeyDown={limitKey}
          />
        </label>
        <p className="muted">
          “Always download” fetches every PDF of the library after each sync, so it opens without the server; it takes disk space. A PDF over the limit is not
          sent, and is fetched only when opened; the server must accept files that large (docs/SYNC.md).
        </p>
      </fieldset>
      {pdfError && <p role="alert">{pdfError}</p>}
      {error && <p role="alert">{error}</p>}
      <div className="dialog-buttons">
        {saved && (
          <button type="button" onClick={() => void stop()}>
            Stop syncing
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => void start()}>
          {saved ? 'Save and sync' : 'Start syncing'}
        </button>
      </div>
    </section>
  )
}
