// A library backup as lines of JSON (NDJSON): a header line, one line per
// row, and an end line with the counts written. It is written and read a
// page at a time, so no string ever holds the whole library (one
// JSON.stringify of 100,000 papers passed V8's string limit and failed with
// "Invalid string length"). Pure (no database, no DOM): the renderer writes
// it, a Web Worker reads it, and the benchmarks run both in Node.
import { BACKUP_TABLES, BackupRowCheck, type BackupTable } from './backup-rows'
import type { RowPage } from './library-pages'

export const BACKUP_FORMAT = 'neuroref-library-backup'
/**
 * Version 1 was one JSON object (backup.ts still reads it); version 2 is these lines; version 3 the same lines without
 * the papers' title words (an app that requires them says a version 3 backup is from a newer Neuroref, not damaged).
 */
export const LINES_VERSION = 3

export type TableCounts = Record<BackupTable, number>

export interface BackupHeader {
  format: typeof BACKUP_FORMAT
  version: number
  layout: 'ndjson'
  /** the Neuroref version that wrote it */
  appVersion: string
  /** ISO date and time the backup was made */
  createdAt: string
  /** the database version it came from */
  schemaVersion: number
  attachmentFiles: string
  /** rows per table when the backup began (the end line has the rows written) */
  counts: TableCounts
}

export const ATTACHMENT_NOTE =
  'PDF and other attachment files are not inside this backup. Each attachment record names its file by the SHA-256 hash of its bytes; ' +
  'Neuroref finds the file under that name in its data folder. Copy that folder too to move attachments to another computer.'

export const noCounts = (): TableCounts => Object.fromEntries(BACKUP_TABLES.map(t => [t, 0])) as TableCounts

/** Text handed to the sink at a time: big enough to be few calls, small enough for one IPC message or HTTP body. */
const CHUNK_CHARS = 4_000_000

/**
 * Writes the header, every row of `pages` and the end line to `sink`, in
 * chunks of a few million characters. Returns the rows written per table.
 */
export async function writeBackupLines(header: BackupHeader, pages: AsyncIterable<RowPage>, sink: (text: string) => Promise<void>): Promise<TableCounts> {
  const written = noCounts()
  let chunk = JSON.stringify(header) + '\n'
  for await (const page of pages) {
    for (const row of page.rows) {
      chunk += JSON.stringify({ table: page.table, row: page.table === 'items' ? withoutTitleWords(row) : row }) + '\n'
      if (chunk.length >= CHUNK_CHARS) {
        await sink(chunk)
        chunk = ''
      }
    }
    written[page.table] += page.rows.length
  }
  await sink(chunk + JSON.stringify({ end: true, counts: written }) + '\n')
  return written
}

/** A paper's row as a backup holds it: a row written before title words were dropped still has them, and loses them here. */
function withoutTitleWords(row: unknown): unknown {
  if (!(row as { titleWords?: unknown }).titleWords) return row
  const { titleWords: _words, ...rest } = row as Record<string, unknown>
  return rest
}

/** The first line of a file, when it is a backup header of this layout (or a newer one). */
export function headerOf(firstLine: string): Partial<BackupHeader> | undefined {
  try {
    const value = JSON.parse(firstLine) as Partial<BackupHeader> | null
    return value && typeof value === 'object' && value.format === BACKUP_FORMAT && !('tables' in value) ? value : undefined
  } catch {
    return undefined
  }
}

/** Splits a stream of text into lines, however the text is cut into chunks. */
export async function* linesOf(stream: ReadableStream<string>): AsyncGenerator<string> {
  const reader = stream.getReader()
  let rest = ''
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      const parts = (rest + value).split('\n')
      rest = parts.pop() ?? ''
      yield* parts
    }
  } finally {
    reader.releaseLock()
  }
  if (rest) yield rest
}

/** A file's text as it is read (File.stream() decoded as UTF-8), never all of it at once. */
export const textOfFile = (file: Blob): ReadableStream<string> => file.stream().pipeThrough(new TextDecoderStream())

/** What reading a backup file found: its header and counts, or the one sentence why it cannot be restored. */
export type LinesOutcome = { ok: true; header: BackupHeader; counts: TableCounts } | { ok: false; sentence: string }

