// "Merge duplicates": for each field where the two copies disagree, the
// researcher picks the value to keep; everything else is combined. The
// older copy survives (its citation key may already be in manuscripts).
import { problemText } from '../../messages'
import { useNotify } from '../../components/notify'
import { useId, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react'
import type { Item } from '@shared/model'
import { plainText } from '@shared/display'
import { differingFields, type MergeChoices, type MergeSide } from '@shared/merge-items'
import { db } from '../../root'
import { mergeDuplicates } from '../../library/merge'

/** Long values (abstracts) are cut for the choice; the whole value is kept. */
function shortened(text: string): string {
  return text.length > 240 ? `${text.slice(0, 240)}…` : text
}

export interface MergeDialogProps {
  keep: Item
  other: Item
  onClose: () => void
}

export function MergeDialog({ keep, other, onClose }: MergeDialogProps) {
  const notify = useNotify()
  const id = useId()
  const fields = useMemo(() => differingFields(keep, other), [keep, other])
  const [choices, setChoices] = useState<MergeChoices>(() => Object.fromEntries(fields.map(f => [f.field, f.suggested])))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function merge(event: FormEvent): Promise<void> {
    event.preventDefault()
    setBusy(true)
    try {
      const merged = await mergeDuplicates(db, keep.id, other.id, choices)
      notify({ kind: 'info', text: `Merged the two copies into one paper: ${plainText(merged.csl.title) || 'untitled'}.` })
      onClose()
    } catch (e) {
      setError(`The papers could not be merged (${problemText(e)}). Nothing was changed.`)
      setBusy(false)
    }
  }

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      onClose()
    }
  }

  const choose = (field: string, side: MergeSide): void => setChoices(c => ({ ...c, [field]: side }))

  return (
    <div className="dialog-backdrop">
      <form role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} className="dialog merge-dialog" onSubmit={merge} onKeyDown={onKeyDown}>
        <h2 id={`${id}-title`}>Merge duplicates</h2>
        <p className="muted">
          The older copy is kept, with both copies’ tags, collections, keywords, MeSH terms, notes and attachments. Fields only one copy has are kept as they
          are.
        </p>
        {fields.length === 0 ? (
          <p>The two copies agree on every field they both have.</p>
        ) : (
          fields.map(field => (
            <fieldset key={field.field} className="merge-field">
              <legend>{field.label}</legend>
              {(['keep', 'other'] as const).map(side => {
                const text = side === 'keep' ? field.keepText : field.otherText
                return (
                  <label key={side}>
                    <input type="radio" name={`${id}-${field.field}`} checked={choices[field.field] === side} onChange={() => choose(field.field, side)} />
                    <span>{shortened(text)}</span>
                    <span className="muted"> ({side === 'keep' ? 'older copy' : 'newer copy'})</span>
                  </label>
                )
              })}
            </fieldset>
          ))
        )}
        {error && <p role="alert">{error}</p>}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" disabled={busy} autoFocus>
            Merge
          </button>
        </div>
      </form>
    </div>
  )
}
