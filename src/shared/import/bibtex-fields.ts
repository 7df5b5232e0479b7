// The "name = value # value, …" lists inside a BibTeX block, read the way
// citation-js's grammar reads them ("quoted" and {braced} literals, numbers
// and @string names joined by #, %-comments), but in one pass with no
// recursion: a value nested 100,000 braces deep or 3 MB long is measured
// here, in a loop, before citation-js (whose reader recurses once per
// brace) ever sees it.

/** One part of a value: a literal (its text without the outer delimiters), a number, or an @string name. */
export interface ValuePart {
  kind: 'literal' | 'number' | 'macro'
  /** offsets of the part in the scanned text (the literal's delimiters included) */
  start: number
  end: number
  /** deepest brace nesting inside the part (the outer braces of {…} count as 1) */
  depth: number
}

export interface Field {
  /** lower-cased, as citation-js stores it */
  name: string
  /** offset of the field name */
  start: number
  /** offset just after the value */
  valueEnd: number
  /** offset just after the comma that ends the field, or valueEnd when none does */
  end: number
  parts: ValuePart[]
}

export interface FieldList {
  fields: Field[]
  /** offset where reading stopped: the block's closing delimiter, or the first thing that is not a field */
  end: number
  /** false when something other than a field or the closing delimiter was found at `end` */
  complete: boolean
}

// citation-js's identifier and number tokens
const IDENTIFIER = /[a-zA-Z_][a-zA-Z0-9_:+-]*/y
const NUMBER = /-?\d+/y

/** The fields of `text` from `from` on, up to a closing "}" or ")". */
export function readFields(text: string, from: number): FieldList {
  const fields: Field[] = []
  let at = skipSpace(text, from)
  for (;;) {
    const name = match(IDENTIFIER, text, at)
    if (!name) return { fields, end: at, complete: text[at] === '}' || text[at] === ')' }
    const start = at
    at = skipSpace(text, at + name.length)
    if (text[at] !== '=') return { fields, end: start, complete: false }
    const value = readValue(text, skipSpace(text, at + 1))
    if (!value) return { fields, end: start, complete: false }
    at = skipSpace(text, value.end)
    const comma = text[at] === ','
    const end = comma ? at + 1 : value.end
    fields.push({ name: name.toLowerCase(), start, valueEnd: value.end, end, parts: value.parts })
    if (comma) at = skipSpace(text, at + 1)
    else return { fields, end: at, complete: text[at] === '}' || text[at] === ')' }
  }
}

/** The parts of one value ("a" # b # {c}), or null when the value is not well formed. */
function readValue(text: string, from: number): { parts: ValuePart[]; end: number } | null {
  const parts: ValuePart[] = []
  let at = from
  for (;;) {
    const part = readPart(text, at)
    if (!part) return null
    parts.push(part)
    const next = skipSpace(text, part.end)
    if (text[next] !== '#') return { parts, end: part.end }
    at = skipSpace(text, next + 1)
  }
}

function readPart(text: string, at: number): ValuePart | null {
  const c = text[at]
  if (c === '{' || c === '"') return readLiteral(text, at)
  const number = match(NUMBER, text, at)
  if (number) return { kind: 'number', start: at, end: at + number.length, depth: 0 }
  const name = match(IDENTIFIER, text, at)
  if (name) return { kind: 'macro', start: at, end: at + name.length, depth: 0 }
  return null
}

// what can end or nest a literal
const LITERAL_SPECIAL = /[\\{}"]/g

/**
 * A "quoted" or {braced} literal starting at `at`. Braces nest; inside
 * braces \\, \{ and \} are text; directly inside quotes \\ and \{ are
 * (citation-js's lexer rules, so both of us find the same end).
 */
function readLiteral(text: string, at: number): ValuePart | null {
  const quoted = text[at] === '"'
  let depth = quoted ? 0 : 1
  let deepest = depth
  // from one \, {, } or " to the next: an abstract is a few of those in a thousand characters
  LITERAL_SPECIAL.lastIndex = at + 1
  for (let found = LITERAL_SPECIAL.exec(text); found; found = LITERAL_SPECIAL.exec(text)) {
    let i = found.index
    const c = found[0]
    if (c === '\\') {
      const next = text[i + 1]
      if (next === '\\' || next === '{' || (next === '}' && depth > 0)) i++
    } else if (c === '{') {
      depth++
      if (depth > deepest) deepest = depth
    } else if (c === '}' && depth > 0) {
      depth--
      if (depth === 0 && !quoted) return { kind: 'literal', start: at, end: i + 1, depth: deepest }
    } else if (c === '"' && quoted && depth === 0) {
      return { kind: 'literal', start: at, end: i + 1, depth: deepest }
    }
    LITERAL_SPECIAL.lastIndex = i + 1
  }
  return null
}

/** The text a part stands for, without a literal's outer delimiters. */
export function partText(text: string, part: ValuePart): string {
  return part.kind === 'literal' ? text.slice(part.start + 1, part.end - 1) : text.slice(part.start, part.end)
}

/** Past white space and %-comments (a loop, not a regular expression: runs can be megabytes long). */
function skipSpace(text: string, at: number): number {
  let i = at
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (c === 0x25 /* % */) {
      const eol = text.indexOf('\n', i)
      i = eol < 0 ? text.length : eol
    } else if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0xfeff || (c > 0x7f && /\s/.test(text[i]))) {
      i++
    } else {
      break
    }
  }
  return i
}

function match(pattern: RegExp, text: string, at: number): string | null {
  pattern.lastIndex = at
  return pattern.exec(text)?.[0] ?? null
}
