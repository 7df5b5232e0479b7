// The "Notes" section: one Markdown note per paper, saved while typing
// (after a short pause) and when leaving the field. "Search library" finds
// papers by the words of their note.
import { useNotify } from '../../components/notify'
import { useEffect, useRef, useState } from 'react'
import { db } from '../../root'
import { noteOf, saveNote } from '../../library/notes'

const SAVE_AFTER_MS = 400

export function ItemNote({ itemId }: { itemId: string }) {
  const notify = useNotify()
  const [text, setText] = useState('')
  const [loaded, setLoaded] = useState(false)
  const [saved, setSaved] = useState(true)
  const pending = useRef<{ text: string; timer: ReturnType<typeof setTimeout> } | null>(null)

  useEffect(() => {
    let live = true
    void noteOf(db, itemId).then(note => {
      if (!live) return
      setText(note?.text ?? '')
      setLoaded(true)
    })
    return () => {
      live = false
    }
  }, [itemId])

  const flush = (): void => {
    const waiting = pending.current
    if (!waiting) return
    clearTimeout(waiting.timer)
    pending.current = null
    saveNote(db, itemId, waiting.text).then(
      () => setSaved(pending.current === null),
      () => notify({ kind: 'error', text: 'The note could not be saved. Copy it somewhere safe and try again.' })
    )
  }
  const flushRef = useRef(flush)
  flushRef.current = flush
  // leaving the paper saves what was typed
  useEffect(() => () => flushRef.current(), [])

  const change = (next: string): void => {
    setText(next)
    setSaved(false)
    if (pending.current) clearTimeout(pending.current.timer)
    pending.current = { text: next, timer: setTimeout(() => flushRef.current(), SAVE_AFTER_MS) }
  }

  return (
    <section aria-label="Notes" className="record-section item-note">
      <h3>Notes</h3>
      <textarea
        aria-label="Note"
        placeholder={loaded ? 'Write a note (Markdown)…' : 'Opening the note…'}
        disabled={!loaded}
        value={text}
        rows={5}
        onChange={e => change(e.target.value)}
        onBlur={flush}
      />
      <p className="muted small-text" aria-live="polite">
        {loaded && text && (saved ? 'Note saved.' : 'Saving…')}
      </p>
    </section>
  )
}
