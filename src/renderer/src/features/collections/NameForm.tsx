// A small inline form asking for a name (new collection, rename, save
// search). Enter saves, Escape cancels; a refusal is shown beside the field.
import { problemText } from '../../messages'
import { useState, type FormEvent } from 'react'

export interface NameFormProps {
  label: string
  initial?: string
  submitLabel: string
  onSubmit: (name: string) => Promise<void>
  onCancel: () => void
}

export function NameForm({ label, initial = '', submitLabel, onSubmit, onCancel }: NameFormProps) {
  const [name, setName] = useState(initial)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    setBusy(true)
    try {
      await onSubmit(name)
    } catch (error) {
      setProblem(problemText(error))
      setBusy(false)
    }
  }

  return (
    <form className="name-form" onSubmit={e => void submit(e)} onKeyDown={e => e.key === 'Escape' && (e.stopPropagation(), onCancel())}>
      <input aria-label={label} placeholder={label} value={name} autoFocus onFocus={e => e.currentTarget.select()} onChange={e => setName(e.target.value)} />
      <div className="name-form-buttons">
        <button type="submit" className="small" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="small" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {problem && (
        <p role="alert" className="name-form-problem">
          {problem}
        </p>
      )}
    </form>
  )
}
