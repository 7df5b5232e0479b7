// The citation picker's dialog: a quick search over the library (the engine of
// "Search library"); Enter copies the chosen papers as [@key], \cite{},
// \parencite{} or a formatted citation in the current style. The form is remembered.
import { useEffect, useEffectEvent, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { LightItem } from '@shared/model'
import { fullItems } from '../../library/queries'
import { firstAuthorLabel, plainText, yearLabel } from '@shared/display'
import { db, store, useLibraryVersion } from '../../root'
import { SEARCHING_TEXT } from '../../store/views'
import { useNotify } from '../../components/notify'
import { problemText } from '../../messages'
import { PICKER_FORMS, pickerCitation, readPickerForm, writePickerForm, type PickerForm } from './picker-form'
import { useCitationStyles } from './use-citation-styles'
import { PickerSearchField, type PickerProps } from './PickerSearchField'
import './cite.css'

/** Papers listed at once: the picker is for finding a few, not browsing. */
const SHOWN = 30

/** The papers found, or undefined while the papers are read for the query (the search index not in use yet). */
function found(query: string): LightItem[] | undefined {
  const live = (item: LightItem | undefined): item is LightItem => !!item && item.trashedAt === undefined
  if (!query.trim()) {
    // nothing typed yet: the papers added last
    return [...store.items.values()]
      .filter(live)
      .sort((a, b) => b.addedAt - a.addedAt)
      .slice(0, SHOWN)
  }
  return store
    .answer(query)
    ?.map(id => store.items.get(id))
    .filter(live)
    .slice(0, SHOWN)
}

export function PickerDialog({ onClose, typed }: PickerProps) {
  const notify = useNotify()
  const styles = useCitationStyles()
  const [query, setQuery] = useState(typed.text)
  const [active, setActive] = useState(0)
  const [chosen, setChosen] = useState<LightItem[]>([])
  const [form, setForm] = useState<PickerForm | null>(null)
  const [error, setError] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)
  const caret = useRef(typed)
  const [copyWhenFound, setCopyWhenFound] = useState(!!typed.copy)
  // an answer read while the search index is not in use yet comes with a change of the library's version
  useLibraryVersion()
  const answer = found(query)
  const results = answer ?? []

  useEffect(() => void readPickerForm(db).then(setForm), [])
  // before the next key can arrive: what was typed while the code loaded goes on where the caret was
  useLayoutEffect(() => {
    input.current?.focus()
    input.current?.setSelectionRange(caret.current.start, caret.current.end)
  }, [])

  // Enter pressed while the picker loaded: copy once the search has its answer and the form (and style) are read
  const ready = !!form && answer !== undefined && (form !== 'formatted' || !!styles.style)
  const copyPending = useEffectEvent(() => void copy())
  useEffect(() => {
    if (!copyWhenFound || !ready) return
    setCopyWhenFound(false)
    copyPending()
  }, [copyWhenFound, ready])

  function toggle(item: LightItem | undefined): void {
    if (!item) return
    setChosen(list => (list.some(other => other.id === item.id) ? list.filter(other => other.id !== item.id) : [...list, item]))
  }

  function chooseForm(next: PickerForm): void {
    setForm(next)
    void writePickerForm(db, next)
  }

  async function copy(): Promise<void> {
    const picked = chosen.length ? chosen : results.slice(active, active + 1)
    if (!picked.length || !form) return
    if (form === 'formatted' && !styles.style) return setError('The citation style is still loading.')
    try {
      // cited from the stored rows: the list's copies are light
      const items = await fullItems(
        db,
        picked.map(item => item.id)
      )
      const { text, html } = pickerCitation(form, items, { style: styles.style?.id ?? '', lang: styles.lang })
      if (html && typeof ClipboardItem !== 'undefined') {
        await navigator.clipboard.write([
          new ClipboardItem({ 'text/plain': new Blob([text], { type: 'text/plain' }), 'text/html': new Blob([html], { type: 'text/html' }) })
        ])
      } else {
        await navigator.clipboard.writeText(text)
      }
      notify({ kind: 'info', text: `Copied ${text.length > 60 ? `the citation of ${items.length} ${items.length === 1 ? 'paper' : 'papers'}` : text}.` })
      onClose()
    } catch (failure) {
      setError(`Could not copy the citation: ${problemText(failure)}`)
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      setActive(index => Math.max(0, Math.min(results.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1))))
    } else if (event.key === ' ' && event.ctrlKey) {
      // Ctrl+Space adds the highlighted paper and keeps searching for the next
      event.preventDefault()
      toggle(results[active])
    } else if (event.key === 'Enter') {
      event.preventDefault()
      void copy()
    }
  }

  return (
    <div className="dialog-backdrop" onKeyDown={e => e.key === 'Escape' && onClose()}>
      <div role="dialog" aria-modal="true" aria-label="Citation picker" className="dialog citation-picker">
        <h2>Cite papers</h2>
        <PickerSearchField
          ref={input}
          value={query}
          onChange={e => {
            setQuery(e.target.value)
            setActive(0)
          }}
          onKeyDown={onKeyDown}
        />
        {chosen.length > 0 && (
          <ul aria-label="Papers to cite" className="picker-chosen">
            {chosen.map(item => (
              <li key={item.id}>
                {firstAuthorLabel(item)} {yearLabel(item)}
                <button type="button" aria-label={`Remove ${firstAuthorLabel(item)} ${yearLabel(item)}`} onClick={() => toggle(item)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <ul role="listbox" aria-label="Papers" aria-multiselectable="true" className="picker-results">
          {results.map((item, index) => (
            <li
              key={item.id}
              role="option"
              aria-selected={chosen.some(other => other.id === item.id)}
              className={index === active ? 'picker-result active' : 'picker-result'}
              onMouseDown={event => {
                event.preventDefault()
                setActive(index)
                toggle(item)
              }}
            >
              <span className="picker-who">
                {firstAuthorLabel(item)} {yearLabel(item)}
              </span>{' '}
              <span>{plainText(item.csl.title)}</span>
            </li>
          ))}
          {results.length === 0 && (
            <li className="muted">{answer === undefined ? SEARCHING_TEXT : query.trim() ? 'No paper in the library matches.' : 'The library is empty.'}</li>
          )}
        </ul>
        <fieldset className="picker-forms">
          <legend>Copy as</legend>
          {PICKER_FORMS.map(option => (
            <label key={option.form}>
              <input type="radio" name="picker-form" checked={form === option.form} onChange={() => chooseForm(option.form)} />
              {option.label}
            </label>
          ))}
        </fieldset>
        {form === 'formatted' && <p className="muted">In {styles.style?.label ?? '…'} (the style chosen in Cite and Bibliography…).</p>}
        {error && <p role="alert">{error}</p>}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" disabled={!form || (!chosen.length && !results.length)} onClick={() => void copy()}>
            Copy citation
          </button>
        </div>
      </div>
    </div>
  )
}
