// The citation picker: Ctrl/⌘+Shift+C from anywhere opens a quick search over
// the library and copies the chosen papers as a citation, ready to paste into
// the manuscript (PickerDialog.tsx). The dialog, with citeproc and the styles,
// loads the first time: fetched as soon as Ctrl/⌘+Shift is held, and what is
// typed while it loads is kept (PickerLoading.tsx) and becomes its search.
import { useEffect, useState } from 'react'
import { onDemandDialog } from '../../components/OnDemandDialog'
import { PickerLoading } from './PickerLoading'
import { NOTHING_TYPED } from './PickerSearchField'

const PickerDialog = onDemandDialog('Citation picker', () => import('./PickerDialog').then(module => module.PickerDialog), PickerLoading)

function isPickerKey(event: globalThis.KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'c'
}

/** Mounted once in the app shell: listens for the shortcut and opens the picker. */
export function CitationPicker() {
  const [open, setOpen] = useState(false)
  const [typed, setTyped] = useState(NOTHING_TYPED)
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
  const close = (): void => {
    setOpen(false)
    setTyped(NOTHING_TYPED)
  }
  return open ? <PickerDialog onClose={close} typed={typed} onTyped={setTyped} /> : null
}
