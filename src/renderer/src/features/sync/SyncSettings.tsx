// Settings → Sync: the CouchDB server, the database, user name and password.
// Main keeps them (desktop: encrypted by the system keychain); the window
// reloads once so its Content-Security-Policy allows the server, then syncs
// continuously. A section of the Settings form, so its buttons are plain
// buttons (a form may not hold another).
import { useEffect, useState } from 'react'
import { checkServerAddress, type SyncAccount } from '@shared/sync-server'
import { api } from '../../root'
import { statusText } from '../../sync/status'
import { forgetAccount, saveAccount, useSyncStatus } from './use-sync'

const EMPTY: SyncAccount = { server: '', database: '', user: '', password: '' }

export function SyncSettings() {
  const status = useSyncStatus()
  const [saved, setSaved] = useState<SyncAccount | null>(null)
  const [form, setForm] = useState<SyncAccount>(EMPTY)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void api['sync.account']().then(answer => {
      if (!answer.ok) return setError(answer.error.message)
      setSaved(answer.value)
      if (answer.value) setForm({ ...answer.value, password: '' })
    })
  }, [])

  async function start(): Promise<void> {
    setError(null)
    const server = form.server.trim().replace(/\/+$/, '')
    const user = form.user.trim()
    const wrong = checkServerAddress(server)
    if (wrong) return setError(wrong)
    if (!user) return setError('Type the user name the server knows you by.')
    const password = form.password || (saved && saved.user === user && saved.server === server ? saved.password : '')
    if (!password) return setError('Type your password for this server.')
    setBusy(true)
    try {
      setError(await saveAccount({ server, user, password, database: form.database.trim() || `neuroref-${user.toLowerCase()}` }))
    } finally {
      setBusy(false)
    }
  }

  async function stop(): Promise<void> {
    setError(await forgetAccount())
    setSaved(null)
    setForm(EMPTY)
  }

  const field = (name: keyof SyncAccount) => ({
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
