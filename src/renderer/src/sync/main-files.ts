// Main's attachment store as the sync engine sees it: PDFs are read from it to
// be sent, and PDFs fetched from the server are stored in it (by hash).
import type { NeurorefApi } from '@shared/contract'
import { base64ToBytes, bytesToBase64 } from '@shared/base64'
import type { LocalFiles } from './files'

export function mainFiles(api: Pick<NeurorefApi, 'attachments.read' | 'attachments.store' | 'attachments.missing'>): LocalFiles {
  return {
    async read(hash) {
      const read = await api['attachments.read']({ hash })
      if (!read.ok) throw new Error(read.error.message)
      return base64ToBytes(read.value.data)
    },
    async store(bytes, fileName) {
      const stored = await api['attachments.store']({ name: fileName, data: bytesToBase64(bytes) })
      if (!stored.ok) throw new Error(stored.error.message)
    },
    async missing(hashes) {
      const answer = await api['attachments.missing']({ hashes })
      if (!answer.ok) throw new Error(answer.error.message)
      return answer.value.missing
    }
  }
}
