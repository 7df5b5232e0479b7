// "Import file": BibTeX/BibLaTeX, RIS, MEDLINE/.nbib, CSL-JSON or EndNote XML,
// chosen with the file input or dropped on the window. The encoding is
// detected; the researcher can choose it when detection guesses wrong.
import { useNotify, type Notify } from '../../components/notify'
import { useState } from 'react'
import { db, store } from '../../root'
import { importBibliographyFile } from './import-files'
import { prepareReader } from './read-in-worker'

const ENCODINGS: [string, string][] = [
  ['', 'Detect encoding'],
  ['utf-8', 'UTF-8'],
  ['windows-1252', 'Windows-1252 / Latin-1'],
  ['iso-8859-15', 'Latin-9'],
  ['utf-16le', 'UTF-16 LE'],
  ['utf-16be', 'UTF-16 BE']
]

const BIBLIOGRAPHY_ACCEPT = '.bib,.bibtex,.ris,.nbib,.txt,.medline,.json,.xml'

export async function importFiles(files: File[], encoding: string | undefined, notify: Notify): Promise<void> {
  for (const file of files) {
    // the reader reads the file's bytes itself: read here, they were the window's long tasks
    notify(await importBibliographyFile({ db, store }, { name: file.name, bytes: file }, encoding, text => notify({ kind: 'info', text })))
  }
}

export function ImportFile() {
  const notify = useNotify()
  const [encoding, setEncoding] = useState('')
  const [busy, setBusy] = useState(false)
  return (
    <div className="import-file">
      {/* the reader starts while the researcher reaches for the button and picks the file */}
      <label className="file-button" onPointerEnter={prepareReader} onFocus={prepareReader}>
        Import file
        <input
          type="file"
          aria-label="Import file"
          accept={BIBLIOGRAPHY_ACCEPT}
          multiple
          disabled={busy}
          onChange={async e => {
            const files = [...(e.target.files ?? [])]
            e.target.value = ''
            setBusy(true)
            try {
              await importFiles(files, encoding || undefined, notify)
            } finally {
              setBusy(false)
            }
          }}
        />
      </label>
      <select aria-label="File encoding" value={encoding} onChange={e => setEncoding(e.target.value)}>
        {ENCODINGS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  )
}
