// What the status line says while a file is imported: reading, papers made
// ready by the reader, papers written. A large file takes seconds (100,000
// papers, a minute under load), and a silent window looks stuck. Told a few
// times a second at most: each message redraws the status line.
const EVERY_MS = 250

const count = (n: number) => n.toLocaleString('en')

export interface ImportProgress {
  reading(): void
  read(ready: number, total: number): void
  saved(saved: number, total: number): void
}

export function importProgress(name: string, tell: (text: string) => void): ImportProgress {
  let last = -Infinity
  const say = (text: string, always: boolean) => {
    const now = performance.now()
    if (!always && now - last < EVERY_MS) return
    last = now
    tell(text)
  }
  return {
    reading: () => say(`Importing ${name}: reading the file…`, true),
    read: (ready, total) => say(`Importing ${name}: ${count(ready)} of ${count(total)} papers read…`, ready === total),
    saved: (saved, total) => say(`Importing ${name}: ${count(saved)} of ${count(total)} new papers written…`, saved === total)
  }
}
