// "Citation style": the bundled styles, then the researcher's own, and
// "Add style…" to bring in a .csl file from citationstyles.org or Zotero.
import type { ChangeEvent } from 'react'
import type { CitationStyles } from './use-citation-styles'
import './cite.css'

export function StylePicker({ styles, onError }: { styles: CitationStyles; onError: (text: string | null) => void }) {
  const bundled = styles.styles.filter(style => !style.custom)
  const own = styles.styles.filter(style => style.custom)

  async function add(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const input = event.currentTarget
    const file = input.files?.[0]
    input.value = ''
    if (file) onError(await styles.addFile(file))
  }

  return (
    <div className="style-picker">
      <label>
        Citation style
        <select value={styles.chosen ?? ''} onChange={e => styles.choose(e.target.value)} disabled={styles.chosen === null}>
          <optgroup label="Bundled styles">
            {bundled.map(style => (
              <option key={style.id} value={style.id}>
                {style.label}
              </option>
            ))}
          </optgroup>
          {own.length > 0 && (
            <optgroup label="Your styles">
              {own.map(style => (
                <option key={style.id} value={style.id}>
                  {style.label}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <label className="file-button">
        Add style…
        <input type="file" accept=".csl,application/vnd.citationstyles.style+xml" className="visually-hidden" onChange={e => void add(e)} />
      </label>
    </div>
  )
}
