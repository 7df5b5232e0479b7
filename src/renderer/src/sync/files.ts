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

interface FileState {
  rev: string
  deleted: boolean
  /** the document holds its PDF (a document made again after a deletion gets it in a second step) */
  hasPdf: boolean
}

/** What the files database has of these hashes: the document's revision, whether it is deleted and holds its PDF (attachment stubs only, no bytes). */
async function fileStates(fetch: Fetch, filesUrl: string, hashes: string[]): Promise<Map<string, FileState>> {
  const states = new Map<string, FileState>()
  for (let at = 0; at < hashes.length; at += 500) {
    const keys = hashes.slice(at, at + 500).map(hash => `file:${hash}`)
    const answer = await fetch(`${filesUrl}/_all_docs?include_docs=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ keys })
    })
    if (!answer.ok) throw Object.assign(new Error(`The files database answered ${answer.status}`), { status: answer.status })
    const { rows } = (await answer.json()) as {
      rows: { key: string; value?: { rev: string; deleted?: boolean }; doc?: { _attachments?: { pdf?: object } } | null; error?: string }[]
    }
    for (const row of rows)
      if (!row.error && row.value)
        states.set(row.key.slice('file:'.length), { rev: row.value.rev, deleted: Boolean(row.value.deleted), hasPdf: Boolean(row.doc?._attachments?.pdf) })
  }
  return states
}

/** Of these hashes, those the files database already holds. */
export async function filesOnServer(fetch: Fetch, filesUrl: string, hashes: string[]): Promise<Set<string>> {
  const states = await fileStates(fetch, filesUrl, hashes)
  return new Set(hashes.filter(hash => states.get(hash)?.hasPdf && !states.get(hash)?.deleted))
}

/**
 * Of these hashes, those an attachment document of the library database on
 * the server names, and by which documents (CouchDB's Mango `_find`: no index
 * needed, the server reads the documents and answers with the matches only).
 */
export async function filesReferenced(fetch: Fetch, libraryUrl: string, hashes: string[]): Promise<Map<string, string[]>> {
  const named = new Map<string, string[]>()
  for (let at = 0; at < hashes.length; at += 500) {
    const answer = await fetch(`${libraryUrl}/_find`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      // a high limit: _find's default is 25 documents
      body: JSON.stringify({ selector: { type: 'attachment', 'data.hash': { $in: hashes.slice(at, at + 500) } }, fields: ['_id', 'data'], limit: 1_000_000 })
    })
    if (!answer.ok) throw Object.assign(new Error(`The library database answered ${answer.status}`), { status: answer.status })
    const { docs } = (await answer.json()) as { docs: { _id: string; data: { hash: string } }[] }
    for (const doc of docs) named.set(doc.data.hash, [...(named.get(doc.data.hash) ?? []), doc._id])
  }
  return named
}

/** Deletes these PDFs from the files database (CouchDB deletions); one deleted or changed meanwhile is left as it is. */
export async function deleteFiles(fetch: Fetch, filesUrl: string, hashes: string[]): Promise<void> {
  const json = { 'content-type': 'application/json', accept: 'application/json' }
  const listed = await fetch(`${filesUrl}/_all_docs`, { method: 'POST', headers: json, body: JSON.stringify({ keys: hashes.map(hash => `file:${hash}`) }) })
  if (!listed.ok) throw Object.assign(new Error(`The files database answered ${listed.status}`), { status: listed.status })
  const { rows } = (await listed.json()) as { rows: { key: string; value?: { rev: string; deleted?: boolean }; error?: string }[] }
  const docs = rows.filter(row => !row.error && row.value && !row.value.deleted).map(row => ({ _id: row.key, _rev: row.value!.rev, _deleted: true }))
  if (docs.length === 0) return
  const deleted = await fetch(`${filesUrl}/_bulk_docs`, { method: 'POST', headers: json, body: JSON.stringify({ docs }) })
  if (!deleted.ok) throw Object.assign(new Error(`The files database did not delete (${deleted.status})`), { status: deleted.status })
}

const refused = (answer: Response): Error => Object.assign(new Error(`The server did not take a PDF (${answer.status})`), { status: answer.status })

/**
 * Sends one PDF; another computer sending the same bytes first (409) is as
 * good. One deleted from the server earlier (no paper named it then) is made
 * again: CouchDB adds no attachment to a deleted document, so the document
 * comes back first, then its PDF.
 */
export async function uploadFile(fetch: Fetch, filesUrl: string, hash: string, bytes: Uint8Array): Promise<void> {
  const put = (rev?: string) =>
    fetch(`${fileUrl(filesUrl, hash)}/pdf${rev ? `?rev=${encodeURIComponent(rev)}` : ''}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/pdf' },
      body: bytes as BodyInit
    })
  const first = await put()
  if (first.ok) return
  if (first.status !== 404 && first.status !== 409) throw refused(first)
  const state = (await fileStates(fetch, filesUrl, [hash])).get(hash)
  if (state?.hasPdf && !state.deleted) return
  let rev = state && !state.deleted ? state.rev : undefined
  if (!rev) {
    const made = await fetch(fileUrl(filesUrl, hash), {
      method: 'PUT',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: '{}'
    })
    if (made.status === 409) return // made again by another computer just now: it sends the bytes
    if (!made.ok) throw refused(made)
    rev = ((await made.json()) as { rev: string }).rev
  }
  const second = await put(rev)
  if (!second.ok && second.status !== 409) throw refused(second)
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
