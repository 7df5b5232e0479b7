// Full text is read once per attached PDF, in the background, one file at a
// time (pdf.js in main is busy while it reads), with progress the footer
// shows: "Extracting text 3 of 12".
import { useSyncExternalStore } from 'react'
import type { NeurorefApi } from '@shared/contract'
import type { AttachmentRecord } from '@shared/model'
import type { NeurorefDb } from '../../library/schema'
import { attachmentsWithoutText, attachmentsWithoutTextOf, saveFullText } from '../../library/attachments'

type Listener = () => void

export class ExtractionQueue {
  private waiting: { record: AttachmentRecord; password?: string }[] = []
  private running = false
  private done = 0
  private total = 0
  /** why a file's text could not be read (password, damage), by attachment id; not retried this session */
  readonly problems = new Map<string, { code: string; message: string }>()
  private listeners = new Set<Listener>()
  private progressText: string | null = null

  constructor(
    private readonly db: NeurorefDb,
    private readonly api: Pick<NeurorefApi, 'attachments.extractText'>
  ) {}

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** "Extracting text 3 of 12" while working, null when idle. */
  getProgress = (): string | null => this.progressText

  private emit(): void {
    this.progressText = this.running ? `Extracting text ${Math.min(this.done + 1, this.total)} of ${this.total}` : null
    for (const listener of this.listeners) listener()
  }

  /** Queues files to read; a password (from the viewer) lets a protected PDF be read. */
  add(records: AttachmentRecord[], password?: string): Promise<void> {
    const queued = new Set(this.waiting.map(w => w.record.id))
    for (const record of records) {
      if (queued.has(record.id)) continue
      if (password) this.problems.delete(record.id)
      else if (this.problems.has(record.id)) continue
      this.waiting.push({ record, password })
      this.total += 1
    }
    return this.run()
  }

  /** A file whose text could not be read when it was stored (a password): not tried again until a password comes. */
  remember(attachmentId: string, problem: { code: string; message: string }): void {
    this.problems.set(attachmentId, problem)
    this.emit()
  }

  /** At start: every attachment whose text is missing. */
  async addMissing(): Promise<void> {
    await this.add(await attachmentsWithoutText(this.db))
  }

  /**
   * A PDF's bytes arrived on this computer (fetched from the sync server): its
   * files without text are read, again if reading failed before the bytes were
   * here ("Text not readable"); one that wants a password still waits for it.
   */
  async fileArrived(hash: string): Promise<void> {
    const records = (await attachmentsWithoutTextOf(this.db, hash)).filter(record => this.problems.get(record.id)?.code !== 'PASSWORD_REQUIRED')
    for (const record of records) this.problems.delete(record.id)
    await this.add(records)
  }

  private pending: Promise<void> = Promise.resolve()

  private run(): Promise<void> {
    if (this.running) return this.pending
    this.running = true
    this.pending = (async () => {
      try {
        while (this.waiting.length > 0) {
          this.emit()
          const { record, password } = this.waiting.shift()!
          await this.extract(record, password)
          this.done += 1
        }
      } finally {
        this.running = false
        this.done = 0
        this.total = 0
        this.emit()
      }
    })()
    return this.pending
  }

  private async extract(record: AttachmentRecord, password?: string): Promise<void> {
    const result = await this.api['attachments.extractText']({ hash: record.hash, password })
    if (!result.ok) {
      this.problems.set(record.id, result.error)
      return
    }
    await saveFullText(this.db, record, result.value)
  }
}

/** Re-renders with the queue's progress. */
export function useExtractionProgress(queue: ExtractionQueue): string | null {
  return useSyncExternalStore(queue.subscribe, queue.getProgress)
}
