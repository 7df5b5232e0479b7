// "Manuscript": format a Word or LibreOffice document in a style (or
// re-format one that already has live citations), and import the references
// a coauthor's draft carries.
import { useNotify } from '../../components/notify'
import { useState } from 'react'
import { FormatManuscriptDialog } from './FormatManuscriptDialog'
import { importReferencesFrom, MANUSCRIPT_ACCEPT } from './manuscript-actions'

export function ManuscriptMenu() {
  const notify = useNotify()
  const [open, setOpen] = useState(false)
  const [formatting, setFormatting] = useState(false)
  return (
    <div className="menu">
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        Manuscript
      </button>
      {open && (
        <div role="menu" className="menu-popup" aria-label="Manuscript">
          <button type="button" role="menuitem" onClick={() => (setOpen(false), setFormatting(true))}>
            Format manuscript…
          </button>
          <label role="menuitem" className="file-button">
            Import references from document…
            <input
              type="file"
              aria-label="Import references from document"
              accept={MANUSCRIPT_ACCEPT}
              onChange={async e => {
                const file = e.currentTarget.files?.[0]
                e.currentTarget.value = ''
                setOpen(false)
                if (file) notify(await importReferencesFrom(file, notify))
              }}
            />
          </label>
        </div>
      )}
      {formatting && <FormatManuscriptDialog onClose={() => setFormatting(false)} />}
    </div>
  )
}
