// "Manuscript": format a Word or LibreOffice document in a style (or
// re-format one that already has live citations), and import the references
// a coauthor's draft carries. The document readers and writers, citeproc and
// the styles load when first used, not with the window.
import { useNotify } from '../../components/notify'
import { useState } from 'react'
import { onDemandDialog, unloadedText } from '../../components/OnDemandDialog'
import type { Message } from '../../components/StatusMessage'
import { MANUSCRIPT_ACCEPT } from './manuscript-files'

const FormatManuscriptDialog = onDemandDialog('Format manuscript', () => import('./FormatManuscriptDialog').then(module => module.FormatManuscriptDialog))

async function importReferencesFrom(file: File, say: (message: Message) => void): Promise<Message> {
  let actions: typeof import('./manuscript-actions')
  try {
    actions = await import('./manuscript-actions')
  } catch (failure) {
    return { kind: 'error', text: `${unloadedText('The document reader', failure)} Nothing was imported.` }
  }
  return actions.importReferencesFrom(file, say)
}

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
          <button
            type="button"
            role="menuitem"
            onPointerEnter={FormatManuscriptDialog.preload}
            onFocus={FormatManuscriptDialog.preload}
            onClick={() => (setOpen(false), setFormatting(true))}
          >
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
