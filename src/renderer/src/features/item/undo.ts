// Undo for changes made in the item pane: each step keeps the items as they
// were before, in memory; undoing writes them back in one transaction.
import { useNotify, type Notify } from '../../components/notify'
import { useEffect } from 'react'
import type { Item } from '@shared/model'
import type { Message } from '../../components/StatusMessage'
import { restoreVersions } from '../../library/edit'
import { db } from '../../root'

interface UndoStep {
  /** what the step did, for "Undone: …" */
  label: string
  versions: Item[]
}

const MAX_STEPS = 50
const steps: UndoStep[] = []

export function rememberForUndo(label: string, versions: (Item | undefined)[]): void {
  const kept = versions.filter((v): v is Item => v !== undefined)
  if (kept.length === 0) return
  steps.push({ label, versions: kept })
  if (steps.length > MAX_STEPS) steps.shift()
}

function canUndo(): boolean {
  return steps.length > 0
}

/** Undoes the latest step; returns what to tell the researcher. */
async function undoLast(): Promise<Message> {
  const step = steps.pop()
  if (!step) return { kind: 'info', text: 'Nothing to undo.' }
  const restored = await restoreVersions(db, step.versions)
  if (restored === 0) return { kind: 'info', text: 'Nothing to undo: that paper has been deleted since.' }
  return { kind: 'info', text: `Undone: ${step.label}.` }
}

/** A status message with an Undo button that undoes the latest step. */
export function withUndo(text: string, notify: Notify): Message {
  return { kind: 'info', text, action: { label: 'Undo', run: () => void undoLast().then(notify) } }
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/** Ctrl/Cmd+Z undoes the latest step, except while typing (the field's own undo wins there). */
export function useUndoShortcut(): void {
  const notify = useNotify()
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.key.toLowerCase() !== 'z') return
      if (isTyping(event.target) || !canUndo()) return
      event.preventDefault()
      void undoLast().then(notify)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [notify])
}
