// "Format manuscript…": choose a .docx/.odt and a style, review every citation
// that does not resolve (with its sentence), settle each, then the formatted
// copy is written as a new file. Nothing is written before the confirmation.
import { useNotify } from '../../components/notify'
import { useState, type FormEvent } from 'react'
import type { Identifier } from '../../../../shared/identifiers'
import { formatManuscript, reviewManuscript, type Choices, type ManuscriptFile, type Problem } from '../../../../shared/manuscript/manuscript'
import { ServiceError } from '../../../../shared/result'
import { sentenceFor } from '../../messages'
import { StylePicker, useCitationStyles } from '../cite'
import { addIdentifiers } from '../import'
import './manuscript.css'
import { deliverManuscript, libraryPapers, MANUSCRIPT_ACCEPT, readManuscript } from './manuscript-actions'

interface Opened {
  file: ManuscriptFile
  citations: number
  papers: number
  problems: Problem[]
}

const choiceKey = (problem: Problem) => `${problem.citationId}/${problem.itemIndex}`

export function FormatManuscriptDialog({ onClose }: { onClose: () => void }) {
  const notify = useNotify()
  const styles = useCitationStyles()
  const [opened, setOpened] = useState<Opened | null>(null)
  const [choices, setChoices] = useState<Choices>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const style = styles.styles.find(s => s.id === styles.chosen)
  const unsettled = opened?.problems.filter(problem => !(problem.kind === 'ambiguous' && choices[choiceKey(problem)])) ?? []

  async function review(file: ManuscriptFile): Promise<void> {
    const result = reviewManuscript(file, await libraryPapers(), choices)
    setOpened({ file, ...result })
  }

  async function choose(input: HTMLInputElement): Promise<void> {
    const chosen = input.files?.[0]
    input.value = ''
    if (!chosen) return
    setError(null)
    setOpened(null)
    setChoices({})
    const read = await readManuscript(chosen)
    if ('error' in read) return setError(`${read.error} Nothing was written.`)
    await review(read.file)
  }

  async function lookUp(identifier: Identifier): Promise<void> {
    if (!opened) return
    setBusy(true)
    try {
      const summary = await addIdentifiers([identifier])
      const [outcome] = summary.outcomes
      if (outcome?.status === 'failed') setError(`${identifier.kind.toUpperCase()} ${identifier.value} could not be looked up: ${sentenceFor(outcome.error)}`)
      await review(opened.file)
    } finally {
      setBusy(false)
    }
  }

  async function format(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (!opened || !style || unsettled.length) return
    setBusy(true)
    try {
      const out = formatManuscript(opened.file, await libraryPapers(), style.id, { choices })
      deliverManuscript(out.fileName, out.bytes, out.mimeType)
      onClose()
      notify({
        kind: 'info',
        text: `Formatted ${out.citations} ${out.citations === 1 ? 'citation' : 'citations'} of ${out.papers} ${out.papers === 1 ? 'paper' : 'papers'} in ${style.label}: ${out.fileName}`
      })
    } catch (failure) {
      setError(failure instanceof ServiceError ? failure.message : `The manuscript could not be formatted: ${String(failure)}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="dialog-backdrop" onKeyDown={e => e.key === 'Escape' && onClose()}>
      <form role="dialog" aria-modal="true" aria-label="Format manuscript" className="dialog manuscript-dialog" onSubmit={e => void format(e)}>
        <h2>Format manuscript</h2>
        <label className="file-button">
          Choose a document (.docx, .odt)
          <input type="file" aria-label="Manuscript document" accept={MANUSCRIPT_ACCEPT} onChange={e => void choose(e.currentTarget)} />
        </label>
        {opened && (
          <p role="status">
            {opened.file.name}: {opened.citations} {opened.citations === 1 ? 'citation' : 'citations'} of {opened.papers}{' '}
            {opened.papers === 1 ? 'paper' : 'papers'}
            {opened.problems.length ? `, ${opened.problems.length} to settle` : ', all found'}.
          </p>
        )}
        {opened && opened.problems.length > 0 && (
          <ul className="manuscript-problems" aria-label="Citations to settle">
            {opened.problems.map(problem => (
              <li key={choiceKey(problem)}>
                <strong>{problem.message}</strong>
                <q>{problem.sentence}</q>
                {problem.kind === 'ambiguous' && (
                  <select
                    aria-label={`Paper for ${problem.marker}`}
                    value={choices[choiceKey(problem)] ?? ''}
                    onChange={e => setChoices({ ...choices, [choiceKey(problem)]: e.target.value })}
                  >
                    <option value="">Choose the paper…</option>
                    {problem.candidates?.map(candidate => (
                      <option key={candidate.id} value={candidate.id}>
                        {candidate.label}
                      </option>
                    ))}
                  </select>
                )}
                {problem.identifier && (
                  <button type="button" disabled={busy} onClick={() => void lookUp(problem.identifier!)}>
                    Look up and add
                  </button>
                )}
                {(problem.kind === 'unknown-key' || problem.kind === 'no-match') && (
                  <span>Correct the marker in the document, or add the paper to the library, then choose the document again.</span>
                )}
              </li>
            ))}
          </ul>
        )}
        <StylePicker styles={styles} onError={setError} />
        {error && <p role="alert">{error}</p>}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" disabled={!opened || !style || busy || unsettled.length > 0}>
            {busy ? 'Formatting…' : 'Format and save a copy'}
          </button>
        </div>
      </form>
    </div>
  )
}
