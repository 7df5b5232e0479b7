// manuscript.*: the desktop app opens a manuscript through its own open
// dialog and saves the formatted copy beside it, never over it. The renderer
// names the document by the id handed out here, never by a path: a copy can
// only land in the folder of a document the researcher chose. The web
// edition has neither (the browser uploads and downloads).
import { randomBytes } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import type { NamespaceHandlers } from '@shared/contract'
import { ServiceError } from '@shared/result'
import { saveBeside } from '../services/files/save-beside'
import type { ChannelDeps } from './deps'
import { requireObject, requireString } from './validate'

/** A manuscript with 100 MB of figures is fine; a file far beyond that is not a manuscript. */
const MAX_MANUSCRIPT_BYTES = 300 * 1024 * 1024
const MAX_BASE64 = Math.ceil(MAX_MANUSCRIPT_BYTES / 3) * 4
/** The folders of the documents opened lately, by id: enough for a working session. */
const KEPT = 50

function fromBase64(data: unknown): Uint8Array {
  if (typeof data !== 'string' || data.length === 0) throw new ServiceError('INVALID_INPUT', 'The formatted copy arrived empty: nothing was written.')
  if (data.length > MAX_BASE64 + 4) throw new ServiceError('INVALID_INPUT', 'The formatted copy is larger than 300 MB: nothing was written.')
  if (data.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) {
    throw new ServiceError('INVALID_INPUT', 'The formatted copy arrived damaged (not valid base64): nothing was written.')
  }
  const buffer = Buffer.from(data, 'base64')
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}

export function manuscriptChannels({ platform, chooseManuscript }: ChannelDeps): NamespaceHandlers<'manuscript'> {
  const folders = new Map<string, string>()
  const desktopOnly = () => {
    if (platform.edition !== 'desktop' || !chooseManuscript) {
      throw new ServiceError('UNSUPPORTED', 'The web edition opens manuscripts from the browser and delivers the formatted copy as a download.')
    }
    return chooseManuscript
  }

  return {
    'manuscript.open': async () => {
      const path = await desktopOnly()()
      if (!path) return null
      const name = basename(path)
      let bytes: Buffer
      try {
        const info = await stat(path)
        if (!info.isFile()) throw new ServiceError('INVALID_INPUT', `“${name}” is not a file.`)
        if (info.size > MAX_MANUSCRIPT_BYTES) throw new ServiceError('INVALID_INPUT', `“${name}” is larger than 300 MB, more than a manuscript can be.`)
        bytes = await readFile(path)
      } catch (error) {
        if (error instanceof ServiceError) throw error
        throw new ServiceError('IO', `“${name}” could not be read: ${(error as Error).message}`)
      }
      const id = randomBytes(12).toString('hex')
      folders.set(id, dirname(path))
      for (const old of folders.keys()) if (folders.size > KEPT) folders.delete(old)
      return { id, name, path, data: bytes.toString('base64') }
    },

    'manuscript.saveBeside': async arg => {
      desktopOnly()
      const req = requireObject(arg)
      const folder = folders.get(requireString(req.id, 'document', 100))
      if (!folder) throw new ServiceError('NOT_FOUND', 'Neuroref no longer knows where that document is: choose it again. Nothing was written.')
      const name = requireString(req.name, 'file name', 255)
      return { path: await saveBeside(folder, name, fromBase64(req.data)) }
    }
  }
}
