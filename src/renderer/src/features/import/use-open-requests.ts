// The desktop app was asked to open a .bib/.ris/.nbib file or a neuroref://
// link (double-click, a second launch, macOS's open events): main keeps them
// in a queue and this takes them. Main cannot push into the page (preload
// exposes the contract only), so the page asks at start, whenever the window
// gets focus (main brings it to the front for each request), and every few
// seconds as a fallback; each ask is one in-process IPC call.
import { useEffect } from 'react'
import { api } from '../../root'
import { edition } from '../../transport'
import { handleOpenRequests, type OpenRequestActions } from './open-requests'

const FALLBACK_POLL_MS = 3000

export function useOpenRequests(actions: OpenRequestActions): void {
  const { importFiles, offerIdentifiers, tell } = actions
  useEffect(() => {
    if (edition !== 'desktop') return
    let asking = false
    const take = async (): Promise<void> => {
      if (asking) return
      asking = true
      try {
        const result = await api['app.openRequests']()
        if (result.ok) handleOpenRequests(result.value, { importFiles, offerIdentifiers, tell })
      } finally {
        asking = false
      }
    }
    void take()
    const onFocus = (): void => void take()
    window.addEventListener('focus', onFocus)
    const timer = window.setInterval(onFocus, FALLBACK_POLL_MS)
    return () => {
      window.removeEventListener('focus', onFocus)
      window.clearInterval(timer)
    }
  }, [importFiles, offerIdentifiers, tell])
}
