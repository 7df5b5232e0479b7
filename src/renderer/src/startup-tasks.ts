// Work done once the library is open: tag older items with peptides (with
// progress), and check saved PubMed searches that are due (at most once a
// day, never offline).
import { useEffect, useState } from 'react'
import { edition } from './transport'
import { askForPersistentStorage } from './features/settings/LibraryStorage'
import { api, db, storeLoaded } from './root'
import { attachedHashes } from './library/queries'
import { retagPeptidesIfNeeded } from './library/peptide-retag'
import { loadPeptideTagger } from './library/peptide-tagger'
import { checkDueSearches } from './library/pubmed-searches'
import { startSync } from './features/sync'

export function useStartupTasks(): string | null {
  const [progress, setProgress] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    // The web edition's library is in browser storage, which is "best effort" unless the browser agrees to keep it.
    if (edition === 'web') void askForPersistentStorage()
    void (async () => {
      await storeLoaded
      // The tagger is not in the first script, but it is fetched as soon as the library is in, so a write never
      // waits for it, nor fails later when its code can no longer be fetched (the web edition's server gone, an
      // update under an open tab). A failure here is said by the write that needs it.
      void loadPeptideTagger().catch(() => undefined)
      // sync starts once the library is loaded; its own problems are said in the sidebar, not here
      void startSync().catch(error => console.error('[neuroref] sync could not start', error))
      await retagPeptidesIfNeeded(db, (done, total) => live && setProgress(`Tagging peptides: ${done} of ${total}`))
      if (live) setProgress(null)
      await checkDueSearches(db, api, navigator.onLine)
      // The orphan sweep: main deletes stored PDFs that no library sharing its data folder holds.
      await api['attachments.reconcile']({ hashes: await attachedHashes(db) })
    })()
    return () => {
      live = false
    }
  }, [])
  return progress
}
