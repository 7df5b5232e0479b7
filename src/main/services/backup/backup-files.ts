// Backup files (and large exports) written in pieces: the renderer reads the
// library a page at a time and hands each piece here, so neither side ever
// holds the whole file in one string. Each backup is a temp file beside the chosen path
// that becomes the file only when finished (flushed, then renamed); one
// abandoned or failed leaves nothing behind. Known by an id handed out here,
// never by a path from the renderer.
import { randomBytes } from 'node:crypto'
import { ServiceError } from '@shared/result'
import { openAtomicFile, type AtomicFile } from '../files/atomic-write'

/** Backups left unfinished this long are given up (the window was closed mid-backup). */
const IDLE_MS = 10 * 60_000

interface Open {
  path: string
  file: AtomicFile
  timer: ReturnType<typeof setTimeout>
}

/** What the files are, in the sentences that name them: a backup, an export. */
export interface PieceWords {
  what: string
  /** what to do when one was given up */
  again: string
}

const BACKUP_WORDS: PieceWords = { what: 'backup', again: 'Back up again.' }

export class BackupFiles {
  private open = new Map<string, Open>()

  constructor(
    private idleMs = IDLE_MS,
    private words = BACKUP_WORDS
  ) {}

  private ioError(path: string, error: unknown): ServiceError {
    return new ServiceError('IO', `The ${this.words.what} could not be written to ${path} (${(error as Error).message}). Nothing was saved there.`)
  }

  async begin(path: string): Promise<string> {
    let file: AtomicFile
    try {
      file = await openAtomicFile(path)
    } catch (error) {
      throw this.ioError(path, error)
    }
    const id = randomBytes(16).toString('hex')
    this.open.set(id, { path, file, timer: this.idleTimer(id) })
    return id
  }

  async append(id: string, text: string): Promise<void> {
    const backup = this.take(id)
    clearTimeout(backup.timer)
    try {
      await backup.file.append(text)
    } catch (error) {
      this.open.delete(id)
      throw this.ioError(backup.path, error)
    }
    backup.timer = this.idleTimer(id)
  }

  async finish(id: string): Promise<string> {
    const backup = this.forget(id)
    try {
      await backup.file.commit()
    } catch (error) {
      throw this.ioError(backup.path, error)
    }
    return backup.path
  }

  async abort(id: string): Promise<void> {
    if (this.open.has(id)) await this.forget(id).file.abort()
  }

  private take(id: string): Open {
    const backup = this.open.get(id)
    if (!backup)
      throw new ServiceError('NOT_FOUND', `This ${this.words.what} is no longer being written (it was stopped or took too long). ${this.words.again}`)
    return backup
  }

  private forget(id: string): Open {
    const backup = this.take(id)
    clearTimeout(backup.timer)
    this.open.delete(id)
    return backup
  }

  private idleTimer(id: string): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => void this.abort(id), this.idleMs)
    timer.unref?.()
    return timer
  }
}
