// Attaching files to an existing item ("Attach PDF…", a drop on the item
// pane or on its row), and attaching a free PDF found for it.
import type { NeurorefApi } from '@shared/contract'
import type { Message } from '../../components/StatusMessage'
import { sentenceFor } from '../../messages'
import { api, db } from '../../root'
import { attachStoredFile } from '../../library/attachments'
import { extractionQueue } from './pdf-context'
import { storePdf } from './pdf-to-item'

export async function attachFilesToItem(itemId: string, files: File[]): Promise<Message> {
  const lines: string[] = []
  let attached = 0
  for (const file of files) {
    const saved = await storePdf(api, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })
    if (!saved.ok) {
      lines.push(`${file.name}: ${sentenceFor(saved.error)} Nothing was attached.`)
      continue
    }
    const { record, added } = await attachStoredFile(db, itemId, saved.stored)
    if (added) {
      attached++
      void extractionQueue.add([record])
    } else lines.push(`${saved.stored.fileName} is already attached to this paper.`)
  }
  if (files.length === 1 && lines.length === 1) return { kind: attached ? 'info' : 'error', text: lines[0] }
  const text = attached ? `Attached ${attached} ${attached === 1 ? 'PDF' : 'PDFs'}.` : 'No PDF was attached.'
  return { kind: attached ? 'info' : 'error', text, details: lines }
}

export async function findAndAttachFreePdf(
  itemId: string,
  ids: { doi?: string; pmcid?: string },
  client: Pick<NeurorefApi, 'attachments.findFree'> = api
): Promise<Message> {
  const found = await client['attachments.findFree'](ids)
  if (!found.ok) return { kind: 'error', text: sentenceFor(found.error) }
  const { record, added } = await attachStoredFile(db, itemId, found.value)
  if (added) void extractionQueue.add([record])
  return { kind: 'info', text: added ? `Found a free PDF at ${found.value.source} and attached it.` : 'The free PDF is the one already attached.' }
}

/** Drops of PDF files onto an element: the PDFs among them, or none. */
export function droppedPdfs(data: DataTransfer | null): File[] {
  return [...(data?.files ?? [])].filter(f => f.type === 'application/pdf' || /\.pdf$/i.test(f.name))
}
