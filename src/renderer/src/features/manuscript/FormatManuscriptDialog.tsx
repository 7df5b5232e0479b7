// "Format manuscript…": choose a .docx/.odt and a style, review every citation
// that does not resolve (with its sentence), settle each, then the formatted
// copy is written as a new file. Nothing is written before the confirmation.
import { useNotify } from '../../components/notify'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { Identifier } from '@shared/identifiers'
import type { Choices, FormatProgress, Problem } from '@shared/manuscript/manuscript'
import { ServiceError } from '@shared/result'
import { sentenceFor } from '../../messages'
import { StyleChooser, useCitationStyles } from '../cite'
import { addIdentifiers } from '../import'
import './manuscript.css'
import { documentStyleOf, type DocumentStyle } from './document-style'
import { MANUSCRIPT_ACCEPT } from './manuscript-files'
import { chooseOnDesktop, deliverManuscript, libraryPapers, opensFromDesktop, readManuscript } from './manuscript-actions'
import { formatManuscriptFile, reviewManuscriptFile, warmManuscriptStyle, type Formatting, type OpenedManuscript } from './manuscript-client'

interface Opened {
  doc: OpenedManuscript
  /** desktop: main's id for the document's folder, where the copy is saved */
  desktopId?: string
  /** the style Zotero's preferences in the document name, when Neuroref has it */
  documentStyle?: DocumentStyle
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
  const [progress, setProgress] = useState<FormatProgress | null>(null)
  const formatting = useRef<Formatting | null>(null)
  const style = styles.styles.find(s => s.id === styles.chosen)
  // the style (and language) Zotero's preferences in the document name: pre-selected when Neuroref has it,
  // and formatted in the document's language while that style stays chosen
  const named = opened?.doc.documentStyle
  const documentStyle = opened?.documentStyle
  const lang = documentStyle?.locale && documentStyle.id === style?.id ? documentStyle.locale : styles.lang
  // once a document is open, the style's citeproc engine is built in the worker while the researcher reviews
  // (not before: the worker does one thing at a time, and reading the document comes first)
  const hasDocument = opened !== null
  useEffect(() => {
    if (style && hasDocument) warmManuscriptStyle(style.id, lang)
  }, [style, hasDocument, lang])
  const unsettled = opened?.problems.filter(problem => !(problem.kind === 'ambiguous' && choices[choiceKey(problem)])) ?? []

  async function review(doc: OpenedManuscript, desktopId: string | undefined, documentStyle: DocumentStyle | undefined): Promise<void> {
    const result = await reviewManuscriptFile(doc, await libraryPapers(), choices)
    setOpened({ doc, desktopId, documentStyle, ...result })
  }

  async function choose(input: HTMLInputElement): Promise<void> {
    const chosen = input.files?.[0]
    input.value = ''
    if (chosen) await start(chosen)
  }

  async function chooseDesktopFile(): Promise<void> {
    const picked = await chooseOnDesktop()
    if (!picked) return
    if ('error' in picked) return setError(picked.error)
    await start(picked.file, picked.desktopId)
  }

  async function start(chosen: File, desktopId?: string): Promise<void> {
    setError(null)
    setOpened(null)
    setChoices({})
    const read = await readManuscript(chosen)
    if ('error' in read) return setError(`${read.error} Nothing was written.`)
    const documentStyle = await documentStyleOf(read.doc, true)
    if (documentStyle) styles.choose(documentStyle.id)
    await review(read.doc, desktopId, documentStyle)
  }

  async function lookUp(identifier: Identifier): Promise<void> {
    if (!opened) return
    setBusy(true)
    try {
      const summary = await addIdentifiers([identifier])
      const [outcome] = summary.outcomes
      if (outcome?.status === 'failed') setError(`${identifier.kind.toUpperCase()} ${identifier.value} could not be looked up: ${sentenceFor(outcome.error)}`)
      await review(opened.doc, opened.desktopId, opened.documentStyle)
    } finally {
      setBusy(false)
    }
  }

  async function format(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (!opened || !style || unsettled.length) return
    setBusy(true)
    setError(null)
    try {
      formatting.current = formatManuscriptFile(opened.doc, await libraryPapers(), style.id, { choices, lang }, setProgress)
      const out = await formatting.current.done
      const where = await deliverManuscript(out, opened.desktopId)
      onClose()
      notify({
        kind: 'info',
        text: `Formatted ${out.citations} ${out.citations === 1 ? 'citation' : 'citations'} of ${out.papers} ${out.papers === 1 ? 'paper' : 'papers'} in ${style.label}: ${where}`
      })
    } catch (failure) {
      setError(failure instanceof ServiceError ? failure.message : `The manuscript could not be formatted: ${String(failure)}`)
    } finally {
      formatting.current = null
      setProgress(null)
      setBusy(false)
    }
  }

  /** Cancel stops a formatting under way (the dialog stays); otherwise it closes the dialog. */
  function cancel(): void {
    if (formatting.current) formatting.current.cancel()
    else onClose()
  }

  return (
    <div className="dialog-backdrop" onKeyDown={e => e.key === 'Escape' && cancel()}>
      <form role="dialog" aria-modal="true" aria-label="Format manuscript" className="dialog manuscript-dialog" onSubmit={e => void format(e)}>
        <h2>Format manuscript</h2>
        {opensFromDesktop ? (
          <button type="button" onClick={() => void chooseDesktopFile()}>
            Choose a document (.docx, .odt)…
          </button>
        ) : (
          <label className="file-button">
            Choose a document (.docx, .odt)
            <input type="file" aria-label="Manuscript document" accept={MANUSCRIPT_ACCEPT} onChange={e => void choose(e.currentTarget)} />
          </label>
        )}
        {opened && (
          <p role="status">
            {opened.doc.name}: {opened.citations} {opened.citations === 1 ? 'citation' : 'citations'} of {opened.papers}{' '}
            {opened.papers === 1 ? 'paper' : 'papers'}
            {opened.problems.length ? `, ${opened.problems.length} to settle` : ', all found'}.
          </p>
        )}
        {named && (
          <p className="manuscript-document-style">
            {documentStyle
              ? `The document is cited in ${documentStyle.label}${named.locale ? ` (${named.locale})` : ''}: chosen below.`
              : `The document is cited in a style Neuroref does not have (${named.cslId}): choose one below.`}
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
        <StyleChooser styles={styles} onError={setError} />
        {progress && <FormatProgressBar progress={progress} />}
        {error && <p role="alert">{error}</p>}
        <div className="dialog-buttons">
          <button type="button" onClick={cancel}>
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

function FormatProgressBar({ progress }: { progress: FormatProgress }) {
  const text = progress.stage === 'citations' ? `Formatting citation ${progress.done} of ${progress.total}…` : 'Writing the new document…'
  return (
    <div className="manuscript-progress">
      <progress
        aria-label="Formatting progress"
        max={progress.stage === 'citations' ? progress.total : 1}
        value={progress.stage === 'citations' ? progress.done : 1}
      />
      <span>{text}</span>
    </div>
  )
}
