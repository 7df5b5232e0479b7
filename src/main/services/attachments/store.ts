// The PDF files of the library, kept on disk by their content: a file's name
// is the SHA-256 of its bytes, so the same PDF attached twice is stored once,
// and nothing the researcher (or a PDF) names ever becomes a path.
//
//   <dataDir>/attachments/<first 2 hex digits>/<sha-256 hex>.pdf
//
// The renderer keeps the attachment records (which item holds which hash,
// under which display name); this store only keeps bytes. It never decides on
// its own to delete a file: `remove` and `sweep` are called by whoever knows
// that no item refers to the file any more.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { StoredFile } from '@shared/contract'
import { safeFileName } from '@shared/file-name'
import { ServiceError } from '@shared/result'
import { writeFileAtomically } from '../files/atomic-write'

export interface AttachmentStoreOptions {
  /** Neuroref's data folder (NEUROREF_DATA_DIR or Electron's userData). */
  dataDir: string
  /** Larger files are refused; 200 MB unless a test asks for less. */
  maxBytes?: number
}

export interface AttachmentStore {
  store(bytes: Uint8Array, originalName: string): Promise<StoredFile>
  read(hash: string): Promise<Uint8Array>
  /** Where the file lies (to reveal or open it); NOT_FOUND when it is missing. */
  path(hash: string): Promise<string>
  /** Deletes the file; false when it was already gone. */
  remove(hash: string): Promise<boolean>
  /** Deletes every stored PDF whose hash is not in `referenced`; returns how many. */
  sweep(referenced: ReadonlySet<string>): Promise<number>
  /** The hashes of every stored PDF. */
  hashes(): Promise<string[]>
}

const HASH_RE = /^[0-9a-f]{64}$/
const STORED_FILE_RE = /^([0-9a-f]{64})\.pdf$/
const SHARD_RE = /^[0-9a-f]{2}$/
// Left by writeFileAtomically (or, before it, by this store) when a write was cut short.
const TEMP_FILE_RE = /^\.[0-9a-f]{64}(\.pdf)?\.[0-9a-f]+\.tmp$/
// A temp file older than this was left by a crash mid-write, not by a write in progress.
const STALE_TEMP_MS = 60 * 60 * 1000
// PDF readers accept the "%PDF-" header anywhere in the first 1024 bytes.
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1')
const MAGIC_WINDOW = 1024

export function createAttachmentStore({ dataDir, maxBytes = 200 * 1024 * 1024 }: AttachmentStoreOptions): AttachmentStore {
  const root = join(dataDir, 'attachments')
  const fileOf = (hash: string) => join(root, hash.slice(0, 2), `${hash}.pdf`)

  async function store(bytes: Uint8Array, originalName: string): Promise<StoredFile> {
    const fileName = displayName(originalName)
    if (bytes.byteLength > maxBytes) {
      throw new ServiceError('INVALID_INPUT', `${fileName} is larger than the ${formatSize(maxBytes)} limit.`)
    }
    if (!looksLikePdf(bytes)) throw new ServiceError('INVALID_INPUT', `${fileName} is not a PDF file.`)

    const hash = sha256(bytes)
    const target = fileOf(hash)
    const size = bytes.byteLength
    // Compared by content, not size: a copy damaged on disk is replaced by these good bytes.
    const onDisk = await hashOfFile(target)
    if (onDisk === hash) return { hash, size, fileName, existed: true }

    await saveFile(target, bytes)
    return { hash, size, fileName, existed: onDisk !== undefined }
  }

  async function read(hash: string): Promise<Uint8Array> {
    const file = fileOf(checkHash(hash))
    let buffer: Buffer
    try {
      buffer = await readFile(file)
    } catch (error) {
      throw fileError(error, 'read')
    }
    if (sha256(buffer) !== hash) throw damaged()
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
  }

  async function path(hash: string): Promise<string> {
    const file = fileOf(checkHash(hash))
    if ((await sizeOf(file)) === undefined) throw missing()
    return file
  }

  async function remove(hash: string): Promise<boolean> {
    try {
      await unlink(fileOf(checkHash(hash)))
      return true
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return false
      throw fileError(error, 'delete')
    }
  }

  async function sweep(referenced: ReadonlySet<string>): Promise<number> {
    let removed = 0
    for (const shard of await listDir(root)) {
      if (!SHARD_RE.test(shard)) continue
      const folder = join(root, shard)
      for (const name of await listDir(folder)) {
        const stored = STORED_FILE_RE.exec(name)
        if (stored && !referenced.has(stored[1])) {
          if (await remove(stored[1])) removed++
        } else if (TEMP_FILE_RE.test(name)) {
          await removeIfStale(join(folder, name))
        }
      }
    }
    return removed
  }

  async function hashes(): Promise<string[]> {
    const found: string[] = []
    for (const shard of await listDir(root)) {
      if (!SHARD_RE.test(shard)) continue
      for (const name of await listDir(join(root, shard))) {
        const stored = STORED_FILE_RE.exec(name)
        if (stored) found.push(stored[1])
      }
    }
    return found
  }

  return { store, read, path, remove, sweep, hashes }
}

