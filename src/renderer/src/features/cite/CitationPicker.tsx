// The citation picker: Ctrl/⌘+Shift+C from anywhere opens a quick search over
// the library and copies the chosen papers as a citation, ready to paste into
// the manuscript (PickerDialog.tsx). The dialog, with citeproc and the styles,
// loads the first time: fetched as soon as Ctrl/⌘+Shift is held.
import { useEffect, useState } from 'react'
import { onDemandDialog } from '../../components/OnDemandDialog'

const PickerDialog = onDemandDialog('Citation picker', () => import('./PickerDialog').then(module => module.PickerDialog))

function isPickerKey(event: globalThis.KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'c'
}

/** Mounted once in the app shell: listens for the shortcut and opens the picker. */
export function CitationPicker() {
  const [open, setOpen] = useState(false)
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey) PickerDialog.preload()
      if (!isPickerKey(event)) return
      event.preventDefault()
      setOpen(true)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  return open ? <PickerDialog onClose={() => setOpen(false)} /> : null
}
