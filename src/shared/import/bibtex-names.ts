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

// citation-js's tokens for names, in its order of preference: " and ", ",", "-", white space, other text
const TOKEN = /(\s+[aA][nN][dD]\s+)|(,)|(-)|(\s+)|([^{$}\s~\\,=-]+)/y
const KINDS: Token[] = ['and', 'comma', 'hyphen', 'space', 'text']

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
    TOKEN.lastIndex = this.at
    const match = TOKEN.exec(this.source)!
    this.kind = KINDS[match.slice(1).findIndex(group => group !== undefined)]
    this.text = match[0]
    this.at = TOKEN.lastIndex
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
