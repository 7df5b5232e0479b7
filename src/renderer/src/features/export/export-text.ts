// A data export (BibTeX, RIS, CSL-JSON…) of many papers is written in a
// worker from the library's own rows: serialising 100,000 papers takes
// seconds, and the window keeps answering meanwhile (the same path for a few
// papers: one path, tested by every export). The worker hands back the file
// itself, a Blob: receiving a 40 MB string and encoding it into a Blob took
// the window over 2 s for 20,000 papers, and even transferred bytes cost it
// ≈ 0.5 s to copy into a Blob under load; a Blob crosses as a handle.
import { FILE_TYPES, type DataFormat } from '@shared/export/file-types'
import { db } from '../../root'
import { fullItems } from '../../library/queries'
import { answerOf, type WorkerAnswer } from '../../worker-answer'

export interface ExportRequest {
  dbName: string
  ids: string[]
  format: DataFormat
}

export type ExportReply = WorkerAnswer<{ file: Blob }>

/** The papers with these ids, exported from their stored rows (never the window's light copies). */
export async function exportFile(ids: readonly string[], format: DataFormat): Promise<Blob> {
  const type = FILE_TYPES[format].mimeType
  if (typeof Worker === 'undefined') {
    // the writers (citation-js) are not part of the window's first script
    const { exportItems } = await import('@shared/export/formats')
    return new Blob([exportItems(await fullItems(db, ids), format)], { type })
  }
  const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'export' })
  // Ids, not papers: the worker reads the full rows itself, and the window copies nothing large.
  const answer = await answerOf<{ file: Blob }>(worker, { dbName: db.name, ids: [...ids], format } satisfies ExportRequest, 'the export stopped unexpectedly')
  return answer.file
}
