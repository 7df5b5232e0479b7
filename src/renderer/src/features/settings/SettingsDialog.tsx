// Settings: the contact email NCBI and Crossref ask for, and an optional NCBI
// API key (10 requests a second instead of 3). Asked for once, on the first
// lookup, unless the environment already sets the email.
import { useEffect, useState, type FormEvent } from 'react'
import type { Contact } from '@shared/model'
import { db } from '../../root'
import { readContact, writeSetting } from '../../library/settings'
import { AutoExportSection } from '../autoexport'
import { BackupSection } from '../backup'
import { SyncSettings } from '../sync'
import { SpellcheckSetting } from './SpellcheckSetting'
import { edition } from '../../transport'
import { LibraryStorage } from './LibraryStorage'
import { AboutSection } from './AboutSection'

export function SettingsDialog({ reason, onClose }: { reason?: string; onClose: () => void }) {
  const [contact, setContact] = useState<Contact>({})
  const [error, setError] = useState<string | null>(null)
  useEffect(() => void readContact(db).then(setContact), [])

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault()
    const email = contact.email?.trim() ?? ''
    const key = contact.ncbiApiKey?.trim() ?? ''
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return setError('That email address does not look right.')
    if (key && !/^[0-9a-f]{20,64}$/i.test(key)) return setError('An NCBI API key is a string of 36 letters and digits.')
    await writeSetting(db, 'contact', { email: email || undefined, ncbiApiKey: key || undefined })
    await writeSetting(db, 'contactAsked', true)
    onClose()
  }

  async function skip(): Promise<void> {
    await writeSetting(db, 'contactAsked', true)
    onClose()
  }

  return (
    <div className="dialog-backdrop">
      <form role="dialog" aria-modal="true" aria-label="Settings" className="dialog" onSubmit={save}>
        <h2>Settings</h2>
        {reason && <p>{reason}</p>}
        <label>
          Contact email
          <input type="email" value={contact.email ?? ''} onChange={e => setContact({ ...contact, email: e.target.value })} autoFocus />
        </label>
        <p className="muted">Sent to NCBI (PubMed) and Crossref with each request, as they ask, so they can reach you before blocking heavy use.</p>
        <label>
          NCBI API key (optional)
          <input value={contact.ncbiApiKey ?? ''} onChange={e => setContact({ ...contact, ncbiApiKey: e.target.value })} spellCheck={false} />
        </label>
        {error && <p role="alert">{error}</p>}
        {!reason && <SpellcheckSetting />}
        {!reason && <AutoExportSection />}
        {!reason && edition === 'web' && <LibraryStorage />}
        {!reason && <SyncSettings />}
        {!reason && <BackupSection onRestored={() => void readContact(db).then(setContact)} />}
        {!reason && <AboutSection />}
        <div className="dialog-buttons">
          <button type="button" onClick={() => void skip()}>
            {reason ? 'Not now' : 'Cancel'}
          </button>
          <button type="submit">Save</button>
        </div>
      </form>
    </div>
  )
}
