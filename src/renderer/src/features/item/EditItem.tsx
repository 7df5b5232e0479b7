// "Edit": change any field of the paper by hand. Saved fields are marked as
// edited (imports leave them alone); the status line offers Undo.
import { problemText } from '../../messages'
import { useNotify } from '../../components/notify'
import { useState, type FormEvent } from 'react'
import type { Item } from '@shared/model'
import { plainText } from '@shared/display'
import { db } from '../../root'
import { formOf, saveEdit, type ItemForm } from '../../library/edit'
import { rememberForUndo, withUndo } from './undo'

const FIELDS: { field: keyof ItemForm; label: string; multiline?: number }[] = [
  { field: 'title', label: 'Title', multiline: 2 },
  { field: 'authors', label: 'Authors (one per line: Family, Given)', multiline: 4 },
  { field: 'year', label: 'Year' },
  { field: 'journal', label: 'Journal' },
  { field: 'volume', label: 'Volume' },
  { field: 'issue', label: 'Issue' },
  { field: 'pages', label: 'Pages' },
  { field: 'doi', label: 'DOI' },
  { field: 'abstract', label: 'Abstract', multiline: 6 }
]

export function EditItem({ item }: { item: Item }) {
  const notify = useNotify()
  const [form, setForm] = useState<ItemForm | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (!form) return
    try {
      const saved = await saveEdit(db, item.id, form)
      setForm(null)
      setProblem(null)
      if (!saved) return
      const title = plainText(saved.after.csl.title) || 'the paper'
      rememberForUndo(`editing “${title}”`, [saved.before])
      notify(withUndo(`Saved your changes to “${title}”.`, notify))
    } catch (error) {
      setProblem(problemText(error))
    }
  }

  if (!form) {
    return (
      <div className="edit-bar">
        <button type="button" className="small" onClick={() => setForm(formOf(item))}>
          Edit
        </button>
        {item.editedFields?.length ? <span className="muted small-text">Edited by hand: imports keep your changes.</span> : null}
      </div>
    )
  }
  return (
    <form aria-label="Edit paper" className="edit-form" onSubmit={e => void save(e)} onKeyDown={e => e.key === 'Escape' && setForm(null)}>
      {FIELDS.map(({ field, label, multiline }) => (
        <label key={field} className={`edit-field edit-${field}`}>
          <span>{label}</span>
          {multiline ? (
            <textarea rows={multiline} value={form[field]} onChange={e => setForm({ ...form, [field]: e.target.value })} autoFocus={field === 'title'} />
          ) : (
            <input value={form[field]} onChange={e => setForm({ ...form, [field]: e.target.value })} spellCheck={field !== 'doi'} />
          )}
        </label>
      ))}
      {problem && <p role="alert">{problem}</p>}
      <div className="dialog-buttons">
        <button type="button" onClick={() => (setForm(null), setProblem(null))}>
          Cancel
        </button>
        <button type="submit">Save</button>
      </div>
    </form>
  )
}
