// "Copy to": this paper into another library (the researcher's own or a lab
// library); the copy keeps the paper's fields (library/copy-papers.ts).
import { useState } from 'react'
import type { Item } from '@shared/model'
import { db, library } from '../../root'
import { dexieNameOf, labLibraries } from '../../open-library'
import { copyPapers } from '../../library/copy-papers'
import { openLibrary } from '../../library/schema'
import { useNotify } from '../../components/notify'

export function CopyToLibrary({ item }: { item: Item }) {
  const notify = useNotify()
  const targets = [
    ...(library.kind === 'lab' ? [{ database: '', name: 'My library' }] : []),
    ...labLibraries().filter(lab => library.kind !== 'lab' || lab.database !== library.database)
  ]
  const [target, setTarget] = useState(targets[0]?.database)
  if (targets.length === 0 || target === undefined) return null
  const copy = async (): Promise<void> => {
    const other = openLibrary(dexieNameOf(target || undefined))
    try {
      const { copied } = await copyPapers(db, other, [item.id])
      const name = targets.find(t => t.database === target)?.name ?? 'the other library'
      notify({ kind: 'info', text: copied ? `Copied to “${name}”.` : `“${name}” has this paper already.` })
    } catch (error) {
      notify({ kind: 'error', text: `The paper could not be copied: ${error instanceof Error ? error.message : String(error)}` })
    } finally {
      other.close()
    }
  }
  return (
    <p className="copy-to-library">
      <select aria-label="Copy to library" value={target} onChange={e => setTarget(e.target.value)}>
        {targets.map(t => (
          <option key={t.database} value={t.database}>
            {t.name}
          </option>
        ))}
      </select>
      <button type="button" className="small" onClick={() => void copy()}>
        Copy
      </button>
    </p>
  )
}
