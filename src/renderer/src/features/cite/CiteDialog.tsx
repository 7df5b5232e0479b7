// The Cite dialog: the selected papers in a citation style, previewed live, and
// copied as a citation, a reference list, LaTeX \cite{} or Pandoc [@key].
import { problemText } from '../../messages'
import { useNotify } from '../../components/notify'
import { useEffect, useState } from 'react'
import type { Item, LightItem } from '@shared/model'
import { db } from '../../root'
import { fullItems } from '../../library/queries'
import { formatBibliography, formatCitation, latexCite, pandocCite } from '@shared/export/formats'
import { StyleChooser } from './StyleChooser'
import { useCitationStyles } from './use-citation-styles'
import './cite.css'

/** Formatting thousands of papers takes seconds: the preview shows the first ones. */
const PREVIEW_LIMIT = 50

interface Preview {
  citation: string
  bibliography: string[]
}

const NONE: Item[] = []

/** The chosen papers with every field, read once when the dialog opens (the list holds light copies). */
function useStoredItems(chosen: readonly LightItem[]): Item[] | undefined {
  const [items, setItems] = useState<Item[]>()
  useEffect(() => {
    let live = true
    void fullItems(
      db,
      chosen.map(item => item.id)
    ).then(rows => live && setItems(rows))
    return () => void (live = false)
  }, [chosen])
  return items
}

export function CiteDialog({ items: chosen, onClose }: { items: readonly LightItem[]; onClose: () => void }) {
  const stored = useStoredItems(chosen)
  const items = stored ?? NONE
  const loaded = stored !== undefined
  const notify = useNotify()
  const styles = useCitationStyles()
  const [preview, setPreview] = useState<Preview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const style = styles.style
  const lang = styles.lang

  useEffect(() => {
    if (!style || !loaded) return
    setPreview(null)
    // let "Formatting…" paint before citeproc builds the style (a second for APA)
    const timer = setTimeout(() => {
      try {
        const shown = items.slice(0, PREVIEW_LIMIT)
        const opts = { style: style.id, lang }
        setPreview({ citation: formatCitation(shown, opts), bibliography: formatBibliography(shown, opts).split('\n').filter(Boolean) })
        setError(null)
      } catch (failure) {
        setError(`This style could not format these papers: ${problemText(failure)}`)
      }
    }, 0)
    return () => clearTimeout(timer)
  }, [style, lang, loaded, items])

  async function copy(what: string, make: () => string): Promise<void> {
    try {
      await navigator.clipboard.writeText(make())
      notify({ kind: 'info', text: `Copied the ${what} of ${items.length} ${items.length === 1 ? 'paper' : 'papers'}.` })
    } catch (failure) {
      setError(`Could not copy to the clipboard: ${problemText(failure)}`)
    }
  }
  const styled = { style: style?.id, lang }

  return (
    <div className="dialog-backdrop" onKeyDown={e => e.key === 'Escape' && onClose()}>
      <div role="dialog" aria-modal="true" aria-label="Cite" className="dialog cite-dialog">
        <h2>Cite {chosen.length === 1 ? 'this paper' : `${chosen.length} papers`}</h2>
        <StyleChooser styles={styles} onError={setError} preview={false} />
        <section aria-label="Preview" className="cite-preview" aria-busy={!preview}>
          {!preview ? (
            <p className="muted">Formatting…</p>
          ) : (
            <>
              <h3>Citation</h3>
              <p className="cite-citation">{preview.citation}</p>
              <h3>Bibliography</h3>
              {preview.bibliography.map((entry, index) => (
                <p key={index} className="cite-entry">
                  {entry}
                </p>
              ))}
              {items.length > PREVIEW_LIMIT && (
                <p className="muted">
                  The first {PREVIEW_LIMIT} are shown; copying takes all {items.length}.
                </p>
              )}
            </>
          )}
        </section>
        {error && <p role="alert">{error}</p>}
        <div className="dialog-buttons cite-buttons">
          <button type="button" disabled={!preview || styles.busy} onClick={() => void copy('citation', () => formatCitation(items, styled))}>
            Copy citation
          </button>
          <button type="button" disabled={!preview || styles.busy} onClick={() => void copy('bibliography', () => formatBibliography(items, styled).trimEnd())}>
            Copy bibliography
          </button>
          <button type="button" disabled={!loaded} onClick={() => void copy('LaTeX citation', () => latexCite(items))}>
            Copy \cite{'{}'}
          </button>
          <button type="button" disabled={!loaded} onClick={() => void copy('Pandoc citation', () => pandocCite(items))}>
            Copy [@key]
          </button>
          <button type="button" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
      </div>
    </div>
  )
}
