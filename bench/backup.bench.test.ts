// Library backup at 100,000 papers (issue 11, item 4): the backup used to be
// one JSON.stringify of the whole library, which passes V8's string limit
// well below 100,000 papers ("Invalid string length"). Now it is lines of
// JSON written a page at a time. This runs the real pieces in Node — the
// writer (backup-lines.ts) handing its pieces to main's backup file service
// (the desktop path: temp file, fsync, rename), then the check the restore's
// Web Worker runs and the page-by-page read of the restore, both reading the
// file as a stream (Blob.stream() through TextDecoderStream, as in the
// browser) — and prints time, size and peak memory. IndexedDB is not in it
// (fake-indexeddb in Node is no measure of the browser's); figures go to
// bench/RESULTS-backup.md by hand, with the load average.
import { mkdirSync, mkdtempSync, openAsBlob, rmSync, statSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, expect, it } from 'vitest'
import { BackupFiles } from '../src/main/services/backup/backup-files'
import {
  ATTACHMENT_NOTE,
  BACKUP_FORMAT,
  LINES_VERSION,
  linesOf,
  noCounts,
  pagesOfLines,
  textOfFile,
  writeBackupLines,
  type BackupHeader
} from '@renderer/library/backup-lines'
import { checkLinesHere } from '@renderer/library/backup'
import { withIndexFields } from '@renderer/library/index-fields'
import type { RowPage } from '@renderer/library/library-pages'
import { createSyntheticLibrary } from './synthetic-library'
import { loadPeptideTagger } from '@renderer/library/peptide-tagger'

// papers made here are tagged at once: the tagger loads first (peptide-tagger.ts)
beforeAll(loadPeptideTagger)

const PAPERS = process.env.NEUROREF_BENCH ? Number(process.env.NEUROREF_BENCH_BACKUP_ITEMS ?? 100_000) : 4_000
const PAGE = 2000

/** The synthetic library a page at a time (each page its own seed, ids made unique), then its notes: never all of it in memory. */
async function* syntheticPages(): AsyncGenerator<RowPage> {
  const notes: unknown[] = []
  for (let start = 0; start < PAPERS; start += PAGE) {
    const { items, notes: pageNotes } = createSyntheticLibrary(Math.min(PAGE, PAPERS - start), 42 + start)
    const rows = items.map(item => withIndexFields({ ...item, id: `item-${start}-${item.id}` }))
    for (const [id, text] of pageNotes) notes.push({ id: `note-${start}-${id}`, itemId: `item-${start}-${id}`, text, createdAt: 1, modifiedAt: 1 })
    yield { table: 'items', rows }
  }
  for (let start = 0; start < notes.length; start += PAGE) yield { table: 'notes', rows: notes.slice(start, start + PAGE) }
}

/** Peak resident set size and JS heap while `run` runs, sampled every 20 ms and at every await the sampler gets. */
async function measured<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; peakRssMb: number; peakHeapMb: number; startRssMb: number }> {
  const mb = (bytes: number): number => Math.round(bytes / 1048576)
  const start = process.memoryUsage()
  let peakRss = start.rss
  let peakHeap = start.heapUsed
  const sample = (): void => {
    const now = process.memoryUsage()
    peakRss = Math.max(peakRss, now.rss)
    peakHeap = Math.max(peakHeap, now.heapUsed)
  }
  const timer = setInterval(sample, 20)
  const began = performance.now()
  try {
    const value = await run()
    sample()
    return { value, ms: Math.round(performance.now() - began), peakRssMb: mb(peakRss), peakHeapMb: mb(peakHeap), startRssMb: mb(start.rss) }
  } finally {
    clearInterval(timer)
  }
}

it(`backs up and reads back ${PAPERS.toLocaleString('en')} papers as lines, a page at a time`, async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'neuroref-backup-bench-'))
  const file = path.join(folder, 'neuroref-library.ndjson')
  try {
    const counts = { ...noCounts(), items: PAPERS }
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: LINES_VERSION,
      layout: 'ndjson',
      appVersion: 'bench',
      createdAt: new Date().toISOString(),
      schemaVersion: 7,
      attachmentFiles: ATTACHMENT_NOTE,
      counts
    }
    const loadBefore = loadavg()[0]

    // making the synthetic papers (and their index fields) costs time too: measured alone, to subtract
    const generate = await measured(async () => {
      let rows = 0
      for await (const page of syntheticPages()) rows += page.rows.length
      return rows
    })

    const files = new BackupFiles()
    let pieces = 0
    let largestPiece = 0
    const backup = await measured(async () => {
      const id = await files.begin(file)
      const written = await writeBackupLines(header, syntheticPages(), async text => {
        pieces += 1
        largestPiece = Math.max(largestPiece, text.length)
        await files.append(id, text)
      })
      await files.finish(id)
      return written
    })
    const bytes = statSync(file).size

    const check = await measured(async () => checkLinesHere(await openAsBlob(file), 'neuroref-library.ndjson'))
    const read = await measured(async () => {
      let rows = 0
      let pages = 0
      for await (const page of pagesOfLines(linesOf(textOfFile(await openAsBlob(file))))) {
        rows += page.rows.length
        pages += 1
      }
      return { rows, pages }
    })

    expect(backup.value.items).toBe(PAPERS)
    expect(check.value.ok && check.value.counts.items).toBe(PAPERS)
    expect(read.value.rows).toBe(PAPERS + backup.value.notes)

    const result = {
      papers: PAPERS,
      notes: backup.value.notes,
      fileMB: Math.round(bytes / 1048576),
      bytesPerPaper: Math.round(bytes / PAPERS),
      pieces,
      largestPieceChars: largestPiece,
      generateOnly: { ms: generate.ms, peakRssMb: generate.peakRssMb, peakHeapMb: generate.peakHeapMb },
      backup: { ms: backup.ms, peakRssMb: backup.peakRssMb, peakHeapMb: backup.peakHeapMb, startRssMb: backup.startRssMb },
      check: { ms: check.ms, peakRssMb: check.peakRssMb, peakHeapMb: check.peakHeapMb, startRssMb: check.startRssMb },
      restoreRead: { ms: read.ms, pages: read.value.pages, peakRssMb: read.peakRssMb, peakHeapMb: read.peakHeapMb, startRssMb: read.startRssMb },
      loadAverage: { before: loadBefore, after: loadavg()[0] },
      node: process.version,
      date: new Date().toISOString()
    }
    console.log(JSON.stringify(result, null, 2))
    mkdirSync(new URL('./results/', import.meta.url), { recursive: true })
    writeFileSync(new URL('./results/backup.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`)
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}, 900_000) // a guard against hangs, not a time limit: it asserts that every row came back; under load (CI beside other work) it took over the default 20 s
