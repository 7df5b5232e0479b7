// "Needs metadata": an item made from a PDF alone. Pasting its DOI, PMID or
// PMCID fills it from PubMed / Crossref and drops the flag.
import { useNotify } from '../../components/notify'
import { useState, type FormEvent } from 'react'
import type { Item } from '@shared/model'
import { plainText } from '@shared/display'
import { api, db, store } from '../../root'
import { fillFromIdentifier } from './needs-metadata'

export function NeedsMetadata({ item }: { item: Item }) {
  const notify = useNotify()
  const [text, setText] = useState(item.doi ?? '')
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    setBusy(true)
    try {
      const outcome = await fillFromIdentifier(item.id, text, { api, db, known: store.finder })
      if (!outcome.ok) return notify({ kind: 'error', text: outcome.message })
      const title = plainText(outcome.title)
      notify({ kind: 'info', text: outcome.merged ? `Already in library: ${title}. The PDF was moved to it.` : `Filled from the identifier: ${title}` })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="needs-metadata" role="note" aria-label="Needs metadata">
      <strong>Needs metadata</strong>
      <p>This paper was made from a PDF alone. Paste its DOI, PMID or PMCID to fill in the rest.</p>
      <form onSubmit={submit}>
        <input
          aria-label="Identifier for this paper"
          value={text}
          onChange={e => setText(e.target.value)}
          placeholder="DOI, PMID or PMCID"
          spellCheck={false}
        />
        <button type="submit" disabled={busy || !text.trim()}>
          Fill from identifier
        </button>
      </form>
    </div>
  )
}
