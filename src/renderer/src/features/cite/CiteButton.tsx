// "Cite": the button in the toolbar. The dialog, with citeproc and the styles,
// loads when it is first opened (or pointed at), not with the window.
import { useState } from 'react'
import type { LightItem } from '@shared/model'
import { useNotify } from '../../components/notify'
import { onDemandDialog } from '../../components/OnDemandDialog'

const CiteDialog = onDemandDialog('Cite', () => import('./CiteDialog').then(module => module.CiteDialog))

export function CiteButton({ items }: { items: readonly LightItem[] }) {
  const notify = useNotify()
  const [open, setOpen] = useState(false)
  return (
    <>
      <button
        type="button"
        onPointerEnter={CiteDialog.preload}
        onFocus={CiteDialog.preload}
        onClick={() => (items.length ? setOpen(true) : notify({ kind: 'error', text: 'There is nothing to cite yet.' }))}
      >
        Cite
      </button>
      {open && <CiteDialog items={items} onClose={() => setOpen(false)} />}
    </>
  )
}
