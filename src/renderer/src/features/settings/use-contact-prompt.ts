// Asks for the contact email once, before the first lookup, unless the
// environment sets one or the researcher already answered.
import { useRef, useState } from 'react'
import { api, db } from '../../root'
import { readContact, readSetting } from '../../library/settings'

export const CONTACT_REASON =
  'PubMed and Crossref ask every program for a contact email. Neuroref sends yours with each lookup; you can change it later in Settings.'

export function useContactPrompt() {
  const [asking, setAsking] = useState(false)
  const answered = useRef<(() => void) | null>(null)

  async function ensureContact(): Promise<void> {
    if ((await readContact(db)).email || (await readSetting(db, 'contactAsked', false))) return
    const info = await api['app.info'](undefined)
    if (info.ok && info.value.contactFromEnvironment) return
    setAsking(true)
    await new Promise<void>(resolve => (answered.current = resolve))
  }

  function close(): void {
    setAsking(false)
    answered.current?.()
    answered.current = null
  }

  return { asking, ensureContact, close }
}
