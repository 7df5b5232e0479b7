// "Export": the selected papers (or the whole library when none is selected)
// as a file for another tool, or as a formatted bibliography.
import { useNotify } from '../../components/notify'
import { useState } from 'react'
import type { LightItem } from '@shared/model'
import { FILE_TYPES, type DataFormat } from '@shared/export/file-types'
import { problemText, sentenceFor } from '../../messages'
import { onDemandDialog } from '../../components/OnDemandDialog'
import { saveExport } from './save-export'
import { exportFile } from './export-text'

const DATA_FORMATS: DataFormat[] = ['bibtex', 'biblatex', 'ris', 'csl-json']

// citeproc and the styles load with the dialog, not with the window
const BibliographyDialog = onDemandDialog('Bibliography', () => import('./BibliographyDialog').then(module => module.BibliographyDialog))

export function ExportMenu({ items }: { items: readonly LightItem[] }) {
  const notify = useNotify()
  const [open, setOpen] = useState(false)
  const [bibliography, setBibliography] = useState(false)

  async function exportAs(format: DataFormat): Promise<void> {
    setOpen(false)
    if (items.length === 0) return notify({ kind: 'error', text: 'There is nothing to export yet.' })
    const type = FILE_TYPES[format]
    const base = items.length === 1 && items[0].citationKey ? items[0].citationKey : 'neuroref'
    let file: Blob
    try {
      file = await exportFile(
        items.map(item => item.id),
        format
      )
    } catch (error) {
      return notify({ kind: 'error', text: `The export could not be written (${problemText(error)}).` })
    }
    const saved = await saveExport(`${base}.${type.extension}`, file, type.mimeType)
    if (!saved.ok) return notify({ kind: 'error', text: sentenceFor(saved.error) })
    if (saved.value) notify({ kind: 'info', text: `Exported ${items.length} ${items.length === 1 ? 'item' : 'items'} as ${type.label}.` })
  }

  function chooseBibliography(): void {
    setOpen(false)
    if (items.length === 0) return notify({ kind: 'error', text: 'There is nothing to export yet.' })
    setBibliography(true)
  }

  return (
    <div className="menu">
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        Export
      </button>
      {open && (
        <div role="menu" className="menu-popup" aria-label="Export formats">
          {DATA_FORMATS.map(format => (
            <button key={format} type="button" role="menuitem" onClick={() => void exportAs(format)}>
              {FILE_TYPES[format].label}
            </button>
          ))}
          <button type="button" role="menuitem" onPointerEnter={BibliographyDialog.preload} onFocus={BibliographyDialog.preload} onClick={chooseBibliography}>
            Bibliography…
          </button>
        </div>
      )}
      {bibliography && <BibliographyDialog items={items} onClose={() => setBibliography(false)} />}
    </div>
  )
}
