// Backups for tests: one of version 1 (the whole library as one JSON object,
// as Neuroref wrote them before backups became lines) and one of today's
// lines, as text.
import type { NeurorefDb } from './schema'
import { BACKUP_TABLES, type BackupTable } from './backup-rows'
import { ATTACHMENT_NOTE, BACKUP_FORMAT } from './backup-lines'
import { writeBackup, type LibraryBackup } from './backup'

export async function oldFormatBackup(db: NeurorefDb, now = new Date()): Promise<LibraryBackup> {
  const rows = await Promise.all(BACKUP_TABLES.map(name => db.table(name).toArray()))
  const tables = Object.fromEntries(BACKUP_TABLES.map((name, i) => [name, rows[i]])) as Record<BackupTable, unknown[]>
  return { format: BACKUP_FORMAT, version: 1, createdAt: now.toISOString(), schemaVersion: db.verno, attachmentFiles: ATTACHMENT_NOTE, tables }
}

/** Today's backup of `db`, as the text of its file, and the chunks it was handed out in. */
export async function backupText(db: NeurorefDb, now = new Date()): Promise<{ text: string; chunks: string[] }> {
  const chunks: string[] = []
  await writeBackup(db, '9.9.9', async chunk => void chunks.push(chunk), now)
  return { text: chunks.join(''), chunks }
}

/** A ReadableStream of text cut into pieces of `size` characters, as File.stream() through TextDecoderStream hands it out. */
export function textStream(text: string, size = 1000): ReadableStream<string> {
  let at = 0
  return new ReadableStream<string>({
    pull(controller) {
      if (at >= text.length) return controller.close()
      controller.enqueue(text.slice(at, at + size))
      at += size
    }
  })
}
