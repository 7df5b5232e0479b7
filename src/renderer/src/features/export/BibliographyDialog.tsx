// "Bibliography…": the selected papers as a formatted reference list in a
// citation style, saved as plain text, HTML or RTF (Word, LibreOffice).
import { useNotify } from '../../components/notify'
import { useEffect, useState, type FormEvent } from 'react'
import type { LightItem } from '@shared/model'
import { FILE_TYPES, type StyledOutput } from '@shared/export/file-types'
import { sentenceFor, problemText } from '../../messages'
import { StyleChooser, useCitationStyles } from '../cite'
import { makeBibliographyFile, warmBibliographyStyle } from './bibliography-client'
import { saveExport } from './save-export'

const OUTPUTS: { value: StyledOutput; label: string }[] = [
  { value: 'text', label: 'Plain text' },
  { value: 'html', label: 'HTML' },
  { value: 'rtf', label: 'RTF (Word)' }
]

export function BibliographyDialog({ items, onClose }: { items: readonly LightItem[]; onClose: () => void }) {
  const notify = useNotify()
  const styles = useCitationStyles()
  const [output, setOutput] = useState<StyledOutput>('text')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const style = styles.style
  const styleId = style?.id
  const lang = styles.lang

  // The style's engine is built in the worker while the researcher picks a format.
  useEffect(() => {
    if (styleId) warmBibliographyStyle(styleId, lang)
  }, [styleId, lang])

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (!style) return
    setSaving(true)
    try {
      const type = FILE_TYPES[output]
      // Ids only: the worker reads the papers' rows, so the window neither reads nor copies them.
      const content = await makeBibliographyFile(
        items.map(item => item.id),
        { style: style.id, output, lang },
        (done, total) => setProgress({ done, total })
      )
      const saved = await saveExport(`bibliography.${type.extension}`, content, `${type.mimeType};charset=utf-8`)
      if (!saved.ok) return setError(sentenceFor(saved.error))
      onClose()
      if (saved.value)
        notify({
          kind: 'info',
          text: `Exported the bibliography of ${items.length} ${items.length === 1 ? 'paper' : 'papers'} (${style.label}, ${type.label}).`
        })
    } catch (failure) {
      setError(`The bibliography could not be made: ${problemText(failure)}`)
    } finally {
      setSaving(false)
      setProgress(null)
    }
  }

  return (
    <div className="dialog-backdrop" onKeyDown={e => e.key === 'Escape' && onClose()}>
      <form role="dialog" aria-modal="true" aria-label="Bibliography" className="dialog" onSubmit={e => void save(e)}>
        <h2>Bibliography of {items.length === 1 ? 'one paper' : `${items.length} papers`}</h2>
        <StyleChooser styles={styles} onError={setError} />
        <fieldset className="bibliography-output">
          <legend>Format</legend>
          {OUTPUTS.map(option => (
            <label key={option.value}>
              <input type="radio" name="bibliography-output" value={option.value} checked={output === option.value} onChange={() => setOutput(option.value)} />
              {option.label}
            </label>
          ))}
        </fieldset>
        {error && <p role="alert">{error}</p>}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" disabled={!style || saving || styles.busy}>
            {saving ? formatting(progress) : 'Save bibliography'}
          </button>
        </div>
      </form>
    </div>
  )
}

function formatting(progress: { done: number; total: number } | null): string {
  if (!progress || progress.done >= progress.total) return 'Formatting…'
  return `Formatting ${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')}…`
}
