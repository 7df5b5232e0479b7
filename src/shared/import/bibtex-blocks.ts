// Cuts a BibTeX file into its @-blocks, each with the line it starts on, so
// that one broken entry can be reported and skipped while the others import.
// Text outside @-blocks is a comment in BibTeX and is dropped.

export type BlockKind = 'entry' | 'string' | 'preamble' | 'comment'

export interface BibtexBlock {
  kind: BlockKind
  /** the entry type as written, lower-cased ("article", "string", …) */
  type: string
  /** the citation key as written (entries only; "" when the file left it empty) */
  key: string
  /** 1-based line of the "@" */
  line: number
  /** offset of the "@" in the file */
  offset: number
  /** the block's text, from "@" to its closing brace */
  text: string
  /** false when the file ended (or a new entry began) before the closing brace */
  closed: boolean
}

// "@", optional whitespace and %-comment lines, then the type name.
const BLOCK_START = /@(?:\s|%[^\n]*\n)*([A-Za-z][\w-]*)\s*/y
// What findBlockEnd looks at: escapes, braces, a closing parenthesis and line ends.
const BLOCK_SPECIAL = /[\\{})\n]/g
// A line that starts a new entry: used to stop a block whose braces never close.
const LINE_STARTS_ENTRY = /\n@\s*[A-Za-z]+\s*[{(]/y

/** Every @-block of `text`, in file order. */
export function splitBibtexBlocks(text: string): BibtexBlock[] {
  const blocks: BibtexBlock[] = []
  const lineOf = lineCounter(text)
  const commentedOut = commentTracker(text)
  let at = text.indexOf('@')
  while (at >= 0) {
    BLOCK_START.lastIndex = at
    const head = BLOCK_START.exec(text)
    if (!head || commentedOut(at)) {
      at = text.indexOf('@', at + 1)
      continue
    }
    const type = head[1].toLowerCase()
    const open = BLOCK_START.lastIndex
    const opener = text[open]
    if (opener !== '{' && opener !== '(') {
      // "@comment this is a remark" without braces: a comment to the end of the line.
      at = text.indexOf('@', open)
      continue
    }
    const { end, closed } = findBlockEnd(text, open, opener === '{' ? '}' : ')')
    const blockText = text.slice(at, end)
    blocks.push({
      kind: kindOf(type),
      type,
      key: kindOf(type) === 'entry' ? keyOf(text.slice(open + 1, end)) : '',
      line: lineOf(at),
      offset: at,
      text: blockText,
      closed
    })
    at = text.indexOf('@', end)
  }
  return blocks
}

/**
 * "%@article{…" : biber and JabRef users comment out whole entries this way.
 * Asked for offsets that only grow, it reads each character at most once,
 * jumping with indexOf between line ends and percent signs (looking back to
 * the line start for every "@" made a line of 100,000 "@a " take 22 s; a loop
 * over every character of a 190 MB file took a third of a second).
 */
function commentTracker(text: string): (at: number) => boolean {
  let lineStart = 0
  let nextNewline = text.indexOf('\n')
  /** the first "%" at or after lineStart (-1: none left in the file) */
  let nextPercent = text.indexOf('%')
  return at => {
    if (nextNewline !== -1 && nextNewline < at) {
      // the last line end before `at` is past the one already known, so this reads only what was never read
      lineStart = text.lastIndexOf('\n', at - 1) + 1
      nextNewline = text.indexOf('\n', at)
    }
    if (nextPercent !== -1 && nextPercent < lineStart) nextPercent = text.indexOf('%', lineStart)
    return nextPercent !== -1 && nextPercent < at
  }
}

function kindOf(type: string): BlockKind {
  if (type === 'string' || type === 'preamble' || type === 'comment') return type
  return 'entry'
}

/** What precedes the first comma of the body: the citation key. */
function keyOf(body: string): string {
  const match = /^\s*([^,\s}]*)/.exec(body)
  return match ? match[1] : ''
}

/**
 * Where the block opened at `open` ends (exclusive). Braces nest; a ")"
 * closes a "(" block only outside braces. A line that starts with "@type{"
 * ends an unclosed block, so a missing brace costs one entry, not the file.
 */
function findBlockEnd(text: string, open: number, closer: string): { end: number; closed: boolean } {
  let depth = 0
  // from one character that matters to the next (most of a block is words)
  BLOCK_SPECIAL.lastIndex = open + 1
  for (let found = BLOCK_SPECIAL.exec(text); found; found = BLOCK_SPECIAL.exec(text)) {
    let i = found.index
    const c = found[0]
    if (c === '\\') {
      i++ // an escaped brace \{ or \} does not count
    } else if (c === '{') {
      depth++
    } else if (c === '}') {
      if (depth === 0) return { end: i + 1, closed: closer === '}' }
      depth--
    } else if (c === ')' && closer === ')' && depth === 0) {
      return { end: i + 1, closed: true }
    } else if (c === '\n') {
      LINE_STARTS_ENTRY.lastIndex = i
      if (LINE_STARTS_ENTRY.test(text)) return { end: i, closed: false }
    }
    BLOCK_SPECIAL.lastIndex = i + 1
  }
  return { end: text.length, closed: false }
}

/** A function from character offset to 1-based line number. */
function lineCounter(text: string): (offset: number) => number {
  const starts = [0]
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return offset => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }
}