/** Atomic and flushed: a crash leaves no half PDF. */
async function saveFile(target: string, bytes: Uint8Array): Promise<void> {
  try {
    await mkdir(dirname(target), { recursive: true })
    await writeFileAtomically(target, bytes)
  } catch (error) {
    throw fileError(error, 'save')
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** The SHA-256 of a stored file, read as a stream; undefined when there is no file. */
async function hashOfFile(file: string): Promise<string | undefined> {
  const hash = createHash('sha256')
  try {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  } catch (error) {
    if (errnoOf(error) === 'ENOENT' || errnoOf(error) === 'EISDIR') return undefined
    throw fileError(error, 'read')
  }
  return hash.digest('hex')
}

function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, MAGIC_WINDOW))
  return head.indexOf(PDF_MAGIC) !== -1
}

function checkHash(hash: string): string {
  if (typeof hash !== 'string' || !HASH_RE.test(hash)) {
    throw new ServiceError('INVALID_INPUT', 'That is not the identifier of a stored PDF (64 hexadecimal digits).')
  }
  return hash
}

/** The original file name made safe to show and to offer as a "save as" name. */
export function displayName(originalName: string): string {
  return safeFileName(originalName, { extension: '.pdf', fallback: 'document.pdf', maxLength: 150 })
}

function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} bytes`
}

async function sizeOf(file: string): Promise<number | undefined> {
  try {
    const info = await stat(file)
    return info.isFile() ? info.size : undefined
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return undefined
    throw fileError(error, 'read')
  }
}

async function listDir(folder: string): Promise<string[]> {
  try {
    return await readdir(folder)
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return []
    throw fileError(error, 'read')
  }
}

async function removeIfStale(temp: string): Promise<void> {
  const info = await stat(temp).catch(() => undefined)
  if (info && Date.now() - info.mtimeMs > STALE_TEMP_MS) await unlink(temp).catch(() => undefined)
}

function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code
}

function missing(): ServiceError {
  return new ServiceError('NOT_FOUND', 'The PDF file is missing from the library folder.')
}

export const DAMAGED_MESSAGE = 'This PDF is damaged on disk: its contents changed after Neuroref stored it. Attach the same PDF again to repair it.'

function damaged(): ServiceError {
  return new ServiceError('IO', DAMAGED_MESSAGE)
}

function fileError(error: unknown, action: 'read' | 'save' | 'delete'): ServiceError {
  if (error instanceof ServiceError) return error
  const code = errnoOf(error)
  if (code === 'ENOENT' && action !== 'save') return missing()
  const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'permission was denied' : (code ?? String(error))
  return new ServiceError('IO', `Neuroref could not ${action} the PDF in its library folder (${why}).`)
}
