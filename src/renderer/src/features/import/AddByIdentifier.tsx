// The box a researcher pastes DOIs, PMIDs, PMCIDs, links or whole reference
// lists into. Shows progress for batches and can be cancelled.
import { useNotify } from '../../components/notify'
import { useMarkPlace } from '../../components/place'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { findIdentifiers } from '@shared/identifiers'
import { addIdentifiers } from './add-identifiers'
import { importSummaryMessage } from './summary-message'

export interface AddByIdentifierProps {
  onAdded: (itemId: string) => void
  /** resolves once a contact email is known or the researcher declined to give one */
  ensureContact: () => Promise<void>
  /** identifiers from outside (a neuroref:// link), put in the box for the researcher to confirm with Add */
  offered?: { text: string } | null
}

export function AddByIdentifier({ onAdded, ensureContact, offered }: AddByIdentifierProps) {
  const notify = useNotify()
  const markPlace = useMarkPlace()
  const [text, setText] = useState('')
  useEffect(() => {
    if (offered) setText(offered.text)
  }, [offered])
  const [progress, setProgress] = useState<string | null>(null)
  const cancel = useRef<AbortController | null>(null)

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (!text.trim() || cancel.current) return
    const ids = findIdentifiers(text)
    if (ids.length === 0) {
      notify({ kind: 'error', text: 'No DOI, PMID or PMCID was found in what you entered.' })
      return
    }
    cancel.current = new AbortController()
    const stillThere = markPlace()
    await ensureContact()
    setProgress(ids.length > 1 ? `0 of ${ids.length}` : 'Looking up…')
    try {
      const summary = await addIdentifiers(ids, {
        signal: cancel.current.signal,
        onProgress: (done, total) => total > 1 && setProgress(`${done} of ${total}`)
      })
      notify(importSummaryMessage(summary))
      const stored = summary.outcomes.find(o => o.status !== 'failed')
      // chosen unless the researcher went elsewhere or chose other papers meanwhile
      if (stored && 'itemId' in stored && stillThere()) onAdded(stored.itemId)
      if (summary.failed === 0 && !summary.cancelled) setText('')
    } finally {
      cancel.current = null
      setProgress(null)
    }
  }

  return (
    <form className="add-by-identifier" onSubmit={submit}>
      <label htmlFor="add-identifier">Add by identifier</label>
      <textarea
        id="add-identifier"
        rows={1}
        value={text}
        onChange={e => setText(e.target.value)}
        onKeyDown={e => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault()
            e.currentTarget.form?.requestSubmit()
          }
        }}
        placeholder="DOI, PMID, PMCID or a reference list — e.g. 10.3390/ijms22052372"
        autoComplete="off"
        spellCheck={false}
      />
      <button type="submit" disabled={progress !== null}>
        Add
      </button>
      {progress && (
        <>
          <span className="progress" role="progressbar" aria-label="Import progress" aria-valuetext={progress}>
            {progress}
          </span>
          <button type="button" onClick={() => cancel.current?.abort()}>
            Cancel
          </button>
        </>
      )}
    </form>
  )
}