const cannot = (fileName: string, why: string): LinesOutcome => ({ ok: false, sentence: `${fileName} cannot be restored: ${why}. Nothing was changed.` })

const isTable = (name: unknown): name is BackupTable => (BACKUP_TABLES as readonly unknown[]).includes(name)

/**
 * Reads a backup's lines, checking every row against the model
 * (BackupRowCheck) and the end line against the rows read, holding one line
 * at a time. Never throws for what the file holds: says why in a sentence.
 */
export async function readBackupLines(lines: AsyncIterable<string>, fileName: string): Promise<LinesOutcome> {
  const check = new BackupRowCheck()
  let header: BackupHeader | undefined
  let end: TableCounts | undefined
  let lineNumber = 0
  // a line that is not JSON is held until the next one: the last line of a file cut short is not damage but the cut
  let unreadable: string | undefined
  for await (const raw of lines) {
    lineNumber += 1
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (lineNumber === 1) {
      const found = headerOf(line)
      if (!found) return { ok: false, sentence: `${fileName} is not a Neuroref library backup (it has no Neuroref backup marker). Nothing was changed.` }
      if (typeof found.version !== 'number' || found.version > LINES_VERSION) {
        return { ok: false, sentence: `${fileName} was made by a newer version of Neuroref. Update Neuroref to restore it. Nothing was changed.` }
      }
      if (typeof found.createdAt !== 'string' || Number.isNaN(Date.parse(found.createdAt))) return cannot(fileName, 'its first line has no date')
      header = found as BackupHeader
      continue
    }
    if (unreadable) check.addBadLine(unreadable)
    unreadable = undefined
    if (line.trim() === '') continue
    if (end) return cannot(fileName, `line ${lineNumber.toLocaleString('en')} comes after the end line`)
    let value: { table?: unknown; row?: unknown; end?: unknown; counts?: unknown }
    try {
      value = JSON.parse(line) as typeof value
    } catch {
      unreadable = `line ${lineNumber.toLocaleString('en')} is not JSON`
      continue
    }
    if (value && value.end === true && typeof value.counts === 'object' && value.counts !== null) {
      end = { ...noCounts(), ...(value.counts as Partial<TableCounts>) }
      continue
    }
    if (!value || !isTable(value.table)) {
      check.addBadLine(`line ${lineNumber.toLocaleString('en')} names no table of the library`)
      continue
    }
    check.add(value.table, value.row)
  }
  if (!header) return cannot(fileName, 'it is empty')
  const damaged = check.problem(fileName)
  if (damaged) return { ok: false, sentence: damaged }
  const read = check.counts
  if (!end) {
    const rows = BACKUP_TABLES.reduce((sum, t) => sum + read[t], 0)
    return cannot(
      fileName,
      `the file ends early, after ${rows.toLocaleString('en')} rows, before its end line (it was cut short, perhaps by a full disk or an interrupted copy)`
    )
  }
  const short = BACKUP_TABLES.find(t => read[t] !== end[t])
  if (short) return cannot(fileName, `its end line counts ${end[short].toLocaleString('en')} ${short} but ${read[short].toLocaleString('en')} were read`)
  return { ok: true, header, counts: { ...read } }
}

/**
 * The rows of a backup that readBackupLines found sound, a page at a time,
 * for the restore (the file is read a second time rather than held).
 */
export async function* pagesOfLines(lines: AsyncIterable<string>, pageSize = 2000): AsyncGenerator<RowPage> {
  let page: RowPage | undefined
  let first = true
  for await (const line of lines) {
    if (first) {
      first = false
      continue
    }
    if (line.trim() === '') continue
    const value = JSON.parse(line) as { table?: unknown; row?: unknown; end?: unknown }
    if (value.end === true) continue
    if (!isTable(value.table)) throw new Error('the file changed while it was being restored')
    if (page && page.table !== value.table) {
      yield page
      page = undefined
    }
    page ??= { table: value.table, rows: [] }
    page.rows.push(value.row)
    if (page.rows.length >= pageSize) {
      yield page
      page = undefined
    }
  }
  if (page) yield page
}
