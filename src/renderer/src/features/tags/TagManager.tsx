// One manual tag, library-wide: rename (or merge into an existing tag),
// colour, delete from every paper.
import { problemText } from '../../messages'
import { useNotify } from '../../components/notify'
import { useState, type FormEvent } from 'react'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { db } from '../../root'
import { deleteTag, renameTag, setTagColor } from '../../library/tags'

export interface TagManagerProps {
  name: string
  color: string | undefined
  /** papers in the whole library with this tag */
  count: number
  onRenamed: (from: string, to: string) => void
  onDeleted: (name: string) => void
  onClose: () => void
}

const papers = (n: number): string => `${n} ${n === 1 ? 'paper' : 'papers'}`

export function TagManager({ name, color, count, onRenamed, onDeleted, onClose }: TagManagerProps) {
  const notify = useNotify()
  const [newName, setNewName] = useState(name)
  const [problem, setProblem] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)

  async function rename(event: FormEvent): Promise<void> {
    event.preventDefault()
    try {
      const outcome = await renameTag(db, name, newName)
      onRenamed(name, outcome.name)
      notify({
        kind: 'info',
        text: outcome.merged
          ? `Merged “${name}” into “${outcome.name}” (${papers(outcome.items)}).`
          : `Renamed “${name}” to “${outcome.name}” on ${papers(outcome.items)}.`
      })
      onClose()
    } catch (error) {
      setProblem(problemText(error))
    }
  }

  async function recolor(next: string | undefined): Promise<void> {
    try {
      await setTagColor(db, name, next)
    } catch (error) {
      setProblem(problemText(error))
    }
  }

  async function remove(): Promise<void> {
    const removed = await deleteTag(db, name)
    onDeleted(name)
    notify({ kind: 'info', text: `Deleted the tag “${name}” from ${papers(removed)}. The papers stay in your library.` })
    onClose()
  }

  if (confirming) {
    return (
      <ConfirmDialog title={`Delete the tag “${name}”?`} confirmLabel="Delete tag" onConfirm={() => void remove()} onCancel={() => setConfirming(false)}>
        <p>It is taken off {papers(count)}. The papers stay in your library.</p>
      </ConfirmDialog>
    )
  }
  return (
    <div className="dialog-backdrop" onKeyDown={e => e.key === 'Escape' && onClose()}>
      <form role="dialog" aria-modal="true" aria-label={`Tag “${name}”`} className="dialog tag-manager" onSubmit={e => void rename(e)}>
        <h2>Tag “{name}”</h2>
        <p className="muted">On {papers(count)}.</p>
        <label>
          New name
          <input value={newName} onChange={e => setNewName(e.target.value)} autoFocus onFocus={e => e.currentTarget.select()} />
        </label>
        <p className="muted">Renaming to a tag that already exists merges the two.</p>
        <div className="tag-color-row">
          <label>
            Colour <input type="color" value={color ?? '#888888'} onChange={e => void recolor(e.target.value)} />
          </label>
          {color && (
            <button type="button" className="small" onClick={() => void recolor(undefined)}>
              No colour
            </button>
          )}
        </div>
        {problem && <p role="alert">{problem}</p>}
        <div className="dialog-buttons">
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            Delete tag…
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="submit">Rename</button>
        </div>
      </form>
    </div>
  )
}
