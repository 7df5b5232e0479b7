// The "PDF viewer": one page at a time with page navigation, zoom, fit
// width, find in document (hits marked on the page) and selectable text. It
// reopens a file at the page last read, asks for the password of a protected
// PDF and says what is wrong with a damaged one.
import { useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react'
import type { AttachmentRecord } from '@shared/model'
import { db } from '../../root'
import { readSetting, writeSetting } from '../../library/settings'
import { findPages, pageTexts } from './find-in-pdf'
import { PdfPage } from './PdfPage'
import { usePdfDocument } from './use-pdf-document'
import './pdf.css'

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3]
const lastPageKey = (hash: string): string => `pdf.lastPage.${hash}`

export interface PdfViewerProps {
  attachment: Pick<AttachmentRecord, 'hash' | 'fileName' | 'size'>
  /** open at this page (a full-text hit) instead of the last one read */
  startPage?: number
  startFind?: string
  onClose: () => void
  /** the password that opened a protected PDF, so its text can be extracted too */
  onUnlocked?: (password: string) => void
}

export function PdfViewer({ attachment, startPage, startFind, onClose, onUnlocked }: PdfViewerProps) {
  const titleId = useId()
  const [password, setPassword] = useState<string | undefined>()
  const state = usePdfDocument(attachment, password)
  const [page, setPage] = useState(startPage ?? 1)
  const [zoom, setZoom] = useState<number | 'fit'>('fit')
  const [scale, setScale] = useState(1)
  const [pageError, setPageError] = useState<string | null>(null)
  const [find, setFind] = useState(startFind ?? '')
  const [hits, setHits] = useState<{ page: number; count: number }[] | null>(null)
  const texts = useRef<Promise<string[]> | null>(null)
  const body = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(800)
  const doc = state.kind === 'open' ? state.doc : undefined
  const pageCount = doc?.numPages ?? 0

  useLayoutEffect(() => {
    const measure = (): void => setWidth(body.current?.clientWidth ?? 800)
    measure()
    window.addEventListener('resize', measure)
    return () => window.removeEventListener('resize', measure)
  }, [doc])

  // Back to the page last read (unless a search hit asked for another).
  useEffect(() => {
    if (!doc) return
    texts.current = null
    if (password) onUnlocked?.(password)
    if (startPage) return
    void readSetting<number>(db, lastPageKey(attachment.hash), 1).then(last => setPage(Math.min(Math.max(1, last), doc.numPages)))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc])

  useEffect(() => {
    if (doc) void writeSetting(db, lastPageKey(attachment.hash), page)
  }, [doc, page, attachment.hash])

  useEffect(() => {
    if (doc && startFind) void runFind(startFind)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc])

  const go = (target: number): void => {
    setPageError(null)
    setPage(Math.min(Math.max(1, target), Math.max(1, pageCount)))
  }

  async function runFind(text: string, next = false): Promise<void> {
    if (!doc || !text.trim()) return setHits(null)
    texts.current ??= pageTexts(doc)
    const found = findPages(await texts.current, text)
    setHits(found)
    if (found.length === 0) return
    const after = next ? (found.find(h => h.page > page) ?? found[0]) : (found.find(h => h.page >= page) ?? found[0])
    go(after.page)
  }

  function submitFind(event: FormEvent): void {
    event.preventDefault()
    void runFind(find, hits !== null)
  }

  const zoomBy = (step: number): void => {
    const current = zoom === 'fit' ? scale : zoom
    const index = ZOOMS.findIndex(z => z >= current - 0.01)
    const at = index === -1 ? ZOOMS.length - 1 : index
    setZoom(ZOOMS[Math.min(Math.max(0, at + step), ZOOMS.length - 1)])
  }

  const total = hits?.reduce((sum, h) => sum + h.count, 0) ?? 0
  return (
    <div className="dialog-backdrop pdf-backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby={titleId} className="pdf-viewer" onKeyDown={e => e.key === 'Escape' && onClose()}>
        <header className="pdf-toolbar">
          <h2 id={titleId} className="pdf-title" title={attachment.fileName}>
            PDF viewer — {attachment.fileName}
          </h2>
          {doc && (
            <>
              <button type="button" onClick={() => go(page - 1)} disabled={page <= 1}>
                Previous page
              </button>
              <label className="pdf-page-number">
                Page
                <input type="number" aria-label="Page number" min={1} max={pageCount} value={page} onChange={e => go(Number(e.target.value) || 1)} />
                of {pageCount}
              </label>
              <button type="button" onClick={() => go(page + 1)} disabled={page >= pageCount}>
                Next page
              </button>
              <button type="button" onClick={() => zoomBy(-1)} aria-label="Zoom out">
                −
              </button>
              <span className="pdf-zoom" aria-live="polite">
                {Math.round(scale * 100)}%
              </span>
              <button type="button" onClick={() => zoomBy(1)} aria-label="Zoom in">
                +
              </button>
              <button type="button" onClick={() => setZoom('fit')} aria-pressed={zoom === 'fit'}>
                Fit width
              </button>
              <form role="search" className="pdf-find" onSubmit={submitFind}>
                <input
                  type="search"
                  aria-label="Find in document"
                  placeholder="Find in document"
                  value={find}
                  onChange={e => (setFind(e.target.value), setHits(null))}
                />
                <button type="submit">{hits ? 'Next' : 'Find'}</button>
                {hits && (
                  <span role="status" className="pdf-hits">
                    {total === 0
                      ? 'Not found in this PDF.'
                      : `${total} ${total === 1 ? 'match' : 'matches'} on ${hits.length} ${hits.length === 1 ? 'page' : 'pages'}`}
                  </span>
                )}
              </form>
            </>
          )}
          <button type="button" className="pdf-close" onClick={onClose}>
            Close
          </button>
        </header>
        <div ref={body} className="pdf-body">
          {state.kind === 'loading' && <p className="hint">Opening the PDF…</p>}
          {state.kind === 'error' && <p role="alert">{state.message}</p>}
          {state.kind === 'password' && <PasswordForm wrong={state.wrong} onSubmit={setPassword} onCancel={onClose} />}
          {pageError && <p role="alert">{pageError}</p>}
          {doc && (
            <PdfPage doc={doc} page={page} zoom={zoom} availableWidth={width} find={hits && total ? find : ''} onScale={setScale} onError={setPageError} />
          )}
        </div>
      </div>
    </div>
  )
}

function PasswordForm({ wrong, onSubmit, onCancel }: { wrong: boolean; onSubmit: (password: string) => void; onCancel: () => void }) {
  const [value, setValue] = useState('')
  return (
    <form
      role="dialog"
      aria-label="PDF password"
      className="pdf-password"
      onSubmit={e => {
        e.preventDefault()
        if (value) onSubmit(value)
      }}
    >
      <p role={wrong ? 'alert' : undefined}>{wrong ? 'That password is not correct. Try again.' : 'This PDF is protected by a password.'}</p>
      <label>
        Password
        <input type="password" autoFocus value={value} onChange={e => setValue(e.target.value)} />
      </label>
      <div className="dialog-buttons">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit">Open</button>
      </div>
    </form>
  )
}
