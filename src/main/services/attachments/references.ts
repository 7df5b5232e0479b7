// Which library holds which stored PDF, so that libraries sharing one data
// folder never delete each other's files. Two libraries meet in one folder
// when the desktop app and the web edition share NEUROREF_DATA_DIR, or two
// browsers open the same web edition. Each library has an id of its own
// (made by the renderer, kept in its storage) and sends it when it attaches
// and releases files; a file is deleted only when no library refers to it.
//
//   <dataDir>/attachments/references.json
//   { "version": 1, "libraries": { "<library id>": { "<sha-256>": <claimed at, ms> } }, "earlier": ["<sha-256>", …] }
//
// Files stored before this list existed are "earlier": no library is known to
// hold them, so they are never deleted. Every change takes a lock folder, so
// two processes never lose each other's changes.
import { mkdir, readFile, rmdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { ServiceError } from '@shared/result'
import { writeFileAtomically } from '../files/atomic-write'

export interface ReferenceList {
  version: 1
  libraries: Record<string, Record<string, number>>
  earlier: string[]
}

export interface AttachmentReferences {
  /** Runs `change` on the list under the lock and saves what it leaves. */
  update<T>(change: (list: ReferenceList) => Promise<T> | T): Promise<T>
}

/** A library that sends no id (an older window) counts as this one. */
const DEFAULT_LIBRARY = 'default'
const LIBRARY_ID_RE = /^[\w-]{1,100}$/
const STALE_LOCK_MS = 30_000

export function libraryIdOf(value: unknown): string {
  if (value === undefined || value === null || value === '') return DEFAULT_LIBRARY
  if (typeof value !== 'string' || !LIBRARY_ID_RE.test(value)) throw new ServiceError('INVALID_INPUT', 'That is not a library id.')
  return value
}

/** Whether any library (or an earlier version) still refers to `hash`. */
export function isReferenced(list: ReferenceList, hash: string): boolean {
  return list.earlier.includes(hash) || Object.values(list.libraries).some(hashes => hash in hashes)
}

export function createAttachmentReferences(root: string, listStoredHashes: () => Promise<string[]>): AttachmentReferences {
  const file = join(root, 'references.json')
  const lock = join(root, '.references.lock')
  let inProcess: Promise<unknown> = Promise.resolve()

  async function load(): Promise<ReferenceList> {
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as ReferenceList
      if (parsed?.version === 1 && parsed.libraries && Array.isArray(parsed.earlier)) return parsed
      throw new Error('unknown shape')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new ServiceError('IO', `Neuroref's list of which library holds which PDF (${file}) is damaged; no PDF was deleted.`)
      }
      return { version: 1, libraries: {}, earlier: await listStoredHashes() }
    }
  }

  async function withLock<T>(task: () => Promise<T>): Promise<T> {
    await mkdir(root, { recursive: true })
    for (let waited = 0; ; waited += 50) {
      try {
        await mkdir(lock)
        break
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
        const since = await stat(lock).then(
          info => Date.now() - info.mtimeMs,
          () => 0
        )
        if (since > STALE_LOCK_MS)
          await rmdir(lock).catch(() => undefined) // left by a process that died
        else if (waited > 2 * STALE_LOCK_MS) throw new ServiceError('IO', 'Another Neuroref is busy with the PDF folder; please try again.')
        await new Promise(resolve => setTimeout(resolve, 50))
      }
    }
    try {
      return await task()
    } finally {
      await rmdir(lock).catch(() => undefined)
    }
  }

  return {
    update: change => {
      const run = inProcess.then(() =>
        withLock(async () => {
          const list = await load()
          const result = await change(list)
          await writeFileAtomically(file, `${JSON.stringify(list)}\n`)
          return result
        })
      )
      inProcess = run.catch(() => undefined)
      return run
    }
  }
}
