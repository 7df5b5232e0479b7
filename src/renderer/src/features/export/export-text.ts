// A data export (BibTeX, RIS, CSL-JSON…) of many papers is written in a
// worker from the library's own rows: serialising 100,000 papers takes
// seconds, and the window keeps answering meanwhile (the same path for a few
// papers: one path, tested by every export).
import { exportItems, type DataFormat } from '@shared/export/formats'
import { db } from '../../root'
import { fullItems } from '../../library/queries'

export interface ExportRequest {
  dbName: string
  ids: string[]
  format: DataFormat
}

export type ExportReply = { ok: true; text: string } | { ok: false; message: string }

/** The papers with these ids, exported from their stored rows (never the window's light copies). */
export async function exportText(ids: readonly string[], format: DataFormat): Promise<string> {
  if (typeof Worker === 'undefined') return exportItems(await fullItems(db, ids), format)
  return await new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'export' })
    worker.onmessage = (event: MessageEvent<ExportReply>) => {
      worker.terminate()
      if (event.data.ok) resolve(event.data.text)
      else reject(new Error(event.data.message))
    }
    worker.onerror = event => {
      event.preventDefault()
      worker.terminate()
      reject(new Error(event.message || 'the export stopped unexpectedly'))
    }
    // Ids, not papers: the worker reads the full rows itself, and the window copies nothing large.
    worker.postMessage({ dbName: db.name, ids: [...ids], format } satisfies ExportRequest)
  })
}
