// Above the list: "N selected" and what can be done to all of them at once:
// tag, move to the Trash (Export in the toolbar exports the selection). In
// the Trash view: Restore, and Empty Trash after asking.
import { useNotify } from '../../components/notify'
import { useMarkPlace } from '../../components/place'
import { problemText } from '../../messages'
import { useState } from 'react'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { api, db } from '../../root'
import { emptyTrash } from '../../library/trash'
import { restoreFromTrashInWorker } from './filing-in-worker'
import { sayProgress } from '../../components/say-progress'
import type { ViewId } from '../../store/views'
import { AddTagForm } from '../tags'
import './organise.css'

export interface SelectionBarProps {
  view: ViewId
  selectedIds: string[]
  /** papers in the Trash */
  trashCount: number
  onTrash: (ids: string[]) => void
  onSelectionDone: () => void
}

const papers = (n: number): string => `${n} ${n === 1 ? 'paper' : 'papers'}`

export function SelectionBar({ view, selectedIds, trashCount, onTrash, onSelectionDone }: SelectionBarProps) {
  const notify = useNotify()
  const markPlace = useMarkPlace()
  const [confirming, setConfirming] = useState(false)
  const inTrash = view.kind === 'trash'
  const count = selectedIds.length
  if (!inTrash && count === 0) return null

  // The selection is let go when the change ends unless the researcher chose other papers (or went elsewhere) meanwhile.
  async function restore(): Promise<void> {
    const stillThere = markPlace()
    try {
      await restoreFromTrashInWorker(db, selectedIds, { progress: sayProgress(notify, `Restoring ${papers(count)} from the Trash`, count) })
    } catch (error) {
      return notify({ kind: 'error', text: `Nothing was restored from the Trash: ${problemText(error)}` })
    }
    if (stillThere()) onSelectionDone()
    notify({ kind: 'info', text: `Restored ${papers(count)} from the Trash.` })
  }

  async function empty(): Promise<void> {
    setConfirming(false)
    const stillThere = markPlace()
    const { deleted } = await emptyTrash(db, api)
    if (stillThere()) onSelectionDone()
    notify({ kind: 'info', text: `Deleted ${papers(deleted)} for good.` })
  }

  return (
    <div role="region" aria-label="Selection" className="selection-bar">
      {count > 0 && <span className="selection-count">{count} selected</span>}
      {!inTrash && count > 1 && <AddTagForm itemIds={selectedIds} />}
      {!inTrash && (
        <button type="button" className="small" onClick={() => onTrash(selectedIds)}>
          Move to Trash
        </button>
      )}
      {inTrash && count > 0 && (
        <button type="button" className="small" onClick={() => void restore()}>
          Restore
        </button>
      )}
      {inTrash && (
        <button type="button" className="small danger" disabled={trashCount === 0} onClick={() => setConfirming(true)}>
          Empty Trash
        </button>
      )}
      {confirming && (
        <ConfirmDialog title="Empty the Trash?" confirmLabel="Empty Trash" onConfirm={() => void empty()} onCancel={() => setConfirming(false)}>
          <p>{papers(trashCount)} in the Trash will be deleted for good, with their notes and attachments. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </div>
  )
}
