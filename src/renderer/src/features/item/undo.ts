// Undo for changes made in the item pane or to many papers at once: each step
// keeps, in memory, what it needs to put the papers back as they were (a paper's
// row before an edit; what a change of many papers replaced in each, never their
// whole rows); undoing writes it back in one transaction.
import { useNotify, type Notify } from '../../components/notify'
import { useEffect } from 'react'
import type { Item } from '@shared/model'
import type { Message } from '../../components/StatusMessage'
import { putBack, restoreVersions } from '../../library/edit'
import type { Replaced } from '../../library/replaced'
import { db } from '../../root'

interface UndoStep {
  /** what the step did, for "Undone: …" */
  label: string
  /** writes the papers back; how many came back */
  undo: () => Promise<number>
}

const MAX_STEPS = 50
const steps: UndoStep[] = []

function remember(step: UndoStep): void {
  steps.push(step)
  if (steps.length > MAX_STEPS) steps.shift()
}

/** A change of a paper or two (an edit, a tag removed in the item pane): their rows as they were. */
export function rememberForUndo(label: string, versions: (Item | undefined)[]): void {
  const kept = versions.filter((v): v is Item => v !== undefined)
  if (kept.length > 0) remember({ label, undo: () => restoreVersions(db, kept) })
}

/** A change of many papers: what it replaced in each (ChangeOptions.replaced). */
export function rememberReplacedForUndo(label: string, replaced: Replaced[]): void {
  if (replaced.length > 0) remember({ label, undo: () => putBack(db, replaced) })
}

function canUndo(): boolean {
  return steps.length > 0
}

/** Undoes the latest step; returns what to tell the researcher. */
async function undoLast(): Promise<Message> {
  const step = steps.pop()
  if (!step) return { kind: 'info', text: 'Nothing to undo.' }
  const restored = await step.undo()
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
