// What the page does with each request main hands over: files go to the
// import (as if dropped on the window), identifiers into "Add by identifier"
// for the researcher to confirm, problems become a message.
import type { OpenRequest } from '@shared/open-request'
import type { Message } from '../../components/StatusMessage'
import { base64ToBytes } from '@shared/base64'

export interface OpenRequestActions {
  importFiles: (files: File[]) => void
  offerIdentifiers: (text: string) => void
  tell: (message: Message) => void
}

export function handleOpenRequests(requests: OpenRequest[], actions: OpenRequestActions): void {
  const files = requests.flatMap(r => (r.kind === 'import' ? [new File([base64ToBytes(r.data) as BlobPart], r.fileName)] : []))
  if (files.length > 0) actions.importFiles(files)
  for (const request of requests) {
    if (request.kind === 'identifiers') actions.offerIdentifiers(request.text)
    if (request.kind === 'problem') actions.tell({ kind: 'error', text: request.message })
  }
}
