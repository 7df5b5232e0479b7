// Titles and abstracts carry a little HTML/JATS markup (<i>, <sub>, <sup>…).
// This turns it into LaTeX commands, escapes the text between the tags and,
// for titles, braces the words BibTeX styles must not lower-case.
import { latexChars } from './latex-chars'

export interface MarkupOptions {
  latexAccents: boolean
  /** brace capitals and acronyms so a style's sentence case keeps them (titles only) */
  protectCase: boolean
}

/** Inline tags worth keeping, by tag name (HTML, CSL and JATS spellings). */
const COMMAND_OF_TAG: Record<string, string> = {
  i: '\\textit{',
  em: '\\textit{',
  italic: '\\textit{',
  'jats:italic': '\\textit{',
  b: '\\textbf{',
  strong: '\\textbf{',
  bold: '\\textbf{',
  'jats:bold': '\\textbf{',
  sub: '\\textsubscript{',
  inf: '\\textsubscript{',
  'jats:sub': '\\textsubscript{',
  sup: '\\textsuperscript{',
  'jats:sup': '\\textsuperscript{',
  sc: '\\textsc{',
  'jats:sc': '\\textsc{'
}

/** Tags that separate paragraphs or lines: they become a space, not nothing. */
const BREAKING_TAGS = new Set(['p', 'br', 'div', 'li', 'jats:p', 'jats:title', 'jats:sec', 'title', 'sec'])

const TAG = /(<\/?[A-Za-z][\w:.-]*(?:\s[^<>]*)?\/?>)/

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[name.toLowerCase()] ?? whole
  })
}

/** What an opening tag writes, and what its closing tag must write to match. */
function openingOf(tag: string): { name: string; open: string; close: string } {
  const name = tag
    .slice(1)
    .split(/[\s/>]/)[0]
    .toLowerCase()
  const command = COMMAND_OF_TAG[name]
  if (command) return { name, open: command, close: '}' }
  if (name === 'span' && /small-caps/i.test(tag)) return { name, open: '\\textsc{', close: '}' }
  // CSL's "leave this alone" marker
  if (name === 'span' && /class\s*=\s*["']?nocase/i.test(tag)) return { name, open: '{', close: '}' }
  return { name, open: BREAKING_TAGS.has(name) ? ' ' : '', close: BREAKING_TAGS.has(name) ? ' ' : '' }
}

/** Does this title word need braces? Inner capitals (mRNA, DNA, McDonald) always; a capital first letter unless it starts the title. */
function needsBraces(word: string, isFirstWord: boolean): boolean {
  const [first, ...rest] = [...word]
  if (rest.some(char => /\p{Lu}/u.test(char))) return true
  return !isFirstWord && /\p{Lu}/u.test(first)
}

/** Escapes one run of text; in titles, braces each word that needs it. */
class TextWriter {
  private seenWord = false
  constructor(private readonly options: MarkupOptions) {}

  write(text: string): string {
    const plain = decodeEntities(text).replace(/\s+/g, ' ')
    if (!this.options.protectCase) return latexChars(plain, this.options.latexAccents)
    return plain
      .split(/( )/)
      .map(part => this.writeWord(part))
      .join('')
  }

  private writeWord(part: string): string {
    const chars = (text: string): string => latexChars(text, this.options.latexAccents)
    const [, lead, core, trail] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(part) ?? ['', '', part, '']
    if (!/\p{L}/u.test(core)) return chars(part)
    const isFirstWord = !this.seenWord
    this.seenWord = true
    const body = needsBraces(core, isFirstWord) ? `{${chars(core)}}` : chars(core)
    return chars(lead) + body + chars(trail)
  }
}

/** Markup text (a CSL title, abstract, journal…) as the body of a BibTeX field. */
export function latexFromMarkup(markup: string, options: MarkupOptions): string {
  // Some sources entity-encode their markup (&lt;em&gt;…): treat it as markup.
  const source = markup.replace(/&lt;(\/?[A-Za-z][\w:.-]*(?:\s[^&<>]*)?\/?)&gt;/g, '<$1>')
  const writer = new TextWriter(options)
  const open: { name: string; close: string }[] = []
  let out = ''
  source.split(TAG).forEach((token, index) => {
    if (index % 2 === 0) {
      out += writer.write(token)
    } else if (token.startsWith('</')) {
      const name = token.slice(2).split(/[\s>]/)[0].toLowerCase()
      const at = open.map(frame => frame.name).lastIndexOf(name)
      // a closing tag with no opening one is dropped; one that skips others closes them too
      if (at >= 0)
        out += open
          .splice(at)
          .reverse()
          .map(frame => frame.close)
          .join('')
    } else if (!token.endsWith('/>')) {
      const frame = openingOf(token)
      out += frame.open
      open.push(frame)
    } else if (BREAKING_TAGS.has(openingOf(token).name)) {
      out += ' '
    }
  })
  out += open
    .reverse()
    .map(frame => frame.close)
    .join('')
  return out.replace(/ {2,}/g, ' ').trim()
}
