// "Auto-export" in Settings: .bib files Neuroref keeps up to date with a
// collection (or the whole library), when each was last written, what went
// wrong, and Remove. Desktop picks the file in a save dialog; the web edition
// takes a typed path, which main checks.
import { useCallback, useEffect, useState, type KeyboardEvent } from 'react'
import type { AutoExportAdded, AutoExportTarget } from '@shared/contract'
import { api, autoExporter, db } from '../../root'
import { edition } from '../../transport'
import { sentenceFor } from '../../messages'
import { useCollections } from '../collections'
import { readBindings, updateBindings, type Bindings } from './bindings'
import './autoexport.css'

const WHOLE_LIBRARY = ''

export function AutoExportSection() {
  const collections = useCollections() ?? []
  const [targets, setTargets] = useState<AutoExportTarget[]>([])
  const [bindings, setBindings] = useState<Bindings>({})
  const [collectionId, setCollectionId] = useState(WHOLE_LIBRARY)
  const [path, setPath] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // A file that already exists: Neuroref asks before it replaces it.
  const [existing, setExisting] = useState<Extract<AutoExportAdded, { existing: unknown }>['existing'] | null>(null)

  const reload = useCallback(async () => {
    const [listed, bound] = await Promise.all([api['autoexport.list'](), readBindings(db)])
    if (listed.ok) setTargets(listed.value)
    else setError(sentenceFor(listed.error))
    setBindings(bound)
  }, [])
  useEffect(() => {
    void reload()
    return autoExporter.subscribe(() => void reload())
  }, [reload])

  async function add(replaceExisting?: string): Promise<void> {
    setError(null)
    setExisting(null)
    if (edition === 'web' && !path.trim()) return setError('Type the full path of the .bib file to keep up to date.')
    setBusy(true)
    try {
      const chosen = collections.find(c => c.id === collectionId)
      const where = edition === 'web' ? { path: path.trim() } : { suggestedName: `${chosen?.name ?? 'library'}.bib` }
      const added = await api['autoexport.addTarget']({ ...where, replaceExisting })
      if (!added.ok) return setError(sentenceFor(added.error))
      if (!added.value) return // the save dialog was cancelled
      if ('existing' in added.value) return setExisting(added.value.existing)
      const id = added.value.id
      await updateBindings(db, all => void (all[id] = { collectionId: chosen ? chosen.id : null }))
      autoExporter.forget(id)
      setPath('')
      await autoExporter.runNow(true)
      await reload()
    } finally {
      setBusy(false)
    }
  }

  async function remove(target: AutoExportTarget): Promise<void> {
    setError(null)
    const removed = await api['autoexport.remove']({ id: target.id })
    if (!removed.ok && removed.error.code !== 'NOT_FOUND') return setError(sentenceFor(removed.error))
    await updateBindings(db, all => void delete all[target.id])
    autoExporter.forget(target.id)
    await reload()
  }

  // The section sits inside the Settings form: Enter adds the file instead of saving Settings.
  const onPathKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key !== 'Enter') return
    event.preventDefault()
    void add()
  }

  const boundTo = (id: string): string => {
    const binding = bindings[id]
    if (!binding) return 'Not bound to this library'
    if (binding.collectionId === null) return 'Whole library'
    const collection = collections.find(c => c.id === binding.collectionId)
    return collection ? `Collection “${collection.name}”` : 'A deleted collection'
  }

  return (
    <section className="autoexport" aria-labelledby="autoexport-heading">
      <h3 id="autoexport-heading">Auto-export</h3>
      <p className="muted">Neuroref rewrites these .bib files within two seconds of any change to their papers, so LaTeX always cites the current library.</p>
      {targets.length > 0 && (
        <ul className="autoexport-list" aria-label="Auto-export files">
          {targets.map(target => {
            const problem = autoExporter.problems.get(target.id) ?? target.lastError
            return (
              <li key={target.id}>
                <div className="autoexport-path">{target.path}</div>
                <div className="muted">{boundTo(target.id)}</div>
                <div>{target.lastWrittenAt ? `Last written ${new Date(target.lastWrittenAt).toLocaleString()}` : 'Not written yet'}</div>
                {problem && <div className="autoexport-error">Last error: {problem}</div>}
                <button type="button" className="small" aria-label={`Remove auto-export to ${target.path}`} onClick={() => void remove(target)}>
                  Remove
                </button>
              </li>
            )
          })}
        </ul>
      )}
      <label>
        Papers to export
        <select value={collectionId} onChange={e => setCollectionId(e.target.value)}>
          <option value={WHOLE_LIBRARY}>Whole library</option>
          {collections.map(c => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      {edition === 'web' && (
        <label>
          .bib file path
          <input value={path} onChange={e => setPath(e.target.value)} onKeyDown={onPathKey} placeholder="/home/you/paper/references.bib" spellCheck={false} />
        </label>
      )}
      <div>
        <button type="button" disabled={busy} onClick={() => void add()}>
          {edition === 'web' ? 'Add auto-export' : 'Choose .bib file…'}
        </button>
      </div>
      {existing && (
        <div role="alertdialog" aria-label="Replace an existing file?" className="autoexport-confirm">
          <p>
            {existing.path} already exists ({Math.max(1, Math.round(existing.size / 1024))} KB, changed {new Date(existing.modifiedAt).toLocaleString()}).
            Neuroref would replace it with the exported papers and rewrite it on every change. A copy of the current file is kept beside it as{' '}
            {baseName(existing.path)}.bak.
          </p>
          <button type="button" disabled={busy} onClick={() => void add(existing.path)}>
            Replace {baseName(existing.path)}
          </button>{' '}
          <button type="button" onClick={() => setExisting(null)}>
            Keep it, choose another file
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="autoexport-error">
          {error}
        </p>
      )}
    </section>
  )
}

const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path
