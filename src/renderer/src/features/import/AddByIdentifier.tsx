// The box a researcher pastes DOIs, PMIDs or PMCIDs into.
import { useState, type FormEvent } from 'react'
import { api } from '../../transport'
import { db } from '../../library-context'
import { sentenceFor } from '../../messages'
import type { Message } from '../../components/StatusMessage'
import { importIdentifiers, type ImportSummary } from './import-identifiers'

export function summarise(summary: ImportSummary): Message {
  const parts = [
    summary.added ? `${summary.added} added` : '',
    summary.existing ? `${summary.existing} already in library` : '',
    summary.failed ? `${summary.failed} failed` : ''
  ].filter(Boolean)
  const failures = summary.outcomes.flatMap((o) => (o.status === 'failed' ? [`${o.label}: ${sentenceFor(o.error)}`] : []))
  if (summary.outcomes.length === 1) {
    const only = summary.outcomes[0]
    if (only.status === 'failed') return { kind: 'error', text: failures[0] }
    const what = only.status === 'added' ? 'Added' : 'Already in library'
    return { kind: 'info', text: `${what}: ${only.title.replace(/<[^>]+>/g, '')}` }
  }
  return { kind: summary.failed && !summary.added && !summary.existing ? 'error' : 'info', text: parts.join(', ') + '.', details: failures }
}

export function AddByIdentifier({ onDone, onAdded }: { onDone: (m: Message) => void; onAdded: (itemId: string) => void }) {
  const [text, setText] = useState('')
  const [busy, setBusy] = useState<string | null>(null)

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (!text.trim() || busy) return
    setBusy('Looking up…')
    try {
      const summary = await importIdentifiers(text, {
        api,
        db,
        onProgress: (done, total) => total > 1 && setBusy(`${done} of ${total}`)
      })
      if (summary.outcomes.length === 0) {
        onDone({ kind: 'error', text: 'No DOI, PMID or PMCID was found in what you entered.' })
        return
      }
      onDone(summarise(summary))
      for (const outcome of summary.outcomes) {
        if (outcome.status !== 'failed') {
          onAdded(outcome.itemId)
          break
        }
      }
      if (summary.failed === 0) setText('')
    } finally {
      setBusy(null)
    }
  }

  return (
    <form className="add-by-identifier" onSubmit={submit}>
      <label htmlFor="add-identifier">Add by identifier</label>
      <input
        id="add-identifier"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="DOI, PMID or PMCID — e.g. 10.3390/ijms22052372"
        autoComplete="off"
        spellCheck={false}
      />
      <button type="submit" disabled={busy !== null}>
        Add
      </button>
      {busy && <span className="progress" aria-live="polite">{busy}</span>}
    </form>
  )
}
