// "Export": the selected papers (or the whole library when none is selected)
// as a bibliography file.
import { useState } from 'react'
import type { Item } from '../../../../shared/model'
import { exportBibtex } from '../../../../shared/export/bibtex'
import type { Message } from '../../components/StatusMessage'
import { sentenceFor } from '../../messages'
import { saveExport } from './save-export'

export function ExportMenu({ items, onDone }: { items: Item[]; onDone: (m: Message) => void }) {
  const [open, setOpen] = useState(false)

  async function exportAs(): Promise<void> {
    setOpen(false)
    if (items.length === 0) return onDone({ kind: 'error', text: 'There is nothing to export yet.' })
    const name = items.length === 1 && items[0].citationKey ? `${items[0].citationKey}.bib` : 'neuroref.bib'
    const saved = await saveExport(name, exportBibtex(items), 'application/x-bibtex')
    if (!saved.ok) return onDone({ kind: 'error', text: sentenceFor(saved.error) })
    if (saved.value) onDone({ kind: 'info', text: `Exported ${items.length} ${items.length === 1 ? 'item' : 'items'} as BibTeX.` })
  }

  return (
    <div className="menu">
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        Export
      </button>
      {open && (
        <div role="menu" className="menu-popup" aria-label="Export formats">
          <button type="button" role="menuitem" onClick={() => void exportAs()}>
            BibTeX
          </button>
        </div>
      )}
    </div>
  )
}
