// What the status line says while a file is imported: reading, papers made
// ready by the reader, papers written (the first are written while the rest
// is read). A large file takes seconds (100,000 papers, half a minute under
// load), and a silent window looks stuck. Told a few times a second at most:
// each message redraws the status line.
// Counts written with commas by limits.ts's `count`, not toLocaleString: the window uses no number formatting before
// an import, and the first toLocaleString sets up ICU's (46 ms in a fresh Chromium worker), in the task of the
// reader's first message.
import { count } from '@shared/import/limits'

const EVERY_MS = 250

export interface ImportProgress {
  reading(): void
  read(ready: number, total: number): void
  saved(saved: number): void
}

export function importProgress(name: string, tell: (text: string) => void): ImportProgress {
  let last = -Infinity
  let ready = 0
  let total = 0
  let saved = 0
  const say = (always: boolean) => {
    const now = performance.now()
    if (!always && now - last < EVERY_MS) return
    last = now
    tell(`Importing ${name}: ${count(ready)} of ${count(total)} papers read${saved ? `, ${count(saved)} new papers written` : ''}…`)
  }
  return {
    reading: () => tell(`Importing ${name}: reading the file…`),
    read(readyNow, totalNow) {
      ready = readyNow
      total = totalNow
      say(ready === total)
    },
    saved(savedNow) {
      saved = savedNow
      say(false)
    }
  }
}
