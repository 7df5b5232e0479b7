// A file's lines walked where they stand: no array of every line of a 300 MB download.

/** Calls `visit` with each line's start, its end (before the line break) and its 1-based number; the piece after the last line break is a line too. */
export function forEachLine(text: string, visit: (at: number, end: number, line: number) => void): void {
  let line = 0
  for (let at = 0; at <= text.length;) {
    const newline = text.indexOf('\n', at)
    const end = newline < 0 ? text.length : newline
    visit(at, end, ++line)
    at = end + 1
  }
}
