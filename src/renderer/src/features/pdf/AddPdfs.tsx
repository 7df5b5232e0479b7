// "Add PDFs…": each chosen (or dropped) PDF becomes a paper in the library,
// its DOI looked up the way "Add by identifier" does, its full text kept
// from the same reading.
import { useNotify, type Notify } from '../../components/notify'
import { useMarkPlace } from '../../components/place'
import { useCallback, useState } from 'react'
import { plainText } from '@shared/display'
import type { Message } from '../../components/StatusMessage'
import { extractionQueue, pdfImportDeps } from './pdf-context'
import { addPdfAsItem, type PdfOutcome } from './pdf-to-item'

export async function addPdfFiles(files: File[], notify: Notify, onAdded?: (itemId: string) => void): Promise<void> {
  const outcomes: PdfOutcome[] = []
  const deps = pdfImportDeps()
  for (const [index, file] of files.entries()) {
    if (files.length > 1) notify({ kind: 'info', text: `Adding PDF ${index + 1} of ${files.length}…` })
    const outcome = await addPdfAsItem({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, deps)
    outcomes.push(outcome)
    // The text was read when the file was stored; a protected PDF waits for its password (from the viewer).
    if (outcome.status !== 'failed' && outcome.textError) extractionQueue.remember(outcome.attachment.id, outcome.textError)
  }
  const last = outcomes.findLast(o => o.status !== 'failed')
  if (last && 'itemId' in last) onAdded?.(last.itemId)
  notify(pdfSummary(outcomes))
}

function lineOf(outcome: PdfOutcome): string {
  if (outcome.status === 'failed') return `${outcome.fileName}: ${outcome.reason}`
  const title = plainText(outcome.title)
  if (outcome.status === 'needs-metadata') return `${outcome.fileName}: ${outcome.reason} Added “${title}”, marked Needs metadata.`
  return `${outcome.fileName}: ${outcome.status === 'added' ? 'added' : 'already in library, PDF attached'} — ${title}`
}

function pdfSummary(outcomes: PdfOutcome[]): Message {
  const failed = outcomes.filter(o => o.status === 'failed').length
  if (outcomes.length === 1) return { kind: failed ? 'error' : 'info', text: lineOf(outcomes[0]) }
  const added = outcomes.length - failed
  return {
    kind: added ? 'info' : 'error',
    text: `${added} of ${outcomes.length} PDFs added${failed ? `, ${failed} refused` : ''}.`,
    details: outcomes.map(lineOf)
  }
}

export function AddPdfs({ onAdded }: { onAdded?: (itemId: string) => void }) {
  const notify = useNotify()
  const markPlace = useMarkPlace()
  const [busy, setBusy] = useState(false)
  const choose = useCallback(
    async (files: File[]) => {
      setBusy(true)
      const stillThere = markPlace()
      try {
        // the last paper is chosen unless the researcher went elsewhere or chose other papers meanwhile
        await addPdfFiles(files, notify, id => stillThere() && onAdded?.(id))
      } finally {
        setBusy(false)
      }
    },
    [notify, onAdded, markPlace]
  )
  return (
    <label className="file-button">
      Add PDFs…
      <input
        type="file"
        aria-label="Add PDFs…"
        accept=".pdf,application/pdf"
        multiple
        disabled={busy}
        onChange={e => {
          const files = [...(e.target.files ?? [])]
          e.target.value = ''
          if (files.length) void choose(files)
        }}
      />
    </label>
  )
}
