// The item pane's "PDFs" section: the files attached to the paper (open in the
// viewer, show in the file manager, open in the system viewer or download),
// "Attach PDF…" and drops (each fetches a PDF from the sync server first when
// only its record came to this computer), "Find available PDF", where a search hit stands
// ("found on page 4"), and the "Needs metadata" form for items made from a PDF.
import { useNotify } from '../../components/notify'
import { useSyncExternalStore, useState, type DragEvent } from 'react'
import type { AttachmentRecord, Item } from '@shared/model'
import type { FullText } from '../../library/schema'
import type { Message } from '../../components/StatusMessage'
import { sentenceFor } from '../../messages'
import { api, store, syncEngine, useLibraryQuery, useLibraryVersion } from '../../root'
import { attachmentsOf, fullTextsOf } from '../../library/attachments'
import { attachFilesToItem, droppedPdfs, findAndAttachFreePdf } from './attach-files'
import { base64ToBytes } from '@shared/base64'
import { NeedsMetadata } from './NeedsMetadata'
import { needsMetadata } from './needs-metadata'
import { canUseSystemFiles, extractionQueue } from './pdf-context'
import { PdfViewer } from './PdfViewer'
import './pdf.css'

export interface PdfAttachmentsProps {
  item: Item
  /** the library search, to say on which page of a PDF it was found */
  search?: string
}

const NO_FILES: AttachmentRecord[] = []
const NO_TEXTS: FullText[] = []

const sizeLabel = (bytes: number): string => (bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`)

export function PdfAttachments({ item, search = '' }: PdfAttachmentsProps) {
  const notify = useNotify()
  useLibraryVersion()
  const files = useLibraryQuery(db => attachmentsOf(db, item.id), [item.id], NO_FILES)
  const texts = useLibraryQuery(db => fullTextsOf(db, item.id), [item.id], NO_TEXTS)
  useSyncExternalStore(extractionQueue.subscribe, extractionQueue.getProgress)
  const [viewing, setViewing] = useState<{ file: AttachmentRecord; page?: number } | null>(null)
  const [busy, setBusy] = useState(false)
  const [dragging, setDragging] = useState(false)
  const hits = search.trim() ? store.fullText.pagesMatching(item.id, search) : []

  async function run(work: () => Promise<Message>): Promise<void> {
    setBusy(true)
    try {
      notify(await work())
    } finally {
      setBusy(false)
    }
  }

  /** The PDF's bytes here: fetched from the sync server when only its record came; false (and said why) when they could not be. */
  async function bytesHere(file: AttachmentRecord): Promise<boolean> {
    try {
      await syncEngine.fetchIfElsewhere(file)
      return true
    } catch (error) {
      notify({ kind: 'error', text: (error as Error).message })
      return false
    }
  }

  async function call(channel: 'attachments.show' | 'attachments.open', file: AttachmentRecord): Promise<void> {
    if (!(await bytesHere(file))) return
    const result = await api[channel]({ hash: file.hash })
    if (!result.ok) notify({ kind: 'error', text: sentenceFor(result.error) })
  }

  async function download(file: AttachmentRecord): Promise<void> {
    if (!(await bytesHere(file))) return
    const read = await api['attachments.read']({ hash: file.hash })
    if (!read.ok) return notify({ kind: 'error', text: sentenceFor(read.error) })
    const url = URL.createObjectURL(new Blob([base64ToBytes(read.value.data) as BlobPart], { type: 'application/pdf' }))
    const link = Object.assign(document.createElement('a'), { href: url, download: file.fileName })
    link.click()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }

  function drop(event: DragEvent): void {
    const pdfs = droppedPdfs(event.dataTransfer)
    setDragging(false)
    if (pdfs.length === 0) return
    event.preventDefault()
    event.stopPropagation() // a drop here attaches: the window must not make new items of it
    void run(() => attachFilesToItem(item.id, pdfs))
  }

  return (
    <section
      aria-label="PDFs"
      className={`pdf-attachments${dragging ? ' dragging' : ''}`}
      onDragOver={e => {
        if (!e.dataTransfer.types.includes('Files')) return
        e.preventDefault()
        setDragging(true)
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      <h3>PDFs</h3>
      {needsMetadata(item) && <NeedsMetadata item={item} />}
      {files.length === 0 && <p className="hint">No PDF yet. Drop one here or use “Attach PDF…”.</p>}
      <ul>
        {files.map(file => {
          const text = texts.find(t => t.attachmentId === file.id)
          const problem = extractionQueue.problems.get(file.id)
          const pages = hits.filter(h => h.attachmentId === file.id).map(h => h.page)
          return (
            <li key={file.id} aria-label={file.fileName}>
              <span className="pdf-file-name">{file.fileName}</span> <span className="hint">{sizeLabel(file.size)}</span>
              {text && !text.hasTextLayer && <span className="pdf-badge">No text layer</span>}
              {file.size > syncEngine.pdfOptions.limitMB * 1024 * 1024 && syncEngine.status.state !== 'off' && (
                <span className="pdf-badge">Not synced: over {syncEngine.pdfOptions.limitMB} MB, it stays on this computer</span>
              )}
              {problem && (
                <span className="pdf-badge" title={problem.message}>
                  {problem.code === 'PASSWORD_REQUIRED' ? 'Password protected' : 'Text not readable'}
                </span>
              )}
              {pages.length > 0 && (
                <p className="pdf-found">
                  Found on {pages.length === 1 ? 'page' : 'pages'} {pages.slice(0, 8).join(', ')}
                  {pages.length > 8 ? '…' : ''}{' '}
                  <button type="button" className="link-button" onClick={() => setViewing({ file, page: pages[0] })}>
                    Show page {pages[0]}
                  </button>
                </p>
              )}
              <div className="pdf-file-actions">
                <button type="button" className="small" onClick={() => setViewing({ file })}>
                  Open PDF
                </button>
                {canUseSystemFiles ? (
                  <>
                    <button type="button" className="small" onClick={() => void call('attachments.show', file)}>
                      Show file
                    </button>
                    <button type="button" className="small" onClick={() => void call('attachments.open', file)}>
                      Open in system viewer
                    </button>
                  </>
                ) : (
                  <button type="button" className="small" onClick={() => void download(file)}>
                    Download PDF
                  </button>
                )}
              </div>
            </li>
          )
        })}
      </ul>
      <div className="pdf-file-actions">
        <label className="file-button">
          Attach PDF…
          <input
            type="file"
            aria-label="Attach PDF…"
            accept=".pdf,application/pdf"
            multiple
            disabled={busy}
            onChange={e => {
              const chosen = [...(e.target.files ?? [])]
              e.target.value = ''
              if (chosen.length) void run(() => attachFilesToItem(item.id, chosen))
            }}
          />
        </label>
        {(item.doi || item.pmcid) && (
          <button type="button" disabled={busy} onClick={() => void run(() => findAndAttachFreePdf(item.id, { doi: item.doi, pmcid: item.pmcid }))}>
            {busy ? 'Looking…' : 'Find available PDF'}
          </button>
        )}
      </div>
      {viewing && (
        <PdfViewer
          key={`${viewing.file.id}-${viewing.page ?? ''}`}
          attachment={viewing.file}
          startPage={viewing.page}
          startFind={viewing.page ? search : undefined}
          onClose={() => setViewing(null)}
          onUnlocked={password => {
            if (!texts.some(t => t.attachmentId === viewing.file.id)) void extractionQueue.add([viewing.file], password)
          }}
        />
      )}
    </section>
  )
}
