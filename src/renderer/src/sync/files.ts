// PDF bytes on the server: a files database beside the library's
// (`<database>-files`), one document `file:<sha256>` per content hash with one
// attachment `pdf`. A PDF on two papers, or on two computers, is sent once;
// the other computer fetches it when the PDF is opened, or after each round
// when Settings → Sync says to always download PDFs (docs/SYNC.md).
import type { Fetch } from './session'

/** What the engine needs of main's attachment store. */
export interface LocalFiles {
  read(hash: string): Promise<Uint8Array>
  store(bytes: Uint8Array, fileName: string): Promise<void>
  /** of these hashes, those not in the store */
  missing(hashes: string[]): Promise<string[]>
}

export const filesDatabaseOf = (dbUrl: string): string => `${dbUrl}-files`

const fileUrl = (filesUrl: string, hash: string): string => `${filesUrl}/${encodeURIComponent(`file:${hash}`)}`

/** Of these hashes, those the files database already holds. */
export async function filesOnServer(fetch: Fetch, filesUrl: string, hashes: string[]): Promise<Set<string>> {
  const held = new Set<string>()
  for (let at = 0; at < hashes.length; at += 500) {
    const keys = hashes.slice(at, at + 500).map(hash => `file:${hash}`)
    const answer = await fetch(`${filesUrl}/_all_docs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ keys })
    })
    if (!answer.ok) throw Object.assign(new Error(`The files database answered ${answer.status}`), { status: answer.status })
    const { rows } = (await answer.json()) as { rows: { key: string; value?: { deleted?: boolean }; error?: string }[] }
    for (const row of rows) if (!row.error && !row.value?.deleted) held.add(row.key.slice('file:'.length))
  }
  return held
}

/** Sends one PDF; another computer sending the same bytes first (409) is as good. */
export async function uploadFile(fetch: Fetch, filesUrl: string, hash: string, bytes: Uint8Array): Promise<void> {
  const answer = await fetch(`${fileUrl(filesUrl, hash)}/pdf`, { method: 'PUT', headers: { 'content-type': 'application/pdf' }, body: bytes as BodyInit })
  if (!answer.ok && answer.status !== 409) throw Object.assign(new Error(`The server did not take a PDF (${answer.status})`), { status: answer.status })
}

/** One PDF's bytes from the server, checked against its hash. */
export async function downloadFile(fetch: Fetch, filesUrl: string, hash: string): Promise<Uint8Array> {
  const answer = await fetch(`${fileUrl(filesUrl, hash)}/pdf`)
  if (answer.status === 404)
    throw Object.assign(new Error('This PDF is not on the sync server yet: open it on the computer it was attached on, online, to send it.'), { status: 404 })
  if (!answer.ok) throw new Error(`The sync server could not send this PDF (${answer.status}).`)
  const bytes = new Uint8Array(await answer.arrayBuffer())
  if ((await sha256(bytes)) !== hash) throw new Error('The PDF from the sync server arrived damaged: try again.')
  return bytes
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource))
  return Array.from(digest, byte => byte.toString(16).padStart(2, '0')).join('')
}
