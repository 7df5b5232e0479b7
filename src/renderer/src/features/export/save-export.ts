// An export reaches the user as a file: the desktop app asks where to save
// it; the web edition hands it to the browser as a download. A file already
// made (a data export comes from its worker as a Blob) goes to the desktop in
// pieces of a few million characters: the whole library as one string was
// one long task to read and one IPC message, past main's limit at 100,000
// papers.
import { api } from '../../root'
import { edition } from '../../transport'
import { orThrow, ServiceError, type Result } from '@shared/result'
import { textOfFile } from '../../library/backup-lines'

/** Characters sent to main at a time. */
const PIECE_CHARS = 4_000_000

/** `content`: text, or a file already made (a large export comes from its worker as one). */
export async function saveExport(fileName: string, content: string | Blob, mimeType: string): Promise<Result<string | null>> {
  if (edition === 'desktop') {
    if (typeof content !== 'string') return savePieces(fileName, content)
    const saved = await api['export.saveFile']({ suggestedName: fileName, content })
    return saved.ok ? { ok: true, value: saved.value?.path ?? null } : saved
  }
  downloadBlob(fileName, typeof content === 'string' ? new Blob([content], { type: mimeType }) : content)
  return { ok: true, value: fileName }
}

/** Desktop: the save dialog, then the file's text in pieces; the file appears whole at the end, or not at all. */
async function savePieces(fileName: string, file: Blob): Promise<Result<string | null>> {
  const begun = await api['export.begin']({ suggestedName: fileName })
  if (!begun.ok || !begun.value) return begun.ok ? { ok: true, value: null } : begun
  const { id } = begun.value
  try {
    let piece = ''
    for await (const text of textOfFile(file)) {
      piece += text
      if (piece.length < PIECE_CHARS) continue
      orThrow(await api['export.append']({ id, text: piece }))
      piece = ''
    }
    if (piece) orThrow(await api['export.append']({ id, text: piece }))
    return { ok: true, value: orThrow(await api['export.finish']({ id })).path }
  } catch (error) {
    await api['export.abort']({ id })
    return error instanceof ServiceError
      ? { ok: false, error: { code: error.code, message: error.message } }
      : { ok: false, error: { code: 'IO', message: String(error) } }
  }
}

/** Hands a file to the browser as a download. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
