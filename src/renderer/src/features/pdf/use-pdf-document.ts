// Opens one stored PDF in pdf.js: its bytes come from main by hash; a
// protected PDF asks for its password (and again when it was wrong); a
// damaged one says what went wrong. The document is destroyed on close. A PDF
// attached on another computer is fetched from the sync server first.
import { useEffect, useState } from 'react'
import { api, syncEngine } from '../../root'
import { sentenceFor } from '../../messages'
import { base64ToBytes } from '@shared/base64'
import type { PDFDocumentProxy } from './pdfjs'

export type PdfState = { kind: 'loading' } | { kind: 'open'; doc: PDFDocumentProxy } | { kind: 'password'; wrong: boolean } | { kind: 'error'; message: string }

// pdf.js' PasswordResponses.INCORRECT_PASSWORD
const INCORRECT_PASSWORD = 2

export function usePdfDocument({ hash, size }: { hash: string; size: number }, password: string | undefined): PdfState {
  const [state, setState] = useState<PdfState>({ kind: 'loading' })
  useEffect(() => {
    let live = true
    let destroy: (() => void) | undefined
    setState({ kind: 'loading' })
    void (async () => {
      try {
        await syncEngine.fetchIfElsewhere({ hash, size })
      } catch (error) {
        return live && setState({ kind: 'error', message: (error as Error).message })
      }
      const read = await api['attachments.read']({ hash })
      if (!read.ok) return live && setState({ kind: 'error', message: sentenceFor(read.error) })
      const { openPdfDocument } = await import('./pdfjs')
      const task = openPdfDocument(base64ToBytes(read.value.data), password)
      destroy = () => void task.destroy()
      try {
        const doc = await task.promise
        if (live) setState({ kind: 'open', doc })
      } catch (error) {
        if (!live) return
        const { name, message, code } = (error ?? {}) as { name?: string; message?: string; code?: number }
        if (name === 'PasswordException') setState({ kind: 'password', wrong: code === INCORRECT_PASSWORD })
        else setState({ kind: 'error', message: `This PDF cannot be shown: it is damaged (${message ?? String(error)}).` })
      }
    })()
    return () => {
      live = false
      destroy?.()
    }
  }, [hash, size, password])
  return state
}
