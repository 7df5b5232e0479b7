// "Add tag": gives one paper, or every selected paper, a manual tag.
// Suggests the tags already in use; Ctrl/Cmd+Z undoes it.
import { problemText } from '../../messages'
import { useNotify } from '../../components/notify'
import { useId, useState, type FormEvent } from 'react'
import type { Replaced } from '../../library/replaced'
import { db } from '../../root'
import { sayProgress } from '../../components/say-progress'
import { addTag } from '../../library/tags'
import { rememberReplacedForUndo } from '../item'
import { useManualTagNames } from './tag-data'

export function AddTagForm({ itemIds }: { itemIds: string[] }) {
  const notify = useNotify()
  const [name, setName] = useState('')
  const names = useManualTagNames()
  const listId = useId()

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (!name.trim()) return
    try {
      // Undo writes back what the tag replaced in each paper tagged (its tags and when it was changed)
      let replaced: Replaced[] = []
      const progress = sayProgress(notify, `Tagging ${itemIds.length} papers “${name.trim()}”`, itemIds.length)
      const added = await addTag(db, itemIds, name, { progress, replaced: r => (replaced = r) })
      rememberReplacedForUndo(`tagging “${name.trim()}”`, replaced)
      setName('')
      if (itemIds.length > 1) notify({ kind: 'info', text: `Tagged ${added} ${added === 1 ? 'paper' : 'papers'} “${name.trim()}”.` })
    } catch (error) {
      notify({ kind: 'error', text: problemText(error) })
    }
  }

  return (
    <form className="add-tag" onSubmit={e => void submit(e)}>
      <input aria-label="Add tag" placeholder="Add tag" list={listId} value={name} onChange={e => setName(e.target.value)} />
      <datalist id={listId}>
        {names.map(n => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <button type="submit" className="small" aria-label="Add this tag" disabled={!name.trim()}>
        +
      </button>
    </form>
  )
}
