// Settings, web edition: where the library lives and how to keep it. The
// browser holds it (IndexedDB of this address); Neuroref asks the browser to
// keep it as persistent storage and says whether it agreed.
import { useEffect, useState } from 'react'

type Persisted = 'yes' | 'no' | 'unknown'

/** Asks once per start; a browser may refuse (then it can clear the library when the disk runs low). */
export async function askForPersistentStorage(): Promise<Persisted> {
  if (!navigator.storage?.persist) return 'unknown'
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist()) ? 'yes' : 'no'
  } catch {
    return 'unknown'
  }
}

export function LibraryStorage() {
  const [persisted, setPersisted] = useState<Persisted>('unknown')
  useEffect(() => void askForPersistentStorage().then(setPersisted), [])
  return (
    <section aria-labelledby="library-storage-heading">
      <h3 id="library-storage-heading">Where your library lives</h3>
      <p>
        The web edition keeps your library in this browser, for the address {window.location.origin} only — not in a file. Another browser, another address or
        clearing this site&rsquo;s data shows an empty library. PDFs are kept by the web edition in its data folder (NEUROREF_DATA_DIR, by default
        ~/.local/share/neuroref-web).
      </p>
      <p>
        {persisted === 'yes'
          ? 'The browser keeps it as persistent storage: it will not clear it to free space.'
          : persisted === 'no'
            ? 'The browser has not agreed to keep it as persistent storage: it may clear it when the disk runs low.'
            : 'This browser does not say whether it keeps the library when the disk runs low.'}{' '}
        Back up the library regularly (Back up library, below) and keep the file somewhere safe; Restore brings it back here or into the desktop app.
      </p>
    </section>
  )
}
