// An export reaches the user as a file: the desktop app asks where to save
// it; the web edition hands it to the browser as a download.
import { api } from '../../root'
import { edition } from '../../transport'
import type { Result } from '@shared/result'

/** `content`: text, or a file already made (a large export comes from its worker as one). */
export async function saveExport(fileName: string, content: string | Blob, mimeType: string): Promise<Result<string | null>> {
  if (edition === 'desktop') {
    const text = typeof content === 'string' ? content : await content.text()
    const saved = await api['export.saveFile']({ suggestedName: fileName, content: text })
    return saved.ok ? { ok: true, value: saved.value?.path ?? null } : saved
  }
  downloadBlob(fileName, typeof content === 'string' ? new Blob([content], { type: mimeType }) : content)
  return { ok: true, value: fileName }
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
