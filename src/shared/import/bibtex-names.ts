// A list of names without LaTeX ("Müller, Hans and de la Vega, Ana") read
// the way citation-js's name grammar reads it, token for token, without its
// tokenizer: names are in every entry, and its tokenizer was a tenth of a
// large import. The parts are put in order (given, particle, family,
// suffix) by citation-js's own function.
import { getStringCase, orderNamePieces } from '@citation-js/plugin-bibtex/lib/input/name.js'

type Token = 'and' | 'comma' | 'hyphen' | 'space' | 'text' | 'end'

interface NamePart {
  value: string
  upperCase: boolean | null
  hyphenated?: true
}

// citation-js's tokens for names, in its order of preference: " and ", ",", "-", white space, other text — read a
// character at a time (a regular expression of five groups, and the array of its match, was 8 % of an import's reader)

/** What JavaScript's \s matches. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13)
  if (code < 160) return false
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/** Ends a text token: white space, or one of { $ } ~ \\ , = - */
const isBreak = (code: number): boolean =>
  code === 123 || code === 36 || code === 125 || code === 126 || code === 92 || code === 44 || code === 61 || code === 45 || isSpace(code)

/** "and" in any case at `at`. */
const isAnd = (text: string, at: number): boolean =>
  (text.charCodeAt(at) | 32) === 97 && (text.charCodeAt(at + 1) | 32) === 110 && (text.charCodeAt(at + 2) | 32) === 100

/** The names in `text`, which holds no {, }, $, \, ~ or = (those are left to citation-js). */
export function readPlainNames(text: string): Record<string, string>[] {
  const tokens = new Tokens(text)
  const names: Record<string, string>[] = []
  for (;;) {
    tokens.skip('space')
    names.push(readName(tokens))
    tokens.skip('space')
    if (tokens.kind === 'end') return names
    tokens.expect('and')
  }
}

function readName(tokens: Tokens): Record<string, string> {
  const pieces: NamePart[][] = []
  for (;;) {
    pieces.push(readPiece(tokens))
    if (tokens.kind === 'end' || tokens.kind === 'and') return orderNamePieces(pieces)
    tokens.expect('comma')
    tokens.skip('space')
  }
}

/** The parts between two commas: words, each marked when a hyphen follows it. */
function readPiece(tokens: Tokens): NamePart[] {
  const parts: NamePart[] = []
  for (;;) {
    parts.push(readPart(tokens))
    if (tokens.kind === 'end' || tokens.kind === 'and' || tokens.kind === 'comma') return parts
    while (tokens.kind === 'hyphen' || tokens.kind === 'space') tokens.next()
  }
}

function readPart(tokens: Tokens): NamePart {
  if (tokens.kind !== 'text') return tokens.kind === 'hyphen' ? { value: '', upperCase: null, hyphenated: true } : { value: '', upperCase: null }
  const value = tokens.text
  tokens.next()
  const part: NamePart = { value, upperCase: getStringCase(value) }
  if (tokens.is('hyphen')) part.hyphenated = true
  return part
}

class Tokens {
  kind: Token = 'end'
  text = ''
  private at = 0

  constructor(private readonly source: string) {
    this.next()
  }

  next(): void {
    if (this.at >= this.source.length) {
      this.kind = 'end'
      return
    }
    const source = this.source
    const start = this.at
    const code = source.charCodeAt(start)
    let end = start + 1
    if (code === 44) this.kind = 'comma'
    else if (code === 45) this.kind = 'hyphen'
    else if (isSpace(code)) {
      while (end < source.length && isSpace(source.charCodeAt(end))) end++
      this.kind = 'space'
      // white space, "and", white space: one token
      if (isAnd(source, end) && end + 3 < source.length && isSpace(source.charCodeAt(end + 3))) {
        end += 4
        while (end < source.length && isSpace(source.charCodeAt(end))) end++
        this.kind = 'and'
      }
    } else if (!isBreak(code)) {
      while (end < source.length && !isBreak(source.charCodeAt(end))) end++
      this.kind = 'text'
    } else throw new SyntaxError(`names hold ${source[start]}, which is left to citation-js`)
    this.text = source.slice(start, end)
    this.at = end
  }

  /** a method, not a field read: a field read just after next() would be narrowed by TypeScript to its old value */
  is(kind: Token): boolean {
    return this.kind === kind
  }

  skip(kind: Token): void {
    if (this.kind === kind) this.next()
  }

  expect(kind: Token): void {
    if (this.kind !== kind) throw new SyntaxError(`expected ${kind}, found ${this.kind}`)
    this.next()
  }
}
